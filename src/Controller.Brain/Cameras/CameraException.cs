namespace Controller.Brain.Cameras;

/// <summary>
/// A camera source cannot be opened or configured: no such device or file, no permission, a format the device
/// refuses, an empty folder. The message names the device or path, what went wrong and what to check.
/// </summary>
public sealed class CameraException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CameraException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public CameraException(string message, Exception inner) : base(message, inner)
    {
    }
}
