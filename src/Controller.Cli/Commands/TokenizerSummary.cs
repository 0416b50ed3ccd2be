using Controller.Brain.Manifests;

namespace Controller.Cli.Commands;

/// <summary>The tokenizer line of <c>robotctl model check</c>: type, vocabulary size, max_length, special tokens, mask.</summary>
internal static class TokenizerSummary
{
    public static string Describe(ModelManifest manifest, TextInput text)
    {
        bool mask = manifest.Inputs.Any(i => i.Kind == FeatureKind.TaskAttentionMask);
        return $"  tokenizer: {text.Encoder.Kind.ToString().ToLowerInvariant()}, vocabulary {text.Encoder.VocabularySize} ids ({Path.GetFileName(text.VocabularyPath)}), " +
               $"max_length {text.MaxLength}, pad id {text.Encoder.PadId}, {text.Encoder.SpecialTokenCount} special tokens, " +
               (mask ? "attention mask" : "no attention mask");
    }
}
