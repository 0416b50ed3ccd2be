namespace Controller.Brain.Text;

/// <summary>
/// A plain word vocabulary: one word per line, the id is the line number (0-based). Text is lower-cased,
/// split at every character that is not a letter or digit, and each word mapped to its id (or the unknown
/// id), then padded or cut to a fixed length. No special tokens. <see cref="Encode(ReadOnlySpan{char}, Span{long})"/>
/// allocates nothing.
/// </summary>
public sealed class WordVocabulary : ITextEncoder
{
    private readonly Dictionary<string, int> _ids;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly int _longestWord;
    private readonly bool _lowercase;

    /// <summary>Builds a vocabulary from words in id order; <paramref name="lowercase"/> lower-cases the text (not the words).</summary>
    /// <exception cref="ArgumentException">When a word repeats or is empty, or an id is outside the list.</exception>
    public WordVocabulary(IReadOnlyList<string> words, int padId, int unknownId, bool lowercase = true)
    {
        if (padId < 0 || padId >= words.Count) throw new ArgumentException($"pad id {padId} is outside the vocabulary [0, {words.Count - 1}].", nameof(padId));
        if (unknownId < 0 || unknownId >= words.Count) throw new ArgumentException($"unknown id {unknownId} is outside the vocabulary [0, {words.Count - 1}].", nameof(unknownId));
        _ids = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < words.Count; i++)
        {
            string w = words[i];
            if (w.Length == 0) throw new ArgumentException($"Vocabulary line {i + 1} is empty.", nameof(words));
            if (!_ids.TryAdd(w, i)) throw new ArgumentException($"Vocabulary word '{w}' appears twice (lines {_ids[w] + 1} and {i + 1}).", nameof(words));
            _longestWord = Math.Max(_longestWord, w.Length);
        }
        _lookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();
        PadId = padId;
        UnknownId = unknownId;
        Count = words.Count;
        _lowercase = lowercase;
    }

    /// <inheritdoc/>
    public TokenizerKind Kind => TokenizerKind.Word;

    /// <inheritdoc/>
    public int VocabularySize => Count;

    /// <inheritdoc/>
    public int SpecialTokenCount => 0;

    /// <summary>Number of words.</summary>
    public int Count { get; }

    /// <inheritdoc/>
    public int PadId { get; }

    /// <summary>Id of a word not in the vocabulary.</summary>
    public int UnknownId { get; }

    /// <inheritdoc/>
    public int Encode(ReadOnlySpan<char> text, Span<long> ids, Span<long> mask)
    {
        int count = Encode(text, ids);
        if (mask.Length > 0)
        {
            mask[..count].Fill(1);
            mask[count..].Clear();
        }
        return count;
    }

    /// <summary>Writes token ids of <paramref name="text"/> into <paramref name="ids"/>, padding the rest; returns the words written.</summary>
    public int Encode(ReadOnlySpan<char> text, Span<long> ids)
    {
        Span<char> word = stackalloc char[64];
        int count = 0, length = 0;
        bool overflow = false;
        for (int i = 0; i <= text.Length && count < ids.Length; i++)
        {
            char c = i < text.Length ? text[i] : ' ';
            if (char.IsLetterOrDigit(c))
            {
                if (length < word.Length) word[length++] = _lowercase ? char.ToLowerInvariant(c) : c;
                else overflow = true;
                continue;
            }
            if (length == 0) continue;
            ids[count++] = !overflow && length <= _longestWord && _lookup.TryGetValue(word[..length], out int id) ? id : UnknownId;
            length = 0;
            overflow = false;
        }
        ids[count..].Fill(PadId);
        return count;
    }
}
