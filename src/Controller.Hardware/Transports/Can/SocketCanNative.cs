using System.Runtime.InteropServices;

namespace Controller.Hardware.Transports.Can;

/// <summary>The libc calls and Linux constants SocketCAN needs (values from the kernel's public UAPI headers).</summary>
internal static unsafe partial class SocketCanNative
{
    public const int AfCan = 29;             // AF_CAN / PF_CAN
    public const int SockRaw = 3;            // SOCK_RAW
    public const int CanRaw = 1;             // CAN_RAW
    public const ulong SiocGifIndex = 0x8933; // SIOCGIFINDEX
    public const int SolSocket = 1;          // SOL_SOCKET
    public const int SoTimestampNs = 35;     // SO_TIMESTAMPNS (SO_TIMESTAMPNS_OLD: timespec of two longs)
    public const int SolCanRaw = 101;        // SOL_CAN_BASE + CAN_RAW
    public const int CanRawErrFilter = 2;    // CAN_RAW_ERR_FILTER
    public const int CanRawFdFrames = 5;     // CAN_RAW_FD_FRAMES
    public const int MsgDontWait = 0x40;     // MSG_DONTWAIT
    public const int InterfaceNameSize = 16; // IFNAMSIZ
    public const int EAgain = 11;
    public const int ENoDev = 19;
    public const int ENetDown = 100;
    public const int ENoBufs = 105;
    public const int EAfNoSupport = 97;
    public const int EProtoNoSupport = 93;
    public const int EPerm = 1;
    public const int EAcces = 13;

    /// <summary>struct ifreq: the name, then a union whose first int is ifr_ifindex.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 40)]
    public struct InterfaceRequest
    {
        [FieldOffset(0)] public fixed byte Name[InterfaceNameSize];
        [FieldOffset(16)] public int InterfaceIndex;
    }

    /// <summary>struct sockaddr_can: family, interface index, then a 16-byte address union (unused by CAN_RAW).</summary>
    [StructLayout(LayoutKind.Explicit, Size = 24)]
    public struct SocketAddressCan
    {
        [FieldOffset(0)] public ushort Family;
        [FieldOffset(4)] public int InterfaceIndex;
    }

    /// <summary>struct iovec.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct IoVector
    {
        public void* Base;
        public nuint Length;
    }

    /// <summary>struct msghdr (LP64 layout).</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct MessageHeader
    {
        public void* Name;
        public int NameLength;
        public IoVector* Iov;
        public nuint IovLength;
        public void* Control;
        public nuint ControlLength;
        public int Flags;
    }

    [LibraryImport("libc", EntryPoint = "socket", SetLastError = true)]
    public static partial int Socket(int domain, int type, int protocol);

    [LibraryImport("libc", EntryPoint = "ioctl", SetLastError = true)]
    public static partial int Ioctl(int fd, ulong request, InterfaceRequest* argument);

    [LibraryImport("libc", EntryPoint = "bind", SetLastError = true)]
    public static partial int Bind(int fd, SocketAddressCan* address, int addressLength);

    [LibraryImport("libc", EntryPoint = "setsockopt", SetLastError = true)]
    public static partial int SetSocketOption(int fd, int level, int name, void* value, int valueLength);

    [LibraryImport("libc", EntryPoint = "send", SetLastError = true)]
    public static partial nint Send(int fd, void* buffer, nuint length, int flags);

    [LibraryImport("libc", EntryPoint = "recvmsg", SetLastError = true)]
    public static partial nint ReceiveMessage(int fd, MessageHeader* message, int flags);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);

    /// <summary>
    /// Finds an SO_TIMESTAMPNS control message in a recvmsg control buffer (struct cmsghdr: 8-byte length, level,
    /// type, then the data 8-byte aligned) and returns its time in ns; false when there is none or it is cut short.
    /// </summary>
    public static bool TryReadTimestampNs(ReadOnlySpan<byte> control, out long timestampNs)
    {
        const int headerSize = 16;
        int offset = 0;
        while (offset + headerSize <= control.Length)
        {
            long length = BitConverter.ToInt64(control.Slice(offset, 8));
            int level = BitConverter.ToInt32(control.Slice(offset + 8, 4));
            int type = BitConverter.ToInt32(control.Slice(offset + 12, 4));
            if (length < headerSize || length > control.Length - offset) break;
            if (level == SolSocket && type == SoTimestampNs && length >= headerSize + 16)
            {
                long seconds = BitConverter.ToInt64(control.Slice(offset + headerSize, 8));
                long nanoseconds = BitConverter.ToInt64(control.Slice(offset + headerSize + 8, 8));
                timestampNs = seconds * 1_000_000_000 + nanoseconds;
                return true;
            }
            offset += (int)((length + 7) & ~7L);
        }
        timestampNs = 0;
        return false;
    }
}
