using Controller.Brain.Text;

namespace Controller.Brain.Tests.Text;

/// <summary>Golden ids from the hand-made BPE vocabulary and merges (Fixtures/README.md).</summary>
public class BpeEncoderTests
{
    [Theory]
    [InlineData("put the red cube in the bin", new long[] { 16, 18, 20, 25, 21, 18, 22 })]
    [InlineData("Put THE bed", new long[] { 16, 18, 12, 8, 10 })]
    [InlineData("Zed!", new long[] { 1, 8, 10, 1 })]
    [InlineData("", new long[0])]
    public void Encode_Sentence_GoldenIds(string text, long[] expected)
    {
        var (ids, mask, count) = TextFixtures.Encode(TextFixtures.Bpe(), text, 12);
        Assert.Equal(expected.Length, count);
        Assert.Equal(TextFixtures.Padded(12, expected), ids);
        Assert.Equal(Enumerable.Range(0, 12).Select(i => i < expected.Length ? 1L : 0L), mask);
    }

    [Fact]
    public void Encode_BosEosAndTruncation_EosKeptLast()
    {
        var bpe = TextFixtures.Bpe(addSpecialTokens: true);
        Assert.Equal(2, bpe.SpecialTokenCount);
        Assert.Equal([2L, 16, 18, 20, 25, 21, 18, 22, 3, 0], TextFixtures.Encode(bpe, "put the red cube in the bin", 10).Ids);
        Assert.Equal([2L, 16, 18, 3], TextFixtures.Encode(bpe, "put the red cube in the bin", 4).Ids);
        Assert.Equal([2L, 3, 0, 0], TextFixtures.Encode(bpe, "", 4).Ids);
    }

    [Fact]
    public void Load_FixtureVocabulary_SizeIsLargestIdPlusOne()
    {
        var bpe = TextFixtures.Bpe();
        Assert.Equal(26, bpe.VocabularySize);
        Assert.Equal(TokenizerKind.Bpe, bpe.Kind);
    }
}
