namespace Controller.Runtime.Configuration;

/// <summary>One problem found in a configuration file.</summary>
/// <param name="File">The file, as given.</param>
/// <param name="Line">1-based line of the offending value (0 when the file as a whole is meant).</param>
/// <param name="Path">Where in the document, e.g. <c>buses[0].servos[2].id</c>.</param>
/// <param name="Message">What is wrong: the bad value and what is allowed.</param>
public sealed record ConfigError(string File, int Line, string Path, string Message)
{
    /// <inheritdoc />
    public override string ToString() => Line > 0 ? $"{File}:{Line}: {Path}: {Message}" : $"{File}: {Path}: {Message}";
}
