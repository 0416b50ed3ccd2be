using System.Diagnostics;
using System.Runtime.InteropServices;
using static Controller.Hardware.Transports.Ethernet.LinuxPacketNative;

namespace Controller.Hardware.Transports.Ethernet;

/// <summary>
/// A Linux AF_PACKET raw socket bound to one interface and one EtherType (packet(7)): sends and receives
/// whole Ethernet frames. Our own outgoing frames are not looped back (PACKET_IGNORE_OUTGOING, and frames
/// marked PACKET_OUTGOING are skipped on kernels without it). Send and receive use the caller's buffers,
/// never allocate, lock or throw; errors are <see cref="FrameIoStatus"/> values with <see cref="LastErrorNumber"/>.
/// Opening needs CAP_NET_RAW (root); it throws <see cref="IOException"/> naming the interface and errno.
/// </summary>
public sealed unsafe class RawEthernetSocket : IRawFrameTransport
{
    private int _fd;

    /// <summary>The interface name.</summary>
    public string InterfaceName { get; }

    /// <summary>The interface index the socket is bound to.</summary>
    public int InterfaceIndex { get; }

    /// <summary>The EtherType the socket receives.</summary>
    public ushort EtherType { get; }

    /// <summary>errno of the last failed call (0 when none failed).</summary>
    public int LastErrorNumber { get; private set; }

    /// <summary>Frames skipped on receive because they were our own outgoing frames.</summary>
    public long SkippedOutgoingFrames { get; private set; }

    private RawEthernetSocket(int fd, string interfaceName, int interfaceIndex, ushort etherType)
    {
        _fd = fd;
        InterfaceName = interfaceName;
        InterfaceIndex = interfaceIndex;
        EtherType = etherType;
    }

    /// <summary>Opens a socket on <paramref name="interfaceName"/>.</summary>
    /// <param name="interfaceName">For example "eth0" or "veth0".</param>
    /// <param name="etherType">EtherType to receive; 0x88A4 for EtherCAT.</param>
    /// <param name="promiscuous">Receive frames whatever their destination MAC (EtherCAT slaves do not rewrite it).</param>
    /// <param name="networkNamespace">A named network namespace (as <c>ip netns</c> lists) to open the socket in; null for the caller's.</param>
    /// <exception cref="PlatformNotSupportedException">Not Linux.</exception>
    /// <exception cref="IOException">The namespace, interface or socket could not be opened (with errno and the likely cause).</exception>
    public static RawEthernetSocket Open(string interfaceName, ushort etherType = 0x88A4, bool promiscuous = true, string? networkNamespace = null)
    {
        if (!OperatingSystem.IsLinux())
            throw new PlatformNotSupportedException("AF_PACKET raw sockets exist only on Linux");
        ArgumentException.ThrowIfNullOrEmpty(interfaceName);
        if (networkNamespace is null)
            return OpenHere(interfaceName, etherType, promiscuous);

        // setns changes only the calling thread, so do it on a throw-away thread; the socket keeps its namespace.
        RawEthernetSocket? socket = null;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                EnterNamespace(networkNamespace);
                socket = OpenHere(interfaceName, etherType, promiscuous);
            }
            catch (Exception ex)
            {
                failure = ex;
            }
        }) { IsBackground = true, Name = "netns-open" };
        thread.Start();
        thread.Join();
        if (failure is not null)
            throw failure;
        return socket!;
    }

    private static void EnterNamespace(string name)
    {
        string path = Path.Combine("/var/run/netns", name);
        int fd = LinuxPacketNative.Open(path, OpenReadOnlyCloseOnExec);
        if (fd < 0)
            throw new IOException($"cannot open network namespace '{name}' ({path}): errno {Marshal.GetLastPInvokeError()}");
        try
        {
            if (SetNs(fd, CloneNewNet) != 0)
                throw new IOException($"setns into network namespace '{name}' failed: errno {Marshal.GetLastPInvokeError()} (needs CAP_SYS_ADMIN)");
        }
        finally
        {
            Close(fd);
        }
    }

    private static RawEthernetSocket OpenHere(string interfaceName, ushort etherType, bool promiscuous)
    {
        int index = (int)IfNameToIndex(interfaceName);
        if (index == 0)
            throw new IOException($"network interface '{interfaceName}' does not exist: errno {Marshal.GetLastPInvokeError()}");
        ushort protocol = HostToNetwork(etherType);
        int fd = Socket(AfPacket, SockRaw, protocol);
        if (fd < 0)
            throw new IOException($"socket(AF_PACKET, SOCK_RAW, 0x{etherType:X4}) for '{interfaceName}' failed: errno {Marshal.GetLastPInvokeError()} (needs root or CAP_NET_RAW)");
        try
        {
            var address = new SockAddrLl { Family = AfPacket, Protocol = protocol, IfIndex = index };
            if (Bind(fd, &address, sizeof(SockAddrLl)) != 0)
                throw new IOException($"bind to '{interfaceName}' (index {index}) failed: errno {Marshal.GetLastPInvokeError()}");
            int one = 1;
            SetSockOpt(fd, SolPacket, PacketIgnoreOutgoing, &one, sizeof(int)); // best effort: kernels before 4.20 lack it
            if (promiscuous)
            {
                var request = new PacketMreq { IfIndex = index, Type = PacketMrPromisc };
                if (SetSockOpt(fd, SolPacket, PacketAddMembership, &request, sizeof(PacketMreq)) != 0)
                    throw new IOException($"promiscuous mode on '{interfaceName}' failed: errno {Marshal.GetLastPInvokeError()}");
            }
            return new RawEthernetSocket(fd, interfaceName, index, etherType);
        }
        catch
        {
            Close(fd);
            throw;
        }
    }

    /// <inheritdoc />
    public FrameIoStatus Send(ReadOnlySpan<byte> frame)
    {
        if (_fd < 0)
            return FrameIoStatus.Closed;
        nint sent;
        fixed (byte* p = frame)
            sent = LinuxPacketNative.Send(_fd, p, (nuint)frame.Length, 0);
        if (sent == frame.Length)
            return FrameIoStatus.Ok;
        if (sent >= 0)
            return FrameIoStatus.Truncated;
        LastErrorNumber = Marshal.GetLastPInvokeError();
        return LastErrorNumber is ENoBufs or EAgain ? FrameIoStatus.QueueFull : FrameIoStatus.Error;
    }

    /// <inheritdoc />
    public FrameIoStatus TryReceive(Span<byte> buffer, long timeoutNs, out int length)
    {
        length = 0;
        if (_fd < 0)
            return FrameIoStatus.Closed;
        long deadline = Stopwatch.GetTimestamp() + (long)(timeoutNs * (Stopwatch.Frequency / 1e9));
        while (true)
        {
            SockAddrLl from;
            int fromLength = sizeof(SockAddrLl);
            nint received;
            fixed (byte* p = buffer)
                received = ReceiveFrom(_fd, p, (nuint)buffer.Length, MsgDontWait | MsgTrunc, &from, &fromLength);
            if (received >= 0)
            {
                if (from.PacketType == PacketOutgoing)
                {
                    SkippedOutgoingFrames++;
                    continue;
                }
                length = (int)Math.Min(received, buffer.Length);
                return received > buffer.Length ? FrameIoStatus.Truncated : FrameIoStatus.Ok;
            }
            int errno = Marshal.GetLastPInvokeError();
            if (errno == EIntr)
                continue;
            if (errno != EAgain)
            {
                LastErrorNumber = errno;
                return FrameIoStatus.Error;
            }
            long remainingTicks = deadline - Stopwatch.GetTimestamp();
            if (remainingTicks <= 0)
                return FrameIoStatus.Timeout;
            long remainingNs = (long)(remainingTicks * (1e9 / Stopwatch.Frequency));
            var wait = new TimeSpec { Seconds = remainingNs / 1_000_000_000, Nanoseconds = remainingNs % 1_000_000_000 };
            var poll = new PollFd { Fd = _fd, Events = PollIn };
            int ready = PPoll(&poll, 1, &wait, null);
            if (ready < 0 && Marshal.GetLastPInvokeError() != EIntr)
            {
                LastErrorNumber = Marshal.GetLastPInvokeError();
                return FrameIoStatus.Error;
            }
            if (ready == 0)
                return FrameIoStatus.Timeout;
        }
    }

    /// <summary>Closes the socket (owned: this object created it).</summary>
    public void Dispose()
    {
        int fd = Interlocked.Exchange(ref _fd, -1);
        if (fd >= 0)
            Close(fd);
    }
}
