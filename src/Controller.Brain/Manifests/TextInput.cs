using Controller.Brain.Text;

namespace Controller.Brain.Manifests;

/// <summary>The tokenizer the manifest declares for the <c>task</c> feature, loaded and checked.</summary>
/// <param name="Settings">The <c>tokenizer:</c> mapping, paths resolved against the manifest's folder.</param>
/// <param name="Encoder">The loaded tokenizer.</param>
/// <param name="MaxLength">Ids per instruction: the <c>task</c> input's last dimension (= <c>max_length</c> when given).</param>
/// <param name="YamlPath">Where the tokenizer is declared (for messages).</param>
public sealed record TextInput(TokenizerSettings Settings, ITextEncoder Encoder, int MaxLength, string YamlPath)
{
    /// <summary>The vocabulary file (word list, vocab.json, vocab.txt or SentencePiece model).</summary>
    public string VocabularyPath => Settings.VocabularyPath;
}
