using Microsoft.ML.Tokenizers;

namespace Controller.Brain.Text;

/// <summary>
/// An <see cref="ITextEncoder"/> over a Microsoft.ML.Tokenizers tokenizer (BPE, BERT WordPiece, SentencePiece).
/// The library encodes the text alone, at most as many tokens as fit; this class adds the special tokens
/// itself (so truncation keeps [SEP]/eos at the end, as Hugging Face's <c>truncation=True</c> does) and pads.
/// <see cref="Encode"/> allocates (the library returns a list): call it when the instruction changes, through
/// <see cref="InstructionEncoder"/>, never per control cycle. Built by <see cref="TextEncoderLoader"/>.
/// </summary>
public sealed class SubwordTextEncoder : ITextEncoder
{
    private readonly Tokenizer _tokenizer;
    private readonly int[] _prefix;
    private readonly int[] _suffix;
    private readonly int _fallbackId;

    internal SubwordTextEncoder(TokenizerKind kind, Tokenizer tokenizer, int vocabularySize, int padId, int fallbackId, int[] prefix, int[] suffix)
    {
        Kind = kind;
        _tokenizer = tokenizer;
        VocabularySize = vocabularySize;
        PadId = padId;
        _fallbackId = fallbackId;
        _prefix = prefix;
        _suffix = suffix;
    }

    /// <inheritdoc/>
    public TokenizerKind Kind { get; }

    /// <inheritdoc/>
    public int VocabularySize { get; }

    /// <inheritdoc/>
    public int PadId { get; }

    /// <inheritdoc/>
    public int SpecialTokenCount => _prefix.Length + _suffix.Length;

    /// <summary>The library's tokenizer (for decoding in tools and tests).</summary>
    public Tokenizer Tokenizer => _tokenizer;

    /// <inheritdoc/>
    public int Encode(ReadOnlySpan<char> text, Span<long> ids, Span<long> mask)
    {
        int n = 0;
        foreach (int id in _prefix) if (n < ids.Length) ids[n++] = id;
        int room = ids.Length - n - _suffix.Length;
        if (room > 0)
        {
            IReadOnlyList<int> content = ContentIds(text, room);
            for (int i = 0; i < content.Count && i < room; i++)
            {
                int id = content[i];
                // The vocabulary was checked when loaded, so this never fires; it keeps the promise that every id fits the model's embedding.
                ids[n++] = id >= 0 && id < VocabularySize ? id : _fallbackId;
            }
        }
        foreach (int id in _suffix) if (n < ids.Length) ids[n++] = id;
        ids[n..].Fill(PadId);
        if (mask.Length > 0)
        {
            mask[..n].Fill(1);
            mask[n..].Clear();
        }
        return n;
    }

    private IReadOnlyList<int> ContentIds(ReadOnlySpan<char> text, int maxTokens) => _tokenizer switch
    {
        BertTokenizer bert => bert.EncodeToIds(text, maxTokens, addSpecialTokens: false, out _, out _),
        SentencePieceTokenizer sp => sp.EncodeToIds(text, addBeginningOfSentence: false, addEndOfSentence: false, maxTokens, out _, out _),
        _ => _tokenizer.EncodeToIds(text, maxTokens, out _, out _),
    };
}
