using Controller.Brain.Manifests;
using Controller.Brain.Tests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace Controller.Brain.Tests.Text;

/// <summary>
/// Malformed tokenizer files (random bytes, mutated fixtures) behind a manifest: the parser either accepts the file
/// (and the tokenizer then encodes text within its vocabulary) or throws ManifestException with a problem that names
/// the file; never another exception.
/// </summary>
public class TokenizerFileFuzzTests
{
    private static string Manifest(string type, string vocab, string? merges) => $"""
        kind: policy
        model: model.onnx
        rate_hz: 10
        inputs:
          - feature: task
            tensor: input_ids
            shape: [1, 8]
        tokenizer:
          type: {type}
          vocab: {vocab}
        {(merges is null ? "" : $"  merges: {merges}\n")}action:
          tensor: action
          shape: [1, 2, 3]
          meaning: absolute_joint_position
          step_hz: 10
        """;

    private static byte[] Mutate(byte[] bytes, Random rng)
    {
        var list = bytes.ToList();
        int edits = rng.Next(1, 6);
        for (int i = 0; i < edits; i++)
        {
            int at = list.Count == 0 ? 0 : rng.Next(list.Count);
            switch (rng.Next(6))
            {
                case 0: if (list.Count > 0) list[at] = (byte)rng.Next(256); break;
                case 1: if (list.Count > 0) list.RemoveRange(at, Math.Min(rng.Next(1, 30), list.Count - at)); break;
                case 2: list.InsertRange(at, list.Skip(at).Take(rng.Next(1, 40)).ToArray()); break;
                case 3: list.Insert(at, "\n\"{}[]:,# 0123456789-\0"u8[rng.Next(21)]); break;
                case 4: list.RemoveRange(at, list.Count - at); break;
                default: list.InsertRange(at, new byte[] { 0xC3, 0x28, 0xFF, 0xFE }.Take(rng.Next(1, 5))); break;
            }
        }
        return list.ToArray();
    }

    /// <summary>Writes the files, parses; true when the outcome is one of the two allowed ones.</summary>
    private static bool ParsesOrNamesTheFile(TempFolder folder, string type, byte[] vocab, byte[]? merges, string vocabName)
    {
        File.WriteAllBytes(folder.File(vocabName), vocab);
        if (merges is not null) File.WriteAllBytes(folder.File("merges.txt"), merges);
        try
        {
            var m = ManifestParser.Parse(Manifest(type, vocabName, merges is null ? null : "merges.txt"), "fuzz.yaml", folder.Path);
            var encoder = m.Text!.Encoder;
            var ids = new long[8];
            var mask = new long[8];
            foreach (string text in new[] { "put the red cube in the bin", "", "\ud800日本🤖 [CLS] </s>" })
            {
                encoder.Encode(text, ids, mask);
                if (ids.Any(id => id < 0 || id >= encoder.VocabularySize)) return false;
            }
            return true;
        }
        catch (ManifestException e)
        {
            return e.Problems.Any(p => p.Contains(folder.File(vocabName), StringComparison.Ordinal) || p.Contains(folder.File("merges.txt"), StringComparison.Ordinal));
        }
    }

    private static void Check(string type, string vocabName, Func<Random, (byte[] Vocab, byte[]? Merges)> files)
    {
        using var folder = new TempFolder();
        File.WriteAllBytes(folder.File("model.onnx"), [0]);
        Prop.ForAll(Gen.Choose(0, int.MaxValue - 1).ToArbitrary(), seed =>
        {
            var (vocab, merges) = files(new Random(seed));
            return ParsesOrNamesTheFile(folder, type, vocab, merges, vocabName);
        }).QuickCheckThrowOnFailure();
    }

    private static byte[] RandomBytes(Random rng)
    {
        var b = new byte[rng.Next(0, 400)];
        rng.NextBytes(b);
        return b;
    }

    [Fact]
    public void Parse_MutatedWordPieceVocab_ParsesOrNamesTheFile()
    {
        byte[] good = File.ReadAllBytes(TextFixtures.WordPieceVocab);
        Check("wordpiece", "vocab.txt", rng => (rng.Next(4) == 0 ? RandomBytes(rng) : Mutate(good, rng), null));
    }

    [Fact]
    public void Parse_MutatedBpeFiles_ParsesOrNamesTheFile()
    {
        byte[] vocab = File.ReadAllBytes(TextFixtures.BpeVocab), merges = File.ReadAllBytes(TextFixtures.BpeMerges);
        Check("bpe", "vocab.json", rng => rng.Next(3) switch
        {
            0 => (Mutate(vocab, rng), merges),
            1 => (vocab, Mutate(merges, rng)),
            _ => (rng.Next(2) == 0 ? RandomBytes(rng) : vocab, RandomBytes(rng)),
        });
    }

    [Fact]
    public void Parse_MutatedWordList_ParsesOrNamesTheFile()
    {
        byte[] good = "<pad>\n<unk>\nput\nthe\nred\ncube\nin\nbin\n"u8.ToArray();
        Check("word", "words.txt", rng => (rng.Next(4) == 0 ? RandomBytes(rng) : Mutate(good, rng), null));
    }

    [Fact]
    public void Parse_MutatedSentencePieceModel_ParsesOrNamesTheFile()
    {
        byte[] good = SentencePieceFixture.ModelBytes();
        Check("sentencepiece", "tokenizer.model", rng => (rng.Next(4) == 0 ? RandomBytes(rng) : Mutate(good, rng), null));
    }
}
