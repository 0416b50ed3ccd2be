using Controller.Brain.Onnx;
using Controller.Brain.Tests.Support;
using Controller.Brain.Text;

namespace Controller.Brain.Tests.Text;

/// <summary>The hand-made vocabularies of Fixtures/README.md and a model with the WordPiece example's signature.</summary>
internal static class TextFixtures
{
    public const int ExampleMaxLength = 16, ExampleJoints = 6, ExampleHorizon = 10;

    public static string FixturePath(string name) => Path.Combine(AppContext.BaseDirectory, "Text", "Fixtures", name);

    public static string WordPieceVocab => FixturePath("tiny-wordpiece-vocab.txt");

    public static string BpeVocab => FixturePath("tiny-bpe-vocab.json");

    public static string BpeMerges => FixturePath("tiny-bpe-merges.txt");

    public static ITextEncoder WordPiece(bool addSpecialTokens = true, bool lowercase = true) =>
        TextEncoderLoader.Load(new TokenizerSettings(TokenizerKind.WordPiece, WordPieceVocab, null, lowercase, addSpecialTokens, null, null, null, null, null));

    public static ITextEncoder Bpe(bool addSpecialTokens = false, bool lowercase = true) =>
        TextEncoderLoader.Load(new TokenizerSettings(TokenizerKind.Bpe, BpeVocab, BpeMerges, lowercase, addSpecialTokens, null, null, null,
            addSpecialTokens ? "<s>" : null, addSpecialTokens ? "</s>" : null));

    public static ITextEncoder Words() =>
        new WordVocabulary(["<pad>", "<unk>", "put", "the", "red", "cube", "in", "bin"], padId: 0, unknownId: 1);

    /// <summary>
    /// SmolVLA-like: state [1,6], wrist image [1,3,64,64], input_ids and attention_mask int64 [1,16] → action [1,10,6].
    /// action = reshape(Gemm(concat(state, mean of each channel, float(ids)·float(mask)), W, b)); the text reaches the output.
    /// </summary>
    public static OnnxModel ExampleModel(long idsLength = ExampleMaxLength, OnnxDataType maskType = OnnxDataType.Int64)
    {
        var b = new OnnxGraphBuilder("smolvla_like");
        var state = b.Input("observation.state", OnnxDataType.Float, 1, ExampleJoints);
        var image = b.Input("observation.images.wrist", OnnxDataType.Float, 1, 3, 64, 64);
        var ids = b.Input("input_ids", OnnxDataType.Int64, 1, idsLength);
        var mask = b.Input("attention_mask", maskType, 1, idsLength);
        var idFloats = b.Node("Cast", [ids], OnnxAttribute.Int("to", (long)OnnxDataType.Float));
        var maskFloats = b.Node("Cast", [mask], OnnxAttribute.Int("to", (long)OnnxDataType.Float));
        var features = b.Concat(1, state, b.ReduceMean(image, keepDims: false, 2, 3), b.Mul(idFloats, maskFloats));
        int width = ExampleJoints + 3 + (int)idsLength, n = ExampleHorizon * ExampleJoints;
        var flat = b.Gemm(features, b.Weights("w", TestModels.Weights(width * n, 0.01f), width, n), b.Weights("b", TestModels.Weights(n, 0.1f), n));
        b.Output(b.Reshape(flat, 1, ExampleHorizon, ExampleJoints), "action", OnnxDataType.Float, 1, ExampleHorizon, ExampleJoints);
        return b.Build();
    }

    /// <summary>Writes the model and tokenizer/vocab.txt next to a copy of the WordPiece example; returns the manifest path.</summary>
    public static string WriteExample(TempFolder folder, OnnxModel? model = null)
    {
        (model ?? ExampleModel()).Save(folder.File("smolvla_wordpiece.onnx"));
        folder.Write("tokenizer/vocab.txt", File.ReadAllText(WordPieceVocab));
        return folder.CopyExample("smolvla_wordpiece.yaml");
    }

    /// <summary>Encodes into fresh buffers of <paramref name="maxLength"/>.</summary>
    public static (long[] Ids, long[] Mask, int Count) Encode(ITextEncoder encoder, string text, int maxLength)
    {
        var ids = new long[maxLength];
        var mask = new long[maxLength];
        int count = encoder.Encode(text, ids, mask);
        return (ids, mask, count);
    }

    public static long[] Padded(int length, params long[] ids) => ids.Concat(Enumerable.Repeat(0L, length - ids.Length)).ToArray();
}
