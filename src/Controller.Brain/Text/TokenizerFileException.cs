namespace Controller.Brain.Text;

/// <summary>
/// The one exception <see cref="TextEncoderLoader"/> throws: a tokenizer file that is missing, unreadable or
/// malformed, or a setting that does not fit it (a pad id outside the vocabulary). The message names the
/// file and what was wrong; <see cref="Setting"/> names the manifest key at fault when it is not the file.
/// </summary>
public sealed class TokenizerFileException : Exception
{
    /// <summary>Creates the exception for <paramref name="path"/>.</summary>
    public TokenizerFileException(string path, string problem, string? setting = null, Exception? inner = null)
        : base($"'{path}': {problem}", inner)
    {
        FilePath = path;
        Setting = setting;
    }

    /// <summary>The file at fault (or the file the bad setting refers to).</summary>
    public string FilePath { get; }

    /// <summary>The manifest key at fault (<c>pad_id</c>, <c>bos_token</c>, <c>merges</c>, …), or null for the vocabulary file itself.</summary>
    public string? Setting { get; }
}
