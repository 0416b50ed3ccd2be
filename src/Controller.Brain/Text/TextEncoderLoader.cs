using System.Text;
using System.Text.Json;
using Microsoft.ML.Tokenizers;

namespace Controller.Brain.Text;

/// <summary>
/// Loads the tokenizer a manifest declares. Files are read and checked here first (strict UTF-8, the
/// vocabulary's structure, special tokens present, ids in range) so a bad file is reported in words that name
/// it; whatever Microsoft.ML.Tokenizers still rejects is reported the same way. The only exception that
/// leaves is <see cref="TokenizerFileException"/>, whatever the bytes (fuzzed in the tests).
/// </summary>
public static class TextEncoderLoader
{
    /// <summary>Files larger than this are refused (a real vocab.json is a few MB, a SentencePiece model under 10 MB).</summary>
    public const int MaxFileBytes = 64 << 20;

    /// <summary>Ids above this are refused (no text model has a vocabulary of 16 million tokens).</summary>
    public const int MaxId = (1 << 24) - 1;

    private static readonly string[] BertSpecials = ["[UNK]", "[CLS]", "[SEP]", "[PAD]", "[MASK]"];

    /// <summary>Loads and checks the tokenizer.</summary>
    /// <exception cref="TokenizerFileException">When a file is missing, unreadable or malformed, or a setting does not fit it.</exception>
    public static ITextEncoder Load(TokenizerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        try
        {
            return settings.Kind switch
            {
                TokenizerKind.Word => LoadWords(settings),
                TokenizerKind.Bpe => LoadBpe(settings),
                TokenizerKind.WordPiece => LoadWordPiece(settings),
                _ => LoadSentencePiece(settings),
            };
        }
        catch (TokenizerFileException) { throw; }
        // The library's exceptions are not documented per file format; any non-fatal one means "this file is not what the type says".
        catch (Exception e) when (e is not (OutOfMemoryException or InsufficientExecutionStackException))
        {
            string what = settings.MergesPath is null ? "" : $" (with merges '{settings.MergesPath}')";
            throw new TokenizerFileException(settings.VocabularyPath, $"not a valid {Name(settings.Kind)} vocabulary{what}: {e.GetType().Name}: {e.Message}", inner: e);
        }
    }

    private static WordVocabulary LoadWords(TokenizerSettings s)
    {
        var words = Lines(ReadText(s.VocabularyPath)).Select(l => l.Trim()).ToList();
        while (words.Count > 0 && words[^1].Length == 0) words.RemoveAt(words.Count - 1);
        if (words.Count == 0) throw new TokenizerFileException(s.VocabularyPath, "the word list is empty");
        int pad = s.PadId ?? 0, unknown = s.UnknownId ?? 1;
        CheckId(s.VocabularyPath, "pad_id", pad, words.Count);
        CheckId(s.VocabularyPath, "unknown_id", unknown, words.Count);
        try { return new WordVocabulary(words, pad, unknown, s.Lowercase); }
        catch (ArgumentException e) { throw new TokenizerFileException(s.VocabularyPath, e.Message); }
    }

    private static SubwordTextEncoder LoadWordPiece(TokenizerSettings s)
    {
        var tokens = Lines(ReadText(s.VocabularyPath)).Select(l => l.TrimEnd('\r')).ToList();
        while (tokens.Count > 0 && tokens[^1].Length == 0) tokens.RemoveAt(tokens.Count - 1);
        if (tokens.Count == 0) throw new TokenizerFileException(s.VocabularyPath, "the WordPiece vocabulary is empty");
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Trim().Length == 0) throw new TokenizerFileException(s.VocabularyPath, $"line {i + 1} is empty (one token per line, id = line number - 1)");
            if (!ids.TryAdd(tokens[i], i)) throw new TokenizerFileException(s.VocabularyPath, $"token '{Short(tokens[i])}' appears twice (lines {ids[tokens[i]] + 1} and {i + 1})");
        }
        var missing = BertSpecials.Where(t => !ids.ContainsKey(t)).ToArray();
        if (missing.Length > 0) throw new TokenizerFileException(s.VocabularyPath, $"a BERT WordPiece vocabulary needs {string.Join(", ", BertSpecials)}; missing {string.Join(", ", missing)}");
        int pad = s.PadId ?? ids["[PAD]"];
        CheckId(s.VocabularyPath, "pad_id", pad, tokens.Count);
        // The library reads the text we checked, not the file again, so both see the same vocabulary.
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(string.Join('\n', tokens) + "\n"));
        var bert = BertTokenizer.Create(stream, new BertOptions { LowerCaseBeforeTokenization = s.Lowercase });
        int[] prefix = s.AddSpecialTokens ? [ids["[CLS]"]] : [], suffix = s.AddSpecialTokens ? [ids["[SEP]"]] : [];
        return new SubwordTextEncoder(TokenizerKind.WordPiece, bert, tokens.Count, pad, ids["[UNK]"], prefix, suffix);
    }

    private static SubwordTextEncoder LoadBpe(TokenizerSettings s)
    {
        var vocab = ReadJsonVocabulary(s.VocabularyPath);
        string mergesPath = s.MergesPath ?? throw new TokenizerFileException(s.VocabularyPath, "a BPE tokenizer needs merges (merges.txt)", "merges");
        var merges = ReadMerges(mergesPath, vocab);
        int size = vocab.Values.Max() + 1;
        int TokenId(string setting, string? token) => token is null ? -1
            : vocab.TryGetValue(token, out int id) ? id
            : throw new TokenizerFileException(s.VocabularyPath, $"{setting} '{Short(token)}' is not in the vocabulary", setting);
        string? unknown = s.UnknownToken ?? (vocab.ContainsKey("<unk>") ? "<unk>" : null);
        int unknownId = TokenId("unknown_token", unknown), bos = TokenId("bos_token", s.BosToken), eos = TokenId("eos_token", s.EosToken);
        if (s.AddSpecialTokens && bos < 0 && eos < 0) throw new TokenizerFileException(s.VocabularyPath, "add_special_tokens needs bos_token and/or eos_token for BPE", "add_special_tokens");
        int pad = s.PadId ?? 0;
        CheckId(s.VocabularyPath, "pad_id", pad, size);
        var options = new BpeOptions(vocab)
        {
            Merges = merges,
            UnknownToken = unknown,
            // Words and punctuation apart ("bin!" → "bin", "!"), whitespace dropped: the splitting a vocab without Ġ markers was trained with.
            PreTokenizer = PreTokenizer.CreateWordOrNonWord(),
            Normalizer = s.Lowercase ? LowerCaseNormalizer.Instance : null,
        };
        var bpe = BpeTokenizer.Create(options);
        int[] prefix = s.AddSpecialTokens && bos >= 0 ? [bos] : [], suffix = s.AddSpecialTokens && eos >= 0 ? [eos] : [];
        return new SubwordTextEncoder(TokenizerKind.Bpe, bpe, size, pad, unknownId >= 0 ? unknownId : pad, prefix, suffix);
    }

    private static SubwordTextEncoder LoadSentencePiece(TokenizerSettings s)
    {
        byte[] bytes = ReadBytes(s.VocabularyPath);
        using var stream = new MemoryStream(bytes, writable: false);
        var sp = SentencePieceTokenizer.Create(stream, false, false);
        if (sp.Vocabulary.Count == 0) throw new TokenizerFileException(s.VocabularyPath, "the SentencePiece model has no pieces");
        int size = sp.Vocabulary.Values.Max() + 1;
        if (sp.Vocabulary.Values.Min() < 0 || size - 1 > MaxId) throw new TokenizerFileException(s.VocabularyPath, $"piece ids must be in [0, {MaxId}]");
        int pad = s.PadId ?? 0;
        CheckId(s.VocabularyPath, "pad_id", pad, size);
        int[] prefix = s.AddSpecialTokens && sp.BeginningOfSentenceId >= 0 && sp.BeginningOfSentenceId < size ? [sp.BeginningOfSentenceId] : [];
        int fallback = sp.UnknownId >= 0 && sp.UnknownId < size ? sp.UnknownId : pad;
        return new SubwordTextEncoder(TokenizerKind.SentencePiece, sp, size, pad, fallback, prefix, []);
    }

    private static Dictionary<string, int> ReadJsonVocabulary(string path)
    {
        JsonDocument doc;
        try { doc = JsonDocument.Parse(ReadText(path)); }
        catch (JsonException e) { throw new TokenizerFileException(path, $"not valid JSON ({e.Message})"); }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object) throw new TokenizerFileException(path, "a BPE vocab.json is one object {\"token\": id, …}");
            var vocab = new Dictionary<string, int>(StringComparer.Ordinal);
            var owners = new Dictionary<int, string>();
            foreach (var p in doc.RootElement.EnumerateObject())
            {
                if (p.Name.Length == 0) throw new TokenizerFileException(path, "a token is the empty string");
                if (p.Value.ValueKind != JsonValueKind.Number || !p.Value.TryGetInt32(out int id) || id < 0 || id > MaxId)
                    throw new TokenizerFileException(path, $"the id of token '{Short(p.Name)}' must be a whole number in [0, {MaxId}]; it is {Short(p.Value.GetRawText())}");
                if (!vocab.TryAdd(p.Name, id)) throw new TokenizerFileException(path, $"token '{Short(p.Name)}' appears twice");
                if (!owners.TryAdd(id, p.Name)) throw new TokenizerFileException(path, $"id {id} is given to both '{Short(owners[id])}' and '{Short(p.Name)}'");
            }
            if (vocab.Count == 0) throw new TokenizerFileException(path, "the vocabulary is empty");
            return vocab;
        }
    }

    private static List<string> ReadMerges(string path, Dictionary<string, int> vocab)
    {
        var merges = new List<string>();
        var lines = Lines(ReadText(path));
        for (int i = 0; i < lines.Count; i++)
        {
            string line = lines[i].TrimEnd('\r');
            if (line.Length == 0 || (i == 0 && line.StartsWith("#version", StringComparison.Ordinal))) continue;
            string[] parts = line.Split(' ');
            if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
                throw new TokenizerFileException(path, $"line {i + 1} must be two tokens separated by one space; it is '{Short(line)}'", "merges");
            foreach (string token in new[] { parts[0], parts[1], parts[0] + parts[1] })
            {
                if (!vocab.ContainsKey(token)) throw new TokenizerFileException(path, $"line {i + 1} ('{Short(line)}') uses '{Short(token)}', which is not in the vocabulary", "merges");
            }
            merges.Add(line);
        }
        return merges;
    }

    private static void CheckId(string path, string setting, int id, int size)
    {
        if (id < 0 || id >= size) throw new TokenizerFileException(path, $"{setting} {id} is outside the vocabulary (ids 0 to {size - 1})", setting);
    }

    private static byte[] ReadBytes(string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists) throw new TokenizerFileException(path, "the file does not exist");
            if (info.Length > MaxFileBytes) throw new TokenizerFileException(path, $"the file has {info.Length} bytes; at most {MaxFileBytes} are read");
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw new TokenizerFileException(path, $"cannot read the file: {e.Message}");
        }
    }

    private static string ReadText(string path)
    {
        byte[] bytes = ReadBytes(path);
        try { return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes).TrimStart('\uFEFF'); }
        catch (DecoderFallbackException e) { throw new TokenizerFileException(path, $"not valid UTF-8 (byte {e.Index} of the first bad sequence)"); }
    }

    private static List<string> Lines(string text)
    {
        var lines = new List<string>();
        using var reader = new StringReader(text);
        while (reader.ReadLine() is { } line) lines.Add(line);
        return lines;
    }

    private static string Short(string s) => s.Length <= 40 ? s : s[..40] + "…";

    private static string Name(TokenizerKind kind) => kind switch
    {
        TokenizerKind.Bpe => "BPE",
        TokenizerKind.WordPiece => "WordPiece",
        TokenizerKind.SentencePiece => "SentencePiece",
        _ => "word",
    };
}
