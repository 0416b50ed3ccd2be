using Controller.Brain.Manifests;
using Controller.Brain.Tests.Support;
using Controller.Brain.Text;

namespace Controller.Brain.Tests.Text;

/// <summary>Golden ids from the hand-made unigram model (ids listed in <see cref="SentencePieceFixture"/>).</summary>
public class SentencePieceEncoderTests
{
    private static ITextEncoder Load(TempFolder folder, bool addSpecialTokens)
    {
        File.WriteAllBytes(folder.File("tokenizer.model"), SentencePieceFixture.ModelBytes());
        return TextEncoderLoader.Load(new TokenizerSettings(TokenizerKind.SentencePiece, folder.File("tokenizer.model"), null, false, addSpecialTokens, null, null, null, null, null));
    }

    [Theory]
    [InlineData("put the red cube in the bin", new long[] { 3, 4, 5, 6, 7, 4, 8 })]
    [InlineData("put the red cubes in the bins", new long[] { 3, 4, 5, 6, 9, 7, 4, 8, 9 })]
    [InlineData("Put", new long[] { 10, 0, 0, 0 })]
    public void Encode_Sentence_GoldenIds(string text, long[] expected)
    {
        using var folder = new TempFolder();
        var (ids, mask, count) = TextFixtures.Encode(Load(folder, addSpecialTokens: false), text, 12);
        Assert.Equal(expected.Length, count);
        Assert.Equal(TextFixtures.Padded(12, expected), ids);
        Assert.Equal(expected.Length, mask.Sum());
    }

    [Fact]
    public void Encode_WithBos_BosFirstThenTruncated()
    {
        using var folder = new TempFolder();
        var sp = Load(folder, addSpecialTokens: true);
        Assert.Equal(14, sp.VocabularySize);
        Assert.Equal([1L, 3, 4, 5], TextFixtures.Encode(sp, "put the red cube in the bin", 4).Ids);
    }

    [Fact]
    public void Parse_SentencePieceManifest_LoadsAndRefusesLowercase()
    {
        using var folder = new TempFolder();
        File.WriteAllBytes(folder.File("model.onnx"), [0]);
        File.WriteAllBytes(folder.File("tokenizer.model"), SentencePieceFixture.ModelBytes());
        string Manifest(string extra) => $"""
            kind: policy
            model: model.onnx
            rate_hz: 10
            inputs:
              - feature: task
                tensor: input_ids
                shape: [1, 8]
            tokenizer:
              type: sentencepiece
              vocab: tokenizer.model
            {extra}
            action:
              tensor: action
              shape: [1, 2, 3]
              meaning: absolute_joint_position
              step_hz: 10
            """;
        var m = ManifestParser.Parse(Manifest(""), "t.yaml", folder.Path);
        Assert.Equal([1L, 3, 4, 8, 0, 0, 0, 0], TextFixtures.Encode(m.Text!.Encoder, "put the bin", 8).Ids);
        var e = Assert.Throws<ManifestException>(() => ManifestParser.Parse(Manifest("  lowercase: true"), "t.yaml", folder.Path));
        Assert.StartsWith("tokenizer.lowercase: a SentencePiece model carries its own normalisation", Assert.Single(e.Problems));
    }
}
