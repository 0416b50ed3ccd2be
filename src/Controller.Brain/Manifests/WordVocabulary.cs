namespace Controller.Brain.Manifests;

/// <summary>
/// A plain word vocabulary: one word per line, the id is the line number (0-based). Text is lower-cased,
/// split at every character that is not a letter or digit, and each word mapped to its id (or the unknown
/// id), then padded or cut to a fixed length. <see cref="Encode"/> allocates nothing.
/// </summary>
public sealed class WordVocabulary
{
    private readonly Dictionary<string, int> _ids;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly int _longestWord;

    /// <summary>Builds a vocabulary from words in id order.</summary>
    /// <exception cref="ArgumentException">When a word repeats or is empty.</exception>
    public WordVocabulary(IReadOnlyList<string> words, int padId, int unknownId)
    {
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
    }

    /// <summary>Number of words.</summary>
    public int Count { get; }

    /// <summary>Id written after the last word.</summary>
    public int PadId { get; }

    /// <summary>Id of a word not in the vocabulary.</summary>
    public int UnknownId { get; }

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
                if (length < word.Length) word[length++] = char.ToLowerInvariant(c);
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
