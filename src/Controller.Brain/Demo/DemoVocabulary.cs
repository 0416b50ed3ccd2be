namespace Controller.Brain.Demo;

/// <summary>
/// The demo planner's word vocabulary (written to <c>models/demo-vocabulary.txt</c>, id = line number): padding,
/// unknown, the verbs and nouns of pick-and-place instructions, and the colour words the planner acts on.
/// </summary>
public static class DemoVocabulary
{
    /// <summary>Words in id order; id 0 pads, id 1 is any word not listed.</summary>
    public static IReadOnlyList<string> Words { get; } =
    [
        "<pad>", "<unk>",
        "put", "place", "pick", "move", "drop", "bring", "take",
        "the", "a", "it", "and", "up",
        "red", "green", "blue",
        "cube", "block", "box",
        "in", "into", "on", "onto", "to", "inside",
        "bin", "basket", "container",
    ];

    /// <summary>Id written after the last word.</summary>
    public const int PadId = 0;

    /// <summary>Id of a word not in the list.</summary>
    public const int UnknownId = 1;

    /// <summary>Tokens the planner reads; longer instructions are cut.</summary>
    public const int MaxTokens = 16;

    /// <summary>Id of <paramref name="word"/>.</summary>
    /// <exception cref="ArgumentException">When the word is not in the vocabulary.</exception>
    public static int IdOf(string word)
    {
        for (int i = 0; i < Words.Count; i++) if (Words[i] == word) return i;
        throw new ArgumentException($"'{word}' is not in the demo vocabulary.", nameof(word));
    }

    /// <summary>The file's text: one word per line.</summary>
    public static string FileText() => string.Join("\n", Words) + "\n";
}
