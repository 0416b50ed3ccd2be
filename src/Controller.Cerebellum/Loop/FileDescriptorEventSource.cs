using System.Runtime.InteropServices;
using Controller.Pipeline.Time;

namespace Controller.Cerebellum.Loop;

/// <summary>
/// Paces by a file descriptor becoming readable (<c>ppoll</c> with POLLIN): a serial port or pty whose device answers
/// each cycle, a SocketCAN or raw-Ethernet socket receiving the returning frame. Level-triggered: the cycle's Read
/// phase must drain what arrived, or the next wait returns at once. Times are on <see cref="MonotonicClock"/>.
/// </summary>
public sealed partial class FileDescriptorEventSource : IPacingEventSource
{
    private const short PollIn = 0x001;
    private const int Eintr = 4;
    private readonly int _fd;
    private long _errors;

    /// <summary>Watches <paramref name="fileDescriptor"/> (borrowed: not closed here).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A negative descriptor.</exception>
    /// <exception cref="PlatformNotSupportedException">Not on Linux.</exception>
    public FileDescriptorEventSource(int fileDescriptor)
    {
        if (fileDescriptor < 0) throw new ArgumentOutOfRangeException(nameof(fileDescriptor), fileDescriptor, "a file descriptor is >= 0.");
        if (!OperatingSystem.IsLinux()) throw new PlatformNotSupportedException("FileDescriptorEventSource needs Linux ppoll.");
        _fd = fileDescriptor;
    }

    /// <summary>ppoll failures other than EINTR, or error/hang-up conditions on the descriptor (each treated as no event).</summary>
    public long Errors => Volatile.Read(ref _errors);

    /// <inheritdoc />
    public bool WaitForEvent(long timeoutAtNs)
    {
        while (true)
        {
            long remaining = Math.Max(0, timeoutAtNs - MonotonicClock.Now());
            var timeout = new TimeSpec { Seconds = remaining / 1_000_000_000, Nanoseconds = remaining % 1_000_000_000 };
            var poll = new PollFd { Fd = _fd, Events = PollIn };
            int ready = PPoll(ref poll, 1, in timeout, IntPtr.Zero);
            if (ready > 0)
            {
                if ((poll.Revents & PollIn) != 0) return true;
                // POLLERR / POLLHUP / POLLNVAL without data: the device is gone; do not spin on it, wait out the timeout.
                Volatile.Write(ref _errors, _errors + 1);
                AbsoluteDeadlinePacer.SleepUntil(timeoutAtNs);
                return false;
            }
            if (ready == 0) return false;
            if (Marshal.GetLastPInvokeError() == Eintr) continue;
            Volatile.Write(ref _errors, _errors + 1);
            AbsoluteDeadlinePacer.SleepUntil(timeoutAtNs);
            return false;
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "ppoll", SetLastError = true)]
    private static partial int PPoll(ref PollFd fds, ulong count, in TimeSpec timeout, IntPtr sigmask);
}
