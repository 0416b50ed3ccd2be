using Controller.Brain.Text;

namespace Controller.Brain.Manifests;

/// <summary>
/// Reads a manifest's <c>tokenizer:</c> mapping, ties it to the <c>task</c> (ids) and <c>task.attention_mask</c>
/// inputs, and loads the vocabulary files through <see cref="TextEncoderLoader"/>; every problem is added to the
/// manifest's list with its path. The older word-list spelling (<c>vocabulary:</c>, no <c>type:</c>) still reads.
/// </summary>
internal static class TokenizerSection
{
    private static readonly Dictionary<string, TokenizerKind> Kinds = new()
    {
        ["word"] = TokenizerKind.Word,
        ["bpe"] = TokenizerKind.Bpe,
        ["wordpiece"] = TokenizerKind.WordPiece,
        ["sentencepiece"] = TokenizerKind.SentencePiece,
    };

    private static readonly Dictionary<string, bool> Bools = new() { ["true"] = true, ["false"] = false };

    // The model's tensor has a fixed length, so padding to it is the only mode; the key exists for HF familiarity.
    private static readonly Dictionary<string, bool> Paddings = new() { ["max_length"] = true };

    public static TextInput? Read(YamlMap root, YamlMap? m, IReadOnlyList<FeatureInput> inputs, string baseDirectory)
    {
        var ids = inputs.FirstOrDefault(i => i.Kind == FeatureKind.Task);
        var mask = inputs.FirstOrDefault(i => i.Kind == FeatureKind.TaskAttentionMask);
        if (mask is not null && ids is null) root.Problem(mask.YamlPath, "task.attention_mask needs a 'task' input (the token ids it masks)");
        if (mask is not null && ids is not null && !mask.Shape.SequenceEqual(ids.Shape))
            root.Problem(mask.YamlPath, $"the attention mask must have the shape of the token ids {Dims(ids.Shape)} ({ids.YamlPath}); it is {Dims(mask.Shape)}");
        if (m is null)
        {
            if (ids is not null && !root.Has("tokenizer"))
                root.Problem("tokenizer", "missing: a 'task' input needs a tokenizer (type: word | bpe | wordpiece | sentencepiece, vocab: file)");
            return null;
        }

        var kind = m.Enum("type", Kinds, required: false, TokenizerKind.Word);
        string? vocab = ReadVocabularyKey(m);
        bool bpe = kind == TokenizerKind.Bpe, word = kind == TokenizerKind.Word;
        string? merges = bpe ? m.String("merges") : null;
        bool? lowercase = m.Enum("lowercase", Bools, required: false, kind is TokenizerKind.Word or TokenizerKind.WordPiece);
        bool? special = m.Enum("add_special_tokens", Bools, required: false, kind is TokenizerKind.WordPiece or TokenizerKind.SentencePiece);
        int? maxLength = m.Int("max_length", false, 1, 1 << 20);
        m.Enum("padding", Paddings, required: false, true);
        int? pad = m.Int("pad_id", false, 0, TextEncoderLoader.MaxId);
        int? unknownId = word ? m.Int("unknown_id", false, 0, TextEncoderLoader.MaxId) : null;
        string? unknownToken = bpe ? m.String("unknown_token", false) : null, bos = bpe ? m.String("bos_token", false) : null, eos = bpe ? m.String("eos_token", false) : null;
        foreach (string key in new[] { "merges", "unknown_token", "bos_token", "eos_token" })
            if (m.Has(key) && !bpe && kind is not null) m.Problem(key, $"only a bpe tokenizer takes '{key}'");
        if (m.Has("unknown_id") && !word && kind is not null) m.Problem("unknown_id", "only a word tokenizer takes 'unknown_id' (the others name their unknown token in the vocabulary)");
        if (m.Has("lowercase") && kind == TokenizerKind.SentencePiece) m.Problem("lowercase", "a SentencePiece model carries its own normalisation; remove 'lowercase'");
        if (word && special == true) m.Problem("add_special_tokens", "a word list has no special tokens");
        m.ReportUnknownKeys();

        if (ids is null) { root.Problem("tokenizer", "declared, but no input has feature: task"); return null; }
        int length = (int)ids.Shape[^1];
        if (maxLength is not null && maxLength != length) m.Problem("max_length", $"{maxLength} does not match the task input's shape {Dims(ids.Shape)} ({ids.YamlPath}.shape)");
        if (kind is null || vocab is null || lowercase is null || special is null || (bpe && merges is null)) return null;

        string Resolve(string p) => Path.GetFullPath(Path.Combine(baseDirectory, p));
        var settings = new TokenizerSettings(kind.Value, Resolve(vocab), merges is null ? null : Resolve(merges), lowercase.Value, special.Value,
            pad, unknownId, unknownToken, bos, eos);
        ITextEncoder encoder;
        try { encoder = TextEncoderLoader.Load(settings); }
        catch (TokenizerFileException e)
        {
            m.Problem(e.Setting ?? (m.Has("vocabulary") ? "vocabulary" : "vocab"), e.Message);
            return null;
        }
        if (length <= encoder.SpecialTokenCount)
        {
            m.Problem(maxLength is null ? "add_special_tokens" : "max_length", $"{length} tokens leave no room for text after the {encoder.SpecialTokenCount} special tokens");
            return null;
        }
        return new TextInput(settings, encoder, length, m.Path);
    }

    private static string? ReadVocabularyKey(YamlMap m)
    {
        bool legacy = m.Has("vocabulary"), current = m.Has("vocab");
        if (legacy && current) { m.Problem("vocab", "give the file once: 'vocab' (or the older 'vocabulary'), not both"); return null; }
        return legacy ? m.String("vocabulary") : m.String("vocab");
    }

    private static string Dims(long[] shape) => $"[{string.Join(", ", shape)}]";
}
