namespace Controller.Runtime.Configuration;

/// <summary>
/// A configuration was refused. Carries every problem found (not just the first), each with its line, its path in
/// the document, the bad value and what is allowed; nothing has been built or moved when it is thrown.
/// </summary>
public sealed class ConfigException : Exception
{
    /// <summary>Creates the exception from the collected problems.</summary>
    public ConfigException(string file, IReadOnlyList<ConfigError> errors)
        : base($"{file}: {errors.Count} problem{(errors.Count == 1 ? "" : "s")}:{Environment.NewLine}" + string.Join(Environment.NewLine, errors.Select(e => "  " + e)))
    {
        File = file;
        Errors = errors;
    }

    /// <summary>The file that was read.</summary>
    public string File { get; }

    /// <summary>Every problem, in document order.</summary>
    public IReadOnlyList<ConfigError> Errors { get; }
}
