namespace Controller.Brain.Text;

/// <summary>The tokenizer families a manifest may declare (spelled word, bpe, wordpiece, sentencepiece in YAML).</summary>
public enum TokenizerKind
{
    /// <summary>A plain word list, one word per line, id = line number (<see cref="WordVocabulary"/>).</summary>
    Word,

    /// <summary>Byte-pair encoding from a Hugging Face <c>vocab.json</c> + <c>merges.txt</c> pair.</summary>
    Bpe,

    /// <summary>BERT-style WordPiece from a <c>vocab.txt</c> ([CLS] text [SEP], ## continuations).</summary>
    WordPiece,

    /// <summary>A SentencePiece <c>.model</c> file (protobuf ModelProto, Llama/T5/PaliGemma style).</summary>
    SentencePiece,
}
