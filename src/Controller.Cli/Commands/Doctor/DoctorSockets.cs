using System.Runtime.InteropServices;

namespace Controller.Cli.Commands.Doctor;

/// <summary>Opens and closes a socket of a family to see whether the kernel and this process's privileges allow it.</summary>
public static partial class DoctorSockets
{
    /// <summary>AF_PACKET: raw Ethernet frames (EtherCAT).</summary>
    public const int AfPacket = 17;

    /// <summary>PF_CAN: SocketCAN.</summary>
    public const int PfCan = 29;

    private const int SockRaw = 3;
    private const int CanRaw = 1;
    private const int EthPAllNetworkOrder = 0x0300; // htons(ETH_P_ALL = 0x0003)

    /// <summary>0 when a raw socket of <paramref name="family"/> opened (and was closed again), otherwise the errno.</summary>
    public static int TryOpen(int family)
    {
        if (!OperatingSystem.IsLinux()) return Errno.NotSupportedOnThisOs;
        int protocol = family == PfCan ? CanRaw : EthPAllNetworkOrder;
        int fd = Socket(family, SockRaw, protocol);
        if (fd < 0) return Marshal.GetLastPInvokeError();
        Close(fd);
        return 0;
    }

    /// <summary>errno values the checks tell apart (Linux).</summary>
    public static class Errno
    {
        /// <summary>EPERM: operation not permitted.</summary>
        public const int NotPermitted = 1;

        /// <summary>EACCES: permission denied.</summary>
        public const int AccessDenied = 13;

        /// <summary>EAFNOSUPPORT: the address family is not supported (module not loaded, or not built).</summary>
        public const int FamilyNotSupported = 97;

        /// <summary>Not errno: the operating system is not Linux.</summary>
        public const int NotSupportedOnThisOs = -1;
    }

    [LibraryImport("libc", EntryPoint = "socket", SetLastError = true)]
    private static partial int Socket(int domain, int type, int protocol);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);
}
