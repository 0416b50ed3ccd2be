using Controller.Brain.Manifests;
using Controller.Brain.Tests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace Controller.Brain.Tests.Text;

/// <summary>The WordPiece example with its tokenizer section scrambled: the parser returns a manifest or throws ManifestException, nothing else.</summary>
public class TokenizerManifestPropertyTests
{
    private static readonly string[] Keys = ["type", "vocab", "vocabulary", "merges", "lowercase", "add_special_tokens", "max_length", "padding", "pad_id", "unknown_id", "unknown_token", "bos_token", "eos_token", "colour"];

    private static readonly string[] Values =
        ["word", "bpe", "wordpiece", "sentencepiece", "piece", "true", "false", "yes", "0", "1", "2", "16", "-1", "1e309", "99999999999", "max_length", "longest",
         "tokenizer/vocab.txt", "vocab.json", "merges.txt", "missing.txt", "[PAD]", "<s>", "[1, 2]", "{a: 1}", "''", "~"];

    private static readonly string[] Features = ["task", "task.attention_mask", "observation.state", "task.mask"];

    [Fact]
    public void Parse_ScrambledTokenizerSection_ParsesOrThrowsManifestException()
    {
        using var folder = new TempFolder();
        string example = File.ReadAllText(TextFixtures.WriteExample(folder));
        File.Copy(TextFixtures.BpeVocab, folder.File("vocab.json"));
        File.Copy(TextFixtures.BpeMerges, folder.File("merges.txt"));
        int tokenizerAt = example.IndexOf("tokenizer:", StringComparison.Ordinal), actionAt = example.IndexOf("action:", StringComparison.Ordinal);
        string head = example[..tokenizerAt], tail = example[actionAt..];
        Prop.ForAll(Gen.Choose(0, int.MaxValue - 1).ToArbitrary(), seed =>
        {
            var rng = new Random(seed);
            var lines = Enumerable.Range(0, rng.Next(0, 9)).Select(_ => $"  {Keys[rng.Next(Keys.Length)]}: {Values[rng.Next(Values.Length)]}");
            string inputs = rng.Next(3) == 0
                ? head.Replace("feature: task.attention_mask", $"feature: {Features[rng.Next(Features.Length)]}", StringComparison.Ordinal)
                      .Replace("shape: [1, 16]", $"shape: [1, {rng.Next(0, 20)}]", StringComparison.Ordinal)
                : head;
            string yaml = inputs + (rng.Next(8) == 0 ? "" : "tokenizer:\n" + string.Join('\n', lines) + "\n") + tail;
            try
            {
                var m = ManifestParser.Parse(yaml, "fuzz.yaml", folder.Path);
                return m.Text is null || m.Text.MaxLength > m.Text.Encoder.SpecialTokenCount;
            }
            catch (ManifestException e) { return e.Problems.Count > 0; }
        }).QuickCheckThrowOnFailure();
    }
}
