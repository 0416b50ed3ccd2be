using System.Diagnostics;
using System.IO.Ports;
using System.Runtime.InteropServices;

namespace Controller.Hardware.Transports.Serial;

/// <summary>
/// A serial port for a 1 kHz loop: <see cref="SerialPort"/> opens and configures the device (8N1, no handshake,
/// any baud the driver accepts, 4.5 Mbps included), and the cycle's reads and writes go to the same tty through
/// a descriptor of its own with read(2), write(2) and ppoll(2): no allocation, no extra thread, microsecond deadlines.
/// </summary>
/// <remarks>
/// Why not <see cref="SerialPort.Read(byte[], int, int)"/> or its BaseStream: on Linux each call allocates about
/// 480 bytes (a task and a cancellation source, served by an I/O-loop thread) and costs about a millisecond of
/// hand-off; <c>SerialPortReadAllocationTests</c> measures it. Because that I/O loop starts only on the first
/// SerialPort read or write, and this class never makes one, no other reader competes for the bytes.
/// The tty's settings (speed, raw mode) belong to the device, so the second descriptor shares them.
/// Linux only. For USB adapters set the FTDI latency timer to 1 ms (`robotctl doctor` shows how).
/// </remarks>
public sealed unsafe class SerialTransport : ISerialLink, IDisposable
{
    private readonly SerialPort _port;
    private int _fd;

    private SerialTransport(SerialPort port, int fd)
    {
        _port = port;
        _fd = fd;
    }

    /// <summary>Device path, e.g. <c>/dev/ttyUSB0</c> or a pseudo-terminal's <c>/dev/pts/N</c>.</summary>
    public string PortName => _port.PortName;

    /// <inheritdoc />
    public int BaudRate => _port.BaudRate;

    /// <summary>Bytes of <see cref="Write"/> calls that could not be sent before their deadline.</summary>
    public long WriteTimeouts { get; private set; }

    /// <summary>Opens <paramref name="portName"/> at <paramref name="baudRate"/>, 8 data bits, no parity, one stop bit.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Baud rate not in [1200, 10 000 000].</exception>
    /// <exception cref="PlatformNotSupportedException">Not Linux.</exception>
    /// <exception cref="IOException">The device cannot be opened; the message names it and the reason.</exception>
    public static SerialTransport Open(string portName, int baudRate)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(portName);
        if (baudRate is < 1200 or > 10_000_000)
            throw new ArgumentOutOfRangeException(nameof(baudRate), baudRate, $"serial port '{portName}': baud rate must be between 1200 and 10000000; it is {baudRate}.");
        if (!OperatingSystem.IsLinux())
            throw new PlatformNotSupportedException("SerialTransport's allocation-free cycle path is implemented for Linux ttys only.");

        // Our descriptor first: SerialPort.Open then sets TIOCEXCL, which refuses later opens to non-root users.
        int fd = PosixTerminal.Open(portName, PosixTerminal.O_RDWR | PosixTerminal.O_NOCTTY | PosixTerminal.O_CLOEXEC | PosixTerminal.O_NONBLOCK);
        if (fd < 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            throw new IOException($"serial port '{portName}': open failed with errno {errno} ({Marshal.GetPInvokeErrorMessage(errno)}).");
        }

        var port = new SerialPort(portName, baudRate, Parity.None, 8, StopBits.One)
        {
            Handshake = Handshake.None,
            ReadTimeout = 100,
            WriteTimeout = 100,
        };
        try
        {
            port.Open();
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException or ArgumentException or InvalidOperationException)
        {
            PosixTerminal.Close(fd);
            port.Dispose();
            throw new IOException($"serial port '{portName}' at {baudRate} baud: {e.Message}", e);
        }

        var transport = new SerialTransport(port, fd);
        transport.DiscardInput();
        return transport;
    }

    /// <summary>Wire time of <paramref name="bytes"/> at this baud rate (10 bits per byte: start, 8 data, stop), in Stopwatch ticks.</summary>
    public long WireTimeTicks(int bytes) => bytes * 10L * Stopwatch.Frequency / BaudRate;

    /// <inheritdoc />
    public void DiscardInput()
    {
        int fd = Volatile.Read(ref _fd);
        if (fd >= 0) PosixTerminal.Tcflush(fd, PosixTerminal.TCIFLUSH);
    }

    /// <inheritdoc />
    public bool Write(ReadOnlySpan<byte> data, long deadlineTimestamp)
    {
        int fd = Volatile.Read(ref _fd);
        if (fd < 0) return false;
        fixed (byte* p = data)
        {
            int done = 0;
            while (done < data.Length)
            {
                nint n = PosixTerminal.Write(fd, p + done, (nuint)(data.Length - done));
                if (n > 0) { done += (int)n; continue; }
                int errno = Marshal.GetLastPInvokeError();
                if (n < 0 && errno == PosixTerminal.EINTR) continue;
                if (n < 0 && errno == PosixTerminal.EAGAIN && PosixTerminal.WaitFor(fd, PosixTerminal.POLLOUT, RemainingNs(deadlineTimestamp))) continue;
                WriteTimeouts++;
                return false;
            }
        }
        return true;
    }

    /// <inheritdoc />
    public int Read(Span<byte> buffer, long deadlineTimestamp)
    {
        int fd = Volatile.Read(ref _fd);
        if (fd < 0 || buffer.IsEmpty) return 0;
        fixed (byte* p = buffer)
        {
            while (true)
            {
                nint n = PosixTerminal.Read(fd, p, (nuint)buffer.Length);
                if (n > 0) return (int)n;
                int errno = Marshal.GetLastPInvokeError();
                if (n < 0 && errno == PosixTerminal.EINTR) continue;
                if (n == 0 || errno != PosixTerminal.EAGAIN) return 0;
                long remaining = RemainingNs(deadlineTimestamp);
                if (remaining <= 0 || !PosixTerminal.WaitFor(fd, PosixTerminal.POLLIN, remaining)) return 0;
            }
        }
    }

    /// <summary>Reads exactly <paramref name="buffer"/>.Length bytes unless <paramref name="deadlineTimestamp"/> passes first; returns the count read.</summary>
    public int ReadExactly(Span<byte> buffer, long deadlineTimestamp)
    {
        int got = 0;
        while (got < buffer.Length)
        {
            int n = Read(buffer[got..], deadlineTimestamp);
            if (n == 0) break;
            got += n;
        }
        return got;
    }

    /// <summary>Closes the descriptor and the port. Must not be called while the loop thread is inside a read or write.</summary>
    public void Dispose()
    {
        int fd = Interlocked.Exchange(ref _fd, -1);
        if (fd < 0) return;
        PosixTerminal.Close(fd);
        try { _port.Dispose(); }
        catch (IOException) { /* the device may already be gone (USB unplugged); nothing left to release */ }
    }

    private static long RemainingNs(long deadlineTimestamp)
    {
        long ticks = deadlineTimestamp - Stopwatch.GetTimestamp();
        return ticks <= 0 ? 0 : (long)(ticks * (1_000_000_000.0 / Stopwatch.Frequency));
    }
}
