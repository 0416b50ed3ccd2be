using System.Runtime.InteropServices;

namespace Controller.Hardware.Transports.Serial;

/// <summary>
/// libc calls for pseudo-terminals and raw file-descriptor I/O (POSIX.1-2008: posix_openpt, grantpt, unlockpt,
/// ptsname_r; termios: tcgetattr, cfmakeraw, tcsetattr; poll, read, write, close).
/// </summary>
internal static unsafe partial class PosixTerminal
{
    private const string Libc = "libc";

    /// <summary>open(2) flags (Linux values).</summary>
    internal const int O_RDWR = 0x0002, O_NOCTTY = 0x0100, O_NONBLOCK = 0x0800, O_CLOEXEC = 0x80000;

    /// <summary>tcsetattr action: apply now.</summary>
    internal const int TCSANOW = 0;

    /// <summary>tcflush queue selector: both directions.</summary>
    internal const int TCIOFLUSH = 2;

    /// <summary>poll(2) events.</summary>
    internal const short POLLIN = 0x001, POLLERR = 0x008, POLLHUP = 0x010, POLLNVAL = 0x020;

    /// <summary>errno values the callers distinguish.</summary>
    internal const int EINTR = 4, EIO = 5, EAGAIN = 11;

    /// <summary>
    /// struct termios is 60 bytes on Linux/glibc (x64 and arm64); callers pass a larger opaque buffer so that a
    /// libc with a bigger struct can never write past it. Its fields are only touched by libc (cfmakeraw).
    /// </summary>
    internal const int TermiosBufferBytes = 256;

    [StructLayout(LayoutKind.Sequential)]
    internal struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    [LibraryImport(Libc, EntryPoint = "posix_openpt", SetLastError = true)]
    internal static partial int PosixOpenpt(int flags);

    [LibraryImport(Libc, EntryPoint = "grantpt", SetLastError = true)]
    internal static partial int Grantpt(int fd);

    [LibraryImport(Libc, EntryPoint = "unlockpt", SetLastError = true)]
    internal static partial int Unlockpt(int fd);

    [LibraryImport(Libc, EntryPoint = "ptsname_r", SetLastError = true)]
    internal static partial int PtsnameR(int fd, byte* buffer, nuint length);

    [LibraryImport(Libc, EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int Open(string path, int flags);

    [LibraryImport(Libc, EntryPoint = "tcgetattr", SetLastError = true)]
    internal static partial int Tcgetattr(int fd, byte* termios);

    [LibraryImport(Libc, EntryPoint = "tcsetattr", SetLastError = true)]
    internal static partial int Tcsetattr(int fd, int optionalActions, byte* termios);

    [LibraryImport(Libc, EntryPoint = "cfmakeraw")]
    internal static partial void Cfmakeraw(byte* termios);

    [LibraryImport(Libc, EntryPoint = "tcflush", SetLastError = true)]
    internal static partial int Tcflush(int fd, int queueSelector);

    [LibraryImport(Libc, EntryPoint = "poll", SetLastError = true)]
    internal static partial int Poll(PollFd* fds, nuint count, int timeoutMs);

    [StructLayout(LayoutKind.Sequential)]
    internal struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport(Libc, EntryPoint = "ppoll", SetLastError = true)]
    internal static partial int Ppoll(PollFd* fds, nuint count, TimeSpec* timeout, void* sigmask);

    [LibraryImport(Libc, EntryPoint = "fcntl", SetLastError = true)]
    internal static partial int Fcntl(int fd, int command, int argument);

    [LibraryImport(Libc, EntryPoint = "read", SetLastError = true)]
    internal static partial nint Read(int fd, byte* buffer, nuint count);

    [LibraryImport(Libc, EntryPoint = "write", SetLastError = true)]
    internal static partial nint Write(int fd, byte* buffer, nuint count);

    [LibraryImport(Libc, EntryPoint = "close", SetLastError = true)]
    internal static partial int Close(int fd);

    /// <summary>tcflush queue selector: received, not yet read.</summary>
    internal const int TCIFLUSH = 0;

    /// <summary>poll(2) event: writable.</summary>
    internal const short POLLOUT = 0x004;

    /// <summary>Sets O_NONBLOCK on <paramref name="fd"/>; returns false on failure (errno set).</summary>
    internal static bool SetNonBlocking(int fd)
    {
        const int FGetFl = 3, FSetFl = 4;
        int flags = Fcntl(fd, FGetFl, 0);
        return flags >= 0 && Fcntl(fd, FSetFl, flags | O_NONBLOCK) >= 0;
    }

    /// <summary>Waits up to <paramref name="timeoutNs"/> for <paramref name="events"/> on <paramref name="fd"/>; true when ready.</summary>
    internal static bool WaitFor(int fd, short events, long timeoutNs)
    {
        if (timeoutNs < 0) timeoutNs = 0;
        var pfd = new PollFd { Fd = fd, Events = events };
        var ts = new TimeSpec { Seconds = timeoutNs / 1_000_000_000, Nanoseconds = timeoutNs % 1_000_000_000 };
        int ready = Ppoll(&pfd, 1, &ts, null);
        return ready > 0 && (pfd.Revents & events) != 0;
    }

    /// <summary>Puts the terminal behind <paramref name="fd"/> in raw mode (no echo, no line editing, 8 bits).</summary>
    internal static int MakeRaw(int fd)
    {
        byte* termios = stackalloc byte[TermiosBufferBytes];
        new Span<byte>(termios, TermiosBufferBytes).Clear();
        if (Tcgetattr(fd, termios) != 0) return -1;
        Cfmakeraw(termios);
        return Tcsetattr(fd, TCSANOW, termios);
    }
}
