using System.Runtime.InteropServices;
using System.Text;
using Controller.Pipeline.Time;

namespace Controller.Hardware.Transports.Can;

/// <summary>
/// A Linux SocketCAN raw socket (AF_CAN, SOCK_RAW, CAN_RAW) bound to one interface (<c>can0</c>, <c>vcan0</c>,
/// <c>slcan0</c>), reading and writing <c>struct can_frame</c> without blocking.
/// </summary>
/// <remarks>
/// Opening throws <see cref="SocketCanUnavailableException"/> with the fix in its message when the kernel has no
/// CAN support or the interface is missing. After that <see cref="TrySend"/> and <see cref="TryReceive"/> are
/// single non-blocking system calls on stack buffers: no allocation, no exception. The bus state follows the
/// controller's error frames (bus-off, restarted, error-passive/warning).
/// </remarks>
public sealed unsafe class SocketCanChannel : ICanFdChannel
{
    private const uint AllErrorClasses = 0x1FFF_FFFF;
    private readonly IMonotonicClock _clock;
    private readonly bool _kernelTimestamps;
    private readonly bool _fdFrames;
    private int _fd;
    private int _busState = (int)CanBusState.ErrorActive;

    /// <summary>Opens a raw CAN socket on <paramref name="interfaceName"/>.</summary>
    /// <exception cref="ArgumentException">When the name is empty or longer than 15 bytes.</exception>
    /// <exception cref="SocketCanUnavailableException">When SocketCAN or the interface is not available; the message says what to load or create.</exception>
    public SocketCanChannel(string interfaceName, IMonotonicClock clock, SocketCanOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(interfaceName);
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        options ??= new SocketCanOptions();
        int nameBytes = Encoding.ASCII.GetByteCount(interfaceName);
        if (nameBytes >= SocketCanNative.InterfaceNameSize)
            throw new ArgumentException($"interface name '{interfaceName}' is {nameBytes} bytes; Linux allows at most {SocketCanNative.InterfaceNameSize - 1}.", nameof(interfaceName));
        Name = interfaceName;
        _kernelTimestamps = options.KernelTimestamps;
        _fdFrames = options.FlexibleDataRate;
        _fd = Open(interfaceName, options);
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public CanChannelCounters Counters { get; } = new();

    /// <inheritdoc />
    public CanBusState BusState => Volatile.Read(ref _fd) < 0 ? CanBusState.Closed : (CanBusState)Volatile.Read(ref _busState);

    /// <inheritdoc />
    public bool TrySend(in CanFrame frame)
    {
        int fd = Volatile.Read(ref _fd);
        if (fd < 0 || frame.IsError)
        {
            Counters.Rejected();
            return false;
        }
        var native = LinuxCanFrame.From(frame);
        nint written = SocketCanNative.Send(fd, &native, LinuxCanFrame.Size, SocketCanNative.MsgDontWait);
        if (written != LinuxCanFrame.Size)
        {
            // EAGAIN / ENOBUFS: the interface queue is full; ENETDOWN: the link is down. All are a refused send.
            Counters.Rejected();
            return false;
        }
        Counters.Sent();
        return true;
    }

    /// <inheritdoc />
    public bool TryReceive(out CanFrame frame)
    {
        if (_fdFrames)
        {
            // With CAN_RAW_FD_FRAMES a 16-byte read would truncate FD frames; read 72 and keep the classic ones.
            frame = default;
            if (!TryReceiveFd(out var any)) return false;
            if (any.TryToClassic(out frame)) return true;
            Counters.Malformed(); // an FD frame has no classic shape: read FD channels with TryReceiveFd
            return false;
        }
        int fd = Volatile.Read(ref _fd);
        frame = default;
        if (fd < 0) return false;
        LinuxCanFrame native;
        byte* control = stackalloc byte[64];
        var iov = new SocketCanNative.IoVector { Base = &native, Length = LinuxCanFrame.Size };
        var message = new SocketCanNative.MessageHeader { Iov = &iov, IovLength = 1, Control = control, ControlLength = 64 };
        nint read = SocketCanNative.ReceiveMessage(fd, &message, SocketCanNative.MsgDontWait);
        if (read < 0) return false;
        if (read != LinuxCanFrame.Size)
        {
            Counters.Malformed();
            return false;
        }
        long stamp = _kernelTimestamps && SocketCanNative.TryReadTimestampNs(new ReadOnlySpan<byte>(control, (int)message.ControlLength), out long kernelNs)
            ? kernelNs
            : _clock.NowNs;
        frame = native.ToCanFrame(stamp);
        Counters.Received();
        if (frame.IsError) TrackErrorFrame(frame);
        return true;
    }

    /// <inheritdoc />
    /// <remarks>Needs <see cref="SocketCanOptions.FlexibleDataRate"/>; a classic frame (no FDF flag) goes as a 16-byte <c>can_frame</c>.</remarks>
    public bool TrySendFd(in CanFdFrame frame)
    {
        if (!frame.IsFd)
        {
            if (frame.TryToClassic(out var classic)) return TrySend(classic);
            Counters.Rejected();
            return false;
        }
        int fd = Volatile.Read(ref _fd);
        if (fd < 0 || !_fdFrames)
        {
            Counters.Rejected();
            return false;
        }
        var native = LinuxCanFdFrame.From(frame);
        nint written = SocketCanNative.Send(fd, &native, LinuxCanFdFrame.Size, SocketCanNative.MsgDontWait);
        if (written != LinuxCanFdFrame.Size)
        {
            Counters.Rejected();
            return false;
        }
        Counters.Sent();
        return true;
    }

    /// <inheritdoc />
    public bool TryReceiveFd(out CanFdFrame frame)
    {
        int fd = Volatile.Read(ref _fd);
        frame = default;
        if (fd < 0) return false;
        byte* buffer = stackalloc byte[LinuxCanFdFrame.Size];
        byte* control = stackalloc byte[64];
        var iov = new SocketCanNative.IoVector { Base = buffer, Length = LinuxCanFdFrame.Size };
        var message = new SocketCanNative.MessageHeader { Iov = &iov, IovLength = 1, Control = control, ControlLength = 64 };
        nint read = SocketCanNative.ReceiveMessage(fd, &message, SocketCanNative.MsgDontWait);
        if (read < 0) return false;
        long stamp = _kernelTimestamps && SocketCanNative.TryReadTimestampNs(new ReadOnlySpan<byte>(control, (int)message.ControlLength), out long kernelNs)
            ? kernelNs
            : _clock.NowNs;
        if (!LinuxCanFdFrame.TryDecode(new ReadOnlySpan<byte>(buffer, (int)read), stamp, out frame))
        {
            Counters.Malformed();
            return false;
        }
        Counters.Received();
        if (frame.TryToClassic(out var classic) && classic.IsError) TrackErrorFrame(classic);
        return true;
    }

    /// <summary>Closes the socket.</summary>
    public void Dispose()
    {
        int fd = Interlocked.Exchange(ref _fd, -1);
        if (fd >= 0) SocketCanNative.Close(fd);
    }

    /// <summary>The bus state an error frame announces, or <paramref name="current"/> when it announces none.</summary>
    internal static CanBusState StateAfterErrorFrame(in CanFrame error, CanBusState current)
    {
        var classes = (CanErrorClass)error.Id;
        if ((classes & CanErrorClass.BusOff) != 0) return CanBusState.BusOff;
        if ((classes & CanErrorClass.Restarted) != 0) return CanBusState.ErrorActive;
        if ((classes & CanErrorClass.Controller) != 0)
        {
            byte detail = error.Data[1];
            if ((detail & 0x30) != 0) return CanBusState.ErrorPassive;   // CAN_ERR_CRTL_RX/TX_PASSIVE
            if ((detail & 0x0C) != 0) return CanBusState.ErrorWarning;   // CAN_ERR_CRTL_RX/TX_WARNING
            if ((detail & 0x40) != 0) return CanBusState.ErrorActive;    // CAN_ERR_CRTL_ACTIVE
        }
        return current;
    }

    /// <summary>The message for a failed socket(AF_CAN) call: the kernel has no CAN support, and how to add it.</summary>
    internal static string NoKernelSupportMessage(string interfaceName, int errno) =>
        $"SocketCAN is not available: socket(AF_CAN=29, SOCK_RAW, CAN_RAW) for '{interfaceName}' failed with errno {errno} " +
        $"({ErrnoName(errno)}), so this Linux kernel has no CAN support loaded. Load the modules with " +
        "`sudo modprobe can can_raw vcan` (a kernel built without CONFIG_CAN cannot do this; use an SLCAN adapter through " +
        "SlcanChannel instead), then create a virtual interface with `sudo ip link add dev vcan0 type vcan && sudo ip link set up vcan0` " +
        "or bring a real adapter up with `sudo ip link set can0 up type can bitrate 1000000`.";

    /// <summary>The message for a failed SIOCGIFINDEX: the interface does not exist, and how to create it.</summary>
    internal static string NoInterfaceMessage(string interfaceName, int errno) =>
        $"SocketCAN interface '{interfaceName}' was not found (ioctl SIOCGIFINDEX failed with errno {errno}, {ErrnoName(errno)}). " +
        $"Create a virtual one with `sudo modprobe vcan && sudo ip link add dev {interfaceName} type vcan && sudo ip link set up {interfaceName}`, " +
        $"or plug in the adapter and run `sudo ip link set {interfaceName} up type can bitrate 1000000`; `ip -details link show` lists what exists.";

    private static string ErrnoName(int errno) => errno switch
    {
        SocketCanNative.EAfNoSupport => "EAFNOSUPPORT",
        SocketCanNative.EProtoNoSupport => "EPROTONOSUPPORT",
        SocketCanNative.ENoDev => "ENODEV",
        SocketCanNative.ENetDown => "ENETDOWN",
        SocketCanNative.EPerm => "EPERM",
        SocketCanNative.EAcces => "EACCES",
        _ => "see errno(3)",
    };

    private void TrackErrorFrame(in CanFrame error)
    {
        Counters.ErrorFrame();
        var before = (CanBusState)Volatile.Read(ref _busState);
        var after = StateAfterErrorFrame(error, before);
        if (after == CanBusState.BusOff && before != CanBusState.BusOff) Counters.BusOff();
        Volatile.Write(ref _busState, (int)after);
    }

    private static int Open(string interfaceName, SocketCanOptions options)
    {
        if (!OperatingSystem.IsLinux())
            throw new SocketCanUnavailableException(interfaceName, 0, $"SocketCAN exists only on Linux; this is {RuntimeInformation.OSDescription}. Use an SLCAN adapter through SlcanChannel.");
        int fd = SocketCanNative.Socket(SocketCanNative.AfCan, SocketCanNative.SockRaw, SocketCanNative.CanRaw);
        if (fd < 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            throw new SocketCanUnavailableException(interfaceName, errno, NoKernelSupportMessage(interfaceName, errno));
        }
        try
        {
            var request = default(SocketCanNative.InterfaceRequest);
            Encoding.ASCII.GetBytes(interfaceName, new Span<byte>(request.Name, SocketCanNative.InterfaceNameSize));
            if (SocketCanNative.Ioctl(fd, SocketCanNative.SiocGifIndex, &request) < 0)
            {
                int errno = Marshal.GetLastPInvokeError();
                throw new SocketCanUnavailableException(interfaceName, errno, NoInterfaceMessage(interfaceName, errno));
            }
            var address = new SocketCanNative.SocketAddressCan { Family = SocketCanNative.AfCan, InterfaceIndex = request.InterfaceIndex };
            if (SocketCanNative.Bind(fd, &address, sizeof(SocketCanNative.SocketAddressCan)) < 0)
            {
                int errno = Marshal.GetLastPInvokeError();
                throw new SocketCanUnavailableException(interfaceName, errno,
                    $"bind to SocketCAN interface '{interfaceName}' failed with errno {errno} ({ErrnoName(errno)}); is it up? `sudo ip link set up {interfaceName}`.");
            }
            if (options.ReceiveErrorFrames)
            {
                uint mask = AllErrorClasses;
                SetOption(fd, SocketCanNative.SolCanRaw, SocketCanNative.CanRawErrFilter, &mask, sizeof(uint), interfaceName, "CAN_RAW_ERR_FILTER");
            }
            if (options.FlexibleDataRate)
            {
                int on = 1;
                SetOption(fd, SocketCanNative.SolCanRaw, SocketCanNative.CanRawFdFrames, &on, sizeof(int), interfaceName,
                    "CAN_RAW_FD_FRAMES (the interface must be CAN FD capable: `ip link set can0 up type can bitrate 1000000 dbitrate 5000000 fd on`)");
            }
            if (options.KernelTimestamps)
            {
                int on = 1;
                SetOption(fd, SocketCanNative.SolSocket, SocketCanNative.SoTimestampNs, &on, sizeof(int), interfaceName, "SO_TIMESTAMPNS");
            }
            return fd;
        }
        catch
        {
            SocketCanNative.Close(fd);
            throw;
        }
    }

    private static void SetOption(int fd, int level, int name, void* value, int length, string interfaceName, string what)
    {
        if (SocketCanNative.SetSocketOption(fd, level, name, value, length) < 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            throw new SocketCanUnavailableException(interfaceName, errno, $"setsockopt {what} on '{interfaceName}' failed with errno {errno} ({ErrnoName(errno)}).");
        }
    }
}
