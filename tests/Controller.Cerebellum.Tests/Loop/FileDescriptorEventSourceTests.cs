using System.Runtime.InteropServices;
using Controller.Cerebellum.Loop;
using Controller.Pipeline.Time;

namespace Controller.Cerebellum.Tests.Loop;

/// <summary>
/// Device pacing over a real pseudo-terminal: the "driver" holds the slave end (as it would /dev/ttyUSB0), a twin
/// thread holds the master end and answers each request with a line; the loop wakes when the answer is readable.
/// </summary>
public sealed partial class FileDescriptorEventSourceTests : IDisposable
{
    private const int ORdWr = 2, ONoCtty = 0x100;
    private readonly int _master;
    private readonly int _slave;

    public FileDescriptorEventSourceTests()
    {
        _master = PosixOpenPt(ORdWr | ONoCtty);
        Assert.True(_master >= 0, "posix_openpt failed");
        Assert.Equal(0, GrantPt(_master));
        Assert.Equal(0, UnlockPt(_master));
        string path = Marshal.PtrToStringAnsi(PtsName(_master)) ?? throw new InvalidOperationException("ptsname failed");
        _slave = Open(path, ORdWr | ONoCtty);
        Assert.True(_slave >= 0, $"open {path} failed");
    }

    public void Dispose()
    {
        Close(_slave);
        Close(_master);
    }

    [Fact]
    public void WaitForEvent_NothingArrives_ReturnsFalseAtTheTimeout()
    {
        var source = new FileDescriptorEventSource(_slave);
        long timeoutAt = MonotonicClock.Now() + 3_000_000;
        Assert.False(source.WaitForEvent(timeoutAt));
        Assert.True(MonotonicClock.Now() >= timeoutAt);
    }

    [Fact]
    public void WaitForEvent_ALineArrives_ReturnsTrueBeforeTheTimeout()
    {
        var source = new FileDescriptorEventSource(_slave);
        WriteBytes(_master, "ok\n"u8);
        long timeoutAt = MonotonicClock.Now() + 1_000_000_000;
        Assert.True(source.WaitForEvent(timeoutAt));
        Assert.True(MonotonicClock.Now() < timeoutAt);
    }

    [Fact]
    public void Loop_PacedByATwinAnsweringOverThePty_RunsOnAnswersThenFallsBackWhenItStops()
    {
        const int answers = 20;
        var twin = new Thread(() =>
        {
            Span<byte> buffer = stackalloc byte[64];
            int answered = 0;
            while (answered < answers)
            {
                int n = Read(_master, ref MemoryMarshal.GetReference(buffer), (nuint)buffer.Length);
                if (n <= 0) return;
                foreach (byte b in buffer[..n])
                {
                    if (b != (byte)'q' || answered >= answers) continue;
                    WriteBytes(_master, "r\n"u8);
                    answered++;
                }
            }
        }) { IsBackground = true };
        twin.Start();

        var pacer = new DevicePacer(new FileDescriptorEventSource(_slave), new AbsoluteDeadlinePacer(), timeoutNs: 200_000_000);
        var body = new PtyDriverBody(_slave);
        var loop = new CycleLoop<PtyDriverBody>(body, pacer, new LoopOptions(250));
        WriteBytes(_slave, "q"u8);   // the first request; every Write phase sends the next
        loop.RunCycles(answers + 3);

        Assert.Equal(answers, pacer.DeviceCycles);
        Assert.Equal(1, pacer.DeviceTimeouts);
        Assert.Equal(2, pacer.FallbackCycles);
        Assert.Equal(answers, loop.Body.Replies);
    }

    /// <summary>A driver on the slave end: Read drains the answer, Write sends the next request.</summary>
    private sealed class PtyDriverBody(int fd) : ICycleBody
    {
        public int Replies { get; private set; }

        public void Read(in CycleTime time)
        {
            Span<byte> buffer = stackalloc byte[64];
            // Canonical mode: one read returns one line; drain every line that is ready.
            while (Poll(fd))
            {
                int n = FileDescriptorEventSourceTests.Read(fd, ref MemoryMarshal.GetReference(buffer), (nuint)buffer.Length);
                if (n <= 0) break;
                if (buffer[..n].IndexOf((byte)'r') >= 0) Replies++;
            }
        }

        public void Update(in CycleTime time) { }

        public void Write(in CycleTime time) => WriteBytes(fd, "q"u8);

        private static bool Poll(int fd) => new FileDescriptorEventSource(fd).WaitForEvent(0);
    }

    private static void WriteBytes(int fd, ReadOnlySpan<byte> bytes) =>
        Assert.Equal(bytes.Length, (int)Write(fd, ref MemoryMarshal.GetReference(bytes), (nuint)bytes.Length));

    [LibraryImport("libc", EntryPoint = "posix_openpt")]
    private static partial int PosixOpenPt(int flags);

    [LibraryImport("libc", EntryPoint = "grantpt")]
    private static partial int GrantPt(int fd);

    [LibraryImport("libc", EntryPoint = "unlockpt")]
    private static partial int UnlockPt(int fd);

    [LibraryImport("libc", EntryPoint = "ptsname")]
    private static partial IntPtr PtsName(int fd);

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);

    [LibraryImport("libc", EntryPoint = "read")]
    private static partial int Read(int fd, ref byte buffer, nuint count);

    [LibraryImport("libc", EntryPoint = "write")]
    private static partial nint Write(int fd, ref readonly byte buffer, nuint count);
}
