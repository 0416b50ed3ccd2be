using System.Runtime.InteropServices;

namespace Controller.Hardware.Transports;

/// <summary>
/// A 32-bit word another thread can sleep on until it changes (Linux futex(2), private to the process): the receiver of
/// an in-process ring blocks in the kernel and is woken by the sender within microseconds, instead of polling with
/// millisecond sleeps. The word lives on the pinned object heap, so the kernel's address for it never moves. Neither
/// <see cref="Bump"/> nor <see cref="Sleep"/> allocates; a wake costs one system call, only when someone sleeps. Where
/// futex is not available (not Linux), <see cref="Sleep"/> sleeps a millisecond: correct, only slower to notice.
/// </summary>
internal sealed unsafe partial class FutexWord
{
    private const int FutexWaitPrivate = 0 | 128;
    private const int FutexWakePrivate = 1 | 128;

    private static readonly long SyscallNumber = RuntimeInformation.ProcessArchitecture switch
    {
        Architecture.X64 => 202,
        Architecture.Arm64 => 98,
        _ => -1,
    };

    private readonly int[] _word = GC.AllocateArray<int>(1, pinned: true);
    private int _sleepers;

    private static bool Supported => OperatingSystem.IsLinux() && SyscallNumber > 0;

    /// <summary>The current value; read it before <see cref="AnnounceSleep"/> and pass it to <see cref="Sleep"/>.</summary>
    public int Value => Volatile.Read(ref _word[0]);

    /// <summary>Changes the word (after publishing the work) and wakes every sleeper.</summary>
    public void Bump()
    {
        Interlocked.Increment(ref _word[0]);
        if (Volatile.Read(ref _sleepers) != 0 && Supported)
        {
            fixed (int* word = &_word[0])
            {
                Syscall(SyscallNumber, word, FutexWakePrivate, int.MaxValue, null, null, 0);
            }
        }
    }

    /// <summary>
    /// Announces a sleeper: call it after reading <see cref="Value"/> and before the last check for work; then either
    /// <see cref="Sleep"/> (nothing there) or <see cref="CancelSleep"/> (work arrived). A sender that publishes in between
    /// either changes the word first (the sleep returns at once) or sees the sleeper and wakes it.
    /// </summary>
    public void AnnounceSleep() => Interlocked.Increment(ref _sleepers);

    /// <summary>
    /// Sleeps <paramref name="durationNs"/> unless bumped (a precise sleep where nobody bumps: futex timeouts are
    /// high-resolution timers, no millisecond rounding as with <see cref="Thread.Sleep(int)"/>).
    /// </summary>
    public void SleepFor(long durationNs)
    {
        int seen = Value;
        AnnounceSleep();
        Sleep(seen, durationNs);
    }

    /// <summary>Withdraws an <see cref="AnnounceSleep"/> without sleeping.</summary>
    public void CancelSleep() => Interlocked.Decrement(ref _sleepers);

    /// <summary>
    /// After <see cref="AnnounceSleep"/>: sleeps until the word differs from <paramref name="seen"/>, a <see cref="Bump"/>
    /// wakes it, or <paramref name="timeoutNs"/> passes. Spurious returns are allowed: re-check the work and wait again.
    /// </summary>
    public void Sleep(int seen, long timeoutNs)
    {
        try
        {
            if (!Supported)
            {
                Thread.Sleep(1);
                return;
            }

            timeoutNs = Math.Max(0, timeoutNs);
            var timeout = new TimeSpec { Seconds = timeoutNs / 1_000_000_000, Nanoseconds = timeoutNs % 1_000_000_000 };
            fixed (int* word = &_word[0])
            {
                Syscall(SyscallNumber, word, FutexWaitPrivate, seen, &timeout, null, 0);
            }
        }
        finally
        {
            Interlocked.Decrement(ref _sleepers);
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "syscall")]
    private static partial long Syscall(long number, int* word, int op, int value, TimeSpec* timeout, int* word2, int value3);
}
