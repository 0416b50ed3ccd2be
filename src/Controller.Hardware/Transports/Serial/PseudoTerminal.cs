using System.Runtime.InteropServices;
using System.Text;

namespace Controller.Hardware.Transports.Serial;

/// <summary>
/// A Unix98 pseudo-terminal pair: <see cref="SecondaryPath"/> (<c>/dev/pts/N</c>) is a real serial device that
/// <see cref="System.IO.Ports.SerialPort"/> opens like a USB adapter, and the master side, read and written here, is
/// the far end of the cable where a twin answers. The line is put in raw mode (no echo, no line editing), so bytes
/// pass unchanged in both directions.
/// </summary>
/// <remarks>
/// The pair keeps its own handle on the secondary side open, so the master never sees a hang-up while no program
/// has the device open (the port may be opened and closed any number of times). Master reads and writes are safe
/// from one reader thread and one writer thread; <see cref="Dispose"/> waits for a read in progress (at most its
/// timeout) before closing.
/// </remarks>
public sealed unsafe class PseudoTerminal : IDisposable
{
    private readonly int _masterFd;
    private readonly int _secondaryFd;
    private int _disposed;
    private int _users;

    private PseudoTerminal(int masterFd, int secondaryFd, string secondaryPath)
    {
        _masterFd = masterFd;
        _secondaryFd = secondaryFd;
        SecondaryPath = secondaryPath;
    }

    /// <summary>The device a serial port opens, e.g. <c>/dev/pts/3</c>.</summary>
    public string SecondaryPath { get; }

    /// <summary>Bytes the master could not write because the secondary's input queue was full (nobody reading).</summary>
    public long DroppedBytes { get; private set; }

    /// <summary>Creates a pair in raw mode.</summary>
    /// <exception cref="PlatformNotSupportedException">Not Linux.</exception>
    /// <exception cref="IOException">The system has no free pseudo-terminal or /dev/ptmx is missing; the message names the call and errno.</exception>
    public static PseudoTerminal Open()
    {
        if (!OperatingSystem.IsLinux())
            throw new PlatformNotSupportedException("pseudo-terminals are implemented for Linux only (posix_openpt, /dev/pts).");

        int master = PosixTerminal.PosixOpenpt(PosixTerminal.O_RDWR | PosixTerminal.O_NOCTTY | PosixTerminal.O_CLOEXEC);
        if (master < 0) throw Failure("posix_openpt(/dev/ptmx)");
        try
        {
            if (PosixTerminal.Grantpt(master) != 0) throw Failure("grantpt");
            if (PosixTerminal.Unlockpt(master) != 0) throw Failure("unlockpt");
            string path = SecondaryName(master);
            if (PosixTerminal.MakeRaw(master) != 0) throw Failure("tcgetattr/tcsetattr (raw mode)");
            int secondary = PosixTerminal.Open(path, PosixTerminal.O_RDWR | PosixTerminal.O_NOCTTY | PosixTerminal.O_CLOEXEC);
            if (secondary < 0) throw Failure($"open({path})");
            if (!PosixTerminal.SetNonBlocking(master)) throw Failure("fcntl(O_NONBLOCK)");
            return new PseudoTerminal(master, secondary, path);
        }
        catch
        {
            PosixTerminal.Close(master);
            throw;
        }
    }

    /// <summary>
    /// Reads what the serial-port side has sent, waiting at most <paramref name="timeoutMs"/> for the first byte.
    /// Returns the bytes read, 0 on timeout or once disposed.
    /// </summary>
    public int ReadMaster(Span<byte> buffer, int timeoutMs)
    {
        if (buffer.IsEmpty || !Enter()) return 0;
        try
        {
            var pfd = new PosixTerminal.PollFd { Fd = _masterFd, Events = PosixTerminal.POLLIN };
            int ready = PosixTerminal.Poll(&pfd, 1, timeoutMs);
            if (ready <= 0 || (pfd.Revents & PosixTerminal.POLLIN) == 0) return 0;
            fixed (byte* p = buffer)
            {
                nint n = PosixTerminal.Read(_masterFd, p, (nuint)buffer.Length);
                return n > 0 ? (int)n : 0;
            }
        }
        finally
        {
            Exit();
        }
    }

    /// <summary>Sends bytes to the serial-port side. Returns false (and counts <see cref="DroppedBytes"/>) when its queue is full or the pair is disposed.</summary>
    public bool WriteMaster(ReadOnlySpan<byte> data)
    {
        if (!Enter()) return false;
        try
        {
            fixed (byte* p = data)
            {
                int done = 0;
                while (done < data.Length)
                {
                    nint n = PosixTerminal.Write(_masterFd, p + done, (nuint)(data.Length - done));
                    if (n > 0) { done += (int)n; continue; }
                    int errno = Marshal.GetLastPInvokeError();
                    if (n < 0 && errno == PosixTerminal.EINTR) continue;
                    if (n < 0 && errno == PosixTerminal.EAGAIN && WaitWritable()) continue;
                    DroppedBytes += data.Length - done;
                    return false;
                }
                return true;
            }
        }
        finally
        {
            Exit();
        }
    }

    /// <summary>
    /// Sends as much of <paramref name="data"/> as the serial-port side's queue takes, waiting at most
    /// <paramref name="timeoutMs"/> for room. Returns the count written (0 on timeout or once disposed); nothing is
    /// counted as dropped, so a caller that loops gets a lossless, flow-controlled line, as a USB adapter's is.
    /// </summary>
    public int WriteMasterSome(ReadOnlySpan<byte> data, int timeoutMs)
    {
        if (data.IsEmpty || !Enter()) return 0;
        try
        {
            fixed (byte* p = data)
            {
                while (true)
                {
                    nint n = PosixTerminal.Write(_masterFd, p, (nuint)data.Length);
                    if (n > 0) return (int)n;
                    int errno = Marshal.GetLastPInvokeError();
                    if (n < 0 && errno == PosixTerminal.EINTR) continue;
                    if (n < 0 && errno == PosixTerminal.EAGAIN && PosixTerminal.WaitFor(_masterFd, PosixTerminal.POLLOUT, timeoutMs * 1_000_000L)) continue;
                    return 0;
                }
            }
        }
        finally
        {
            Exit();
        }
    }

    /// <summary>Closes both sides. A serial port still open on <see cref="SecondaryPath"/> sees a hang-up.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        var spin = new SpinWait();
        while (Volatile.Read(ref _users) != 0) spin.SpinOnce();
        PosixTerminal.Close(_secondaryFd);
        PosixTerminal.Close(_masterFd);
    }

    private bool WaitWritable() => PosixTerminal.WaitFor(_masterFd, PosixTerminal.POLLOUT, 50_000_000);

    private bool Enter()
    {
        Interlocked.Increment(ref _users);
        if (Volatile.Read(ref _disposed) == 0) return true;
        Interlocked.Decrement(ref _users);
        return false;
    }

    private void Exit() => Interlocked.Decrement(ref _users);

    private static string SecondaryName(int master)
    {
        byte* name = stackalloc byte[128];
        if (PosixTerminal.PtsnameR(master, name, 128) != 0) throw Failure("ptsname_r");
        return Encoding.ASCII.GetString(name, IndexOfNul(name));
    }

    private static int IndexOfNul(byte* s)
    {
        int i = 0;
        while (i < 128 && s[i] != 0) i++;
        return i;
    }

    private static IOException Failure(string call)
    {
        int errno = Marshal.GetLastPInvokeError();
        return new IOException($"pseudo-terminal unavailable: {call} failed with errno {errno} ({Marshal.GetPInvokeErrorMessage(errno)}); is /dev/ptmx present and devpts mounted?");
    }
}
