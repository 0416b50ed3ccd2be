namespace Controller.Brain.Manifests;

/// <summary>The tokenizer the manifest declares for the <c>task</c> feature.</summary>
/// <param name="VocabularyPath">The vocabulary file, resolved against the manifest's folder.</param>
/// <param name="Vocabulary">The loaded vocabulary.</param>
public sealed record TextInput(string VocabularyPath, WordVocabulary Vocabulary);
