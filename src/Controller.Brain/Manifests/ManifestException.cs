namespace Controller.Brain.Manifests;

/// <summary>
/// The one exception a model manifest can cause: every problem found (YAML syntax, missing or bad fields,
/// unreadable stats or vocabulary, mismatches with the ONNX model's signature), each naming the manifest
/// path of the field and what was expected.
/// </summary>
public sealed class ManifestException : Exception
{
    /// <summary>Creates the exception for <paramref name="manifestPath"/> with at least one problem.</summary>
    public ManifestException(string manifestPath, IReadOnlyList<string> problems)
        : base(Format(manifestPath, problems))
    {
        ManifestPath = manifestPath;
        Problems = problems.ToArray();
    }

    /// <summary>The manifest file (or the name given to the text parsed).</summary>
    public string ManifestPath { get; }

    /// <summary>The problems, one line each, in the order found.</summary>
    public IReadOnlyList<string> Problems { get; }

    private static string Format(string path, IReadOnlyList<string> problems) =>
        $"Model manifest '{path}' has {problems.Count} problem{(problems.Count == 1 ? "" : "s")}:" +
        string.Concat(problems.Select(p => "\n  - " + p));
}
