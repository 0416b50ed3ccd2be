namespace Controller.Runtime.Recording;

/// <summary>
/// The one exception the episode reader throws: the file is not an episode recording, or its header (magic, version,
/// header frame, header fields) is unreadable. The message names what was wrong and where. Damage after the header is
/// not an exception: the reader returns every whole record before it and says why it stopped.
/// </summary>
public sealed class RecordingFormatException : Exception
{
    /// <summary>Creates the exception with a message naming the problem.</summary>
    public RecordingFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message naming the problem and the decoder's own error.</summary>
    public RecordingFormatException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
