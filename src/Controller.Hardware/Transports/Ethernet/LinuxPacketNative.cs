using System.Runtime.InteropServices;

namespace Controller.Hardware.Transports.Ethernet;

/// <summary>The Linux calls and constants behind <see cref="RawEthernetSocket"/> (packet(7), poll(2), setns(2)).</summary>
internal static unsafe partial class LinuxPacketNative
{
    public const int AfPacket = 17;
    public const int SockRaw = 3;
    public const int SolPacket = 263;
    public const int PacketAddMembership = 1;
    public const int PacketIgnoreOutgoing = 23;
    public const ushort PacketMrPromisc = 1;
    public const byte PacketOutgoing = 4;
    public const short PollIn = 0x0001;
    public const int MsgDontWait = 0x40;
    public const int MsgTrunc = 0x20;
    public const int CloneNewNet = 0x40000000;
    public const int OpenReadOnlyCloseOnExec = 0x80000; // O_RDONLY | O_CLOEXEC
    public const int EIntr = 4;
    public const int EAgain = 11;
    public const int ENoBufs = 105;

    [StructLayout(LayoutKind.Sequential)]
    public struct SockAddrLl
    {
        public ushort Family;
        public ushort Protocol;
        public int IfIndex;
        public ushort HaType;
        public byte PacketType;
        public byte HaLength;
        public fixed byte Address[8];
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct PacketMreq
    {
        public int IfIndex;
        public ushort Type;
        public ushort AddressLength;
        public fixed byte Address[8];
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct PollFd
    {
        public int Fd;
        public short Events;
        public short ReturnedEvents;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    public static ushort HostToNetwork(ushort value) => BitConverter.IsLittleEndian ? (ushort)((value >> 8) | (value << 8)) : value;

    [LibraryImport("libc", EntryPoint = "socket", SetLastError = true)]
    public static partial int Socket(int domain, int type, int protocol);

    [LibraryImport("libc", EntryPoint = "bind", SetLastError = true)]
    public static partial int Bind(int fd, SockAddrLl* address, int addressLength);

    [LibraryImport("libc", EntryPoint = "setsockopt", SetLastError = true)]
    public static partial int SetSockOpt(int fd, int level, int name, void* value, int valueLength);

    [LibraryImport("libc", EntryPoint = "send", SetLastError = true)]
    public static partial nint Send(int fd, byte* buffer, nuint length, int flags);

    [LibraryImport("libc", EntryPoint = "recvfrom", SetLastError = true)]
    public static partial nint ReceiveFrom(int fd, byte* buffer, nuint length, int flags, SockAddrLl* from, int* fromLength);

    [LibraryImport("libc", EntryPoint = "ppoll", SetLastError = true)]
    public static partial int PPoll(PollFd* fds, nuint count, TimeSpec* timeout, void* signalMask);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);

    [LibraryImport("libc", EntryPoint = "if_nametoindex", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial uint IfNameToIndex(string name);

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "setns", SetLastError = true)]
    public static partial int SetNs(int fd, int namespaceType);
}
