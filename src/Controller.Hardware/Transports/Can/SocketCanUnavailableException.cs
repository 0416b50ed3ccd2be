namespace Controller.Hardware.Transports.Can;

/// <summary>
/// SocketCAN cannot be used here: the kernel lacks CAN support, the interface does not exist, or it is down.
/// The message says which and what to run to fix it.
/// </summary>
public sealed class SocketCanUnavailableException : IOException
{
    /// <summary>Creates the exception for <paramref name="interfaceName"/> and the OS error number.</summary>
    public SocketCanUnavailableException(string interfaceName, int errno, string message)
        : base(message)
    {
        InterfaceName = interfaceName;
        Errno = errno;
    }

    /// <summary>The interface asked for.</summary>
    public string InterfaceName { get; }

    /// <summary>The Linux errno of the failing call (0 when not from a system call).</summary>
    public int Errno { get; }
}
