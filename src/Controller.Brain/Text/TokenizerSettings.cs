namespace Controller.Brain.Text;

/// <summary>The tokenizer a manifest declares (its <c>tokenizer:</c> mapping), paths already resolved.</summary>
/// <param name="Kind">The tokenizer family.</param>
/// <param name="VocabularyPath">vocab file: word list, vocab.json (BPE), vocab.txt (WordPiece) or .model (SentencePiece).</param>
/// <param name="MergesPath">merges.txt (BPE only).</param>
/// <param name="Lowercase">Lower-case the text first (word and WordPiece default true, BPE default false; SentencePiece follows its model).</param>
/// <param name="AddSpecialTokens">[CLS]/[SEP] (WordPiece), bos/eos tokens (BPE), the model's BOS (SentencePiece); never for word lists.</param>
/// <param name="PadId">The padding id, or null for the family's default ([PAD] for WordPiece, 0 otherwise).</param>
/// <param name="UnknownId">Word lists: the id of a word not in the list (default 1).</param>
/// <param name="UnknownToken">BPE: the token for characters the vocabulary cannot spell (default <c>&lt;unk&gt;</c> when present).</param>
/// <param name="BosToken">BPE: the token put first when special tokens are added.</param>
/// <param name="EosToken">BPE: the token put last when special tokens are added.</param>
public sealed record TokenizerSettings(TokenizerKind Kind, string VocabularyPath, string? MergesPath, bool Lowercase, bool AddSpecialTokens,
    int? PadId, int? UnknownId, string? UnknownToken, string? BosToken, string? EosToken);
