using Controller.Brain.Text;

namespace Controller.Brain.Tests.Text;

/// <summary>Golden ids from the hand-made vocabulary (Fixtures/README.md); every expected id is read off its table.</summary>
public class WordPieceEncoderTests
{
    private static readonly ITextEncoder Encoder = TextFixtures.WordPiece();

    [Theory]
    [InlineData("put the red cube in the bin", new long[] { 2, 5, 6, 7, 8, 9, 6, 10, 3 })]
    [InlineData("Pick up the blue cubes!", new long[] { 2, 13, 14, 6, 12, 8, 11, 16, 3 })]
    [InlineData("PUT the RED cube, in the bin.", new long[] { 2, 5, 6, 7, 8, 17, 9, 6, 10, 18, 3 })]
    [InlineData("put the green cube", new long[] { 2, 5, 6, 1, 8, 3 })]
    [InlineData("bins picking", new long[] { 2, 10, 11, 13, 15, 3 })]
    [InlineData("", new long[] { 2, 3 })]
    public void Encode_Sentence_GoldenIdsPaddedWithMask(string text, long[] expected)
    {
        var (ids, mask, count) = TextFixtures.Encode(Encoder, text, 16);
        Assert.Equal(expected.Length, count);
        Assert.Equal(TextFixtures.Padded(16, expected), ids);
        Assert.Equal(Enumerable.Range(0, 16).Select(i => i < expected.Length ? 1L : 0L), mask);
    }

    [Fact]
    public void Encode_LongerThanMaxLength_TruncatesTextAndKeepsSep()
    {
        var (ids, mask, count) = TextFixtures.Encode(Encoder, "put the red cube in the bin", 6);
        Assert.Equal(6, count);
        Assert.Equal([2L, 5, 6, 7, 8, 3], ids);
        Assert.All(mask, m => Assert.Equal(1L, m));
    }

    [Fact]
    public void Encode_WithoutSpecialTokens_TextOnly()
    {
        var plain = TextFixtures.WordPiece(addSpecialTokens: false);
        Assert.Equal(0, plain.SpecialTokenCount);
        var (ids, _, count) = TextFixtures.Encode(plain, "put the red cube", 6);
        Assert.Equal(4, count);
        Assert.Equal([5L, 6, 7, 8, 0, 0], ids);
    }

    [Fact]
    public void Encode_CaseSensitive_UpperCaseWordIsUnknown()
    {
        var cased = TextFixtures.WordPiece(lowercase: false);
        var (ids, _, _) = TextFixtures.Encode(cased, "PUT the cube", 6);
        Assert.Equal([2L, 1, 6, 8, 3, 0], ids);
    }

    [Fact]
    public void Load_FixtureVocabulary_SizeAndPadFromFile()
    {
        Assert.Equal(TokenizerKind.WordPiece, Encoder.Kind);
        Assert.Equal(19, Encoder.VocabularySize);
        Assert.Equal(0, Encoder.PadId);
        Assert.Equal(2, Encoder.SpecialTokenCount);
    }
}
