namespace Controller.Brain.Text;

/// <summary>
/// Turns an instruction into a model's fixed-length token ids (and attention mask): truncated to the buffer,
/// special tokens added as the tokenizer's family does, the rest padded. Implementations never throw on any
/// text and write only ids in [0, <see cref="VocabularySize"/>). Whether <see cref="Encode"/> allocates depends
/// on the implementation (<see cref="WordVocabulary"/> does not, the subword ones do); wrap it in an
/// <see cref="InstructionEncoder"/> to encode only when the instruction changes.
/// </summary>
public interface ITextEncoder
{
    /// <summary>The tokenizer family.</summary>
    TokenizerKind Kind { get; }

    /// <summary>One more than the largest id the vocabulary defines: every id written is below it.</summary>
    int VocabularySize { get; }

    /// <summary>The id written after the last real token.</summary>
    int PadId { get; }

    /// <summary>Special tokens added around the text ([CLS] and [SEP] for WordPiece: 2); the buffer must be longer.</summary>
    int SpecialTokenCount { get; }

    /// <summary>
    /// Writes the token ids of <paramref name="text"/> into <paramref name="ids"/> (its length is the model's
    /// max_length), padding the rest with <see cref="PadId"/>, and 1 per real token / 0 per pad into
    /// <paramref name="mask"/> when it is not empty (it must then be as long as <paramref name="ids"/>).
    /// Returns the real tokens written (special tokens included).
    /// </summary>
    int Encode(ReadOnlySpan<char> text, Span<long> ids, Span<long> mask);
}
