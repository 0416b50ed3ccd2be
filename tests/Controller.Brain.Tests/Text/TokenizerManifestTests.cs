using Controller.Brain.Hosting;
using Controller.Brain.Manifests;
using Controller.Brain.Onnx;
using Controller.Brain.Tests.Support;
using Controller.Brain.Text;

namespace Controller.Brain.Tests.Text;

/// <summary>The manifest's tokenizer section: the WordPiece example against its model, and each kind of mistake reported with its path.</summary>
public class TokenizerManifestTests
{
    private static string Policy(string inputs, string tokenizer) => $"""
        kind: policy
        model: model.onnx
        rate_hz: 10
        inputs:
        {inputs}
        tokenizer:
        {tokenizer}
        action:
          tensor: action
          shape: [1, 2, 3]
          meaning: absolute_joint_position
          step_hz: 10
        """;

    private const string IdsAndMask = """
          - feature: task
            tensor: input_ids
            shape: [1, 8]
          - feature: task.attention_mask
            tensor: attention_mask
            shape: [1, 8]
        """;

    private static ManifestException ParseFails(TempFolder folder, string yaml) =>
        Assert.Throws<ManifestException>(() => ManifestParser.Parse(yaml, "t.yaml", folder.Path));

    private static TempFolder FolderWithFixtures()
    {
        var folder = new TempFolder();
        File.WriteAllBytes(folder.File("model.onnx"), [0]);
        File.Copy(TextFixtures.WordPieceVocab, folder.File("vocab.txt"));
        File.Copy(TextFixtures.BpeVocab, folder.File("vocab.json"));
        File.Copy(TextFixtures.BpeMerges, folder.File("merges.txt"));
        return folder;
    }

    [Fact]
    public void Load_WordPieceExample_ValidatesRunsAndFeedsIdsAndMask()
    {
        using var folder = new TempFolder();
        var manifest = ManifestParser.Load(TextFixtures.WriteExample(folder));
        Assert.Equal(TokenizerKind.WordPiece, manifest.Text!.Encoder.Kind);
        Assert.Equal(16, manifest.Text.MaxLength);
        Assert.Equal(folder.File("tokenizer/vocab.txt"), manifest.Text.VocabularyPath);

        using var host = ModelHost.Create(manifest);
        var obs = new ObservationAssembler(host, TextFixtures.ExampleJoints);
        Assert.Equal(AssemblyStatus.Ok, obs.SetTask("put the red cube in the bin"));
        long[] expectedIds = TextFixtures.Padded(16, 2, 5, 6, 7, 8, 9, 6, 10, 3);
        Assert.Equal(expectedIds, host.Inputs["input_ids"].Int64s.ToArray());
        Assert.Equal(Enumerable.Range(0, 16).Select(i => i < 9 ? 1L : 0L), host.Inputs["attention_mask"].Int64s.ToArray());
        Assert.Equal(InferenceStatus.Ok, host.Run());

        // State and image are zero, so action = ids·mask · W[9.., :] + b (row-major W of [25, 60]).
        float[] w = TestModels.Weights(25 * 60, 0.01f), b = TestModels.Weights(60, 0.1f);
        var action = host.Outputs["action"].Floats;
        for (int j = 0; j < 60; j += 7)
        {
            float expected = b[j];
            for (int k = 0; k < 16; k++) expected += expectedIds[k] * w[(9 + k) * 60 + j];
            Assert.Equal(expected, action[j], 1e-4f);
        }
    }

    [Fact]
    public void Validate_ModelTakesOtherLength_ReportsMaxLength()
    {
        using var folder = new TempFolder();
        var manifest = ManifestParser.Load(TextFixtures.WriteExample(folder, TextFixtures.ExampleModel(idsLength: 32)));
        var e = Assert.Throws<ManifestException>(() => ModelHost.Create(manifest));
        Assert.Contains(e.Problems, p => p.StartsWith("tokenizer.max_length: the tokenizer writes 16 token ids into 'input_ids' (inputs[2])", StringComparison.Ordinal) && p.Contains("int64 [1, 32]", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.StartsWith("tokenizer.max_length: the tokenizer writes 16 attention mask into 'attention_mask' (inputs[3])", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_ModelMaskIsFloat_ReportsDtype()
    {
        using var folder = new TempFolder();
        var manifest = ManifestParser.Load(TextFixtures.WriteExample(folder, TextFixtures.ExampleModel(maskType: OnnxDataType.Float)));
        var problems = ManifestValidator.Check(manifest, SignatureOf(folder.File("smolvla_wordpiece.onnx")));
        Assert.Equal("inputs[3].tensor: input 'attention_mask' is float [1, 16] in the model; the manifest says int64 [1, 16]", Assert.Single(problems));
    }

    private static ModelSignature SignatureOf(string onnxPath)
    {
        using var session = new Microsoft.ML.OnnxRuntime.InferenceSession(onnxPath);
        return ModelSignature.Of(session);
    }

    [Fact]
    public void Parse_BpeTokenizer_LoadsWithSpecialTokens()
    {
        using var folder = FolderWithFixtures();
        var m = ManifestParser.Parse(Policy(IdsAndMask, """
              type: bpe
              vocab: vocab.json
              merges: merges.txt
              lowercase: true
              add_special_tokens: true
              bos_token: <s>
              eos_token: </s>
              max_length: 8
            """), "t.yaml", folder.Path);
        var (ids, _, _) = TextFixtures.Encode(m.Text!.Encoder, "Put the bin", m.Text.MaxLength);
        Assert.Equal([2L, 16, 18, 22, 3, 0, 0, 0], ids);
    }

    [Fact]
    public void Parse_MissingFilesAndBadSettings_EveryProblemWithItsPath()
    {
        using var folder = FolderWithFixtures();
        var e = ParseFails(folder, Policy(IdsAndMask, """
              type: bpe
              vocab: nope.json
              max_length: 9
              padding: longest
              unknown_id: 3
            """));
        string[] expected =
        [
            "tokenizer.merges: missing",
            "tokenizer.padding: expected one of max_length, found 'longest'",
            "tokenizer.unknown_id: only a word tokenizer takes 'unknown_id'",
            "tokenizer.max_length: 9 does not match the task input's shape [1, 8] (inputs[0].shape)",
        ];
        foreach (string p in expected) Assert.Contains(e.Problems, q => q.StartsWith(p, StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_MissingVocabFile_NamesTheResolvedPath()
    {
        using var folder = FolderWithFixtures();
        var e = ParseFails(folder, Policy(IdsAndMask, """
              type: bpe
              vocab: nope.json
              merges: merges.txt
            """));
        Assert.Equal($"tokenizer.vocab: '{folder.File("nope.json")}': the file does not exist", Assert.Single(e.Problems));
    }

    [Fact]
    public void Parse_MalformedVocabJson_NamesTheFile()
    {
        using var folder = FolderWithFixtures();
        File.WriteAllText(folder.File("vocab.json"), """{"a": 0, "b": "one"}""");
        var e = ParseFails(folder, Policy(IdsAndMask, "  type: bpe\n  vocab: vocab.json\n  merges: merges.txt"));
        Assert.Equal($"tokenizer.vocab: '{folder.File("vocab.json")}': the id of token 'b' must be a whole number in [0, 16777215]; it is \"one\"", Assert.Single(e.Problems));
    }

    [Fact]
    public void Parse_MergeUsingUnknownToken_NamesTheMergesFile()
    {
        using var folder = FolderWithFixtures();
        File.AppendAllText(folder.File("merges.txt"), "x y\n");
        var e = ParseFails(folder, Policy(IdsAndMask, "  type: bpe\n  vocab: vocab.json\n  merges: merges.txt"));
        Assert.Equal($"tokenizer.merges: '{folder.File("merges.txt")}': line 13 ('x y') uses 'x', which is not in the vocabulary", Assert.Single(e.Problems));
    }

    [Fact]
    public void Parse_WordPieceWithoutSpecialTokens_NamesWhatIsMissing()
    {
        using var folder = FolderWithFixtures();
        File.WriteAllText(folder.File("vocab.txt"), "[PAD]\n[UNK]\nput\n");
        var e = ParseFails(folder, Policy(IdsAndMask, "  type: wordpiece\n  vocab: vocab.txt"));
        Assert.Contains("missing [CLS], [SEP], [MASK]", Assert.Single(e.Problems));
    }

    [Fact]
    public void Parse_PadIdOutsideVocabulary_ReportedAtPadId()
    {
        using var folder = FolderWithFixtures();
        var e = ParseFails(folder, Policy(IdsAndMask, "  type: wordpiece\n  vocab: vocab.txt\n  pad_id: 19"));
        Assert.Equal($"tokenizer.pad_id: '{folder.File("vocab.txt")}': pad_id 19 is outside the vocabulary (ids 0 to 18)", Assert.Single(e.Problems));
    }

    [Fact]
    public void Parse_MaskWithOtherShapeOrDtype_Reported()
    {
        using var folder = FolderWithFixtures();
        var e = ParseFails(folder, Policy("""
              - feature: task
                tensor: input_ids
                shape: [1, 8]
              - feature: task.attention_mask
                tensor: attention_mask
                shape: [1, 4]
                dtype: float32
            """, "  type: wordpiece\n  vocab: vocab.txt"));
        Assert.Contains(e.Problems, p => p == "inputs[1].dtype: an attention mask must be int64");
        Assert.Contains(e.Problems, p => p == "inputs[1]: the attention mask must have the shape of the token ids [1, 8] (inputs[0]); it is [1, 4]");
    }

    [Fact]
    public void Parse_MaskWithoutIdsOrTokenizerWithoutTask_Reported()
    {
        using var folder = FolderWithFixtures();
        var e = ParseFails(folder, Policy("""
              - feature: task.attention_mask
                tensor: attention_mask
                shape: [1, 8]
            """, "  type: wordpiece\n  vocab: vocab.txt"));
        Assert.Contains(e.Problems, p => p.StartsWith("inputs[0]: task.attention_mask needs a 'task' input", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p == "tokenizer: declared, but no input has feature: task");
    }

    [Fact]
    public void Parse_MaxLengthOnlyRoomForSpecialTokens_Reported()
    {
        using var folder = FolderWithFixtures();
        var e = ParseFails(folder, Policy("""
              - feature: task
                tensor: input_ids
                shape: [1, 2]
            """, "  type: wordpiece\n  vocab: vocab.txt\n  max_length: 2"));
        Assert.Equal("tokenizer.max_length: 2 tokens leave no room for text after the 2 special tokens", Assert.Single(e.Problems));
    }

    [Fact]
    public void Parse_LegacyWordVocabularySpelling_StillReads()
    {
        using var folder = FolderWithFixtures();
        File.WriteAllText(folder.File("words.txt"), "<pad>\n<unk>\nput\nthe\n");
        var m = ManifestParser.Parse(Policy(IdsAndMask, "  vocabulary: words.txt\n  pad_id: 0\n  unknown_id: 1"), "t.yaml", folder.Path);
        Assert.Equal(TokenizerKind.Word, m.Text!.Encoder.Kind);
        var (ids, mask, count) = TextFixtures.Encode(m.Text.Encoder, "Put THE bin", 8);
        Assert.Equal(3, count);
        Assert.Equal([2L, 3, 1, 0, 0, 0, 0, 0], ids);
        Assert.Equal([1L, 1, 1, 0, 0, 0, 0, 0], mask);
    }
}
