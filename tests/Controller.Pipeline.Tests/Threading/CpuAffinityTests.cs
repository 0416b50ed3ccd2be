using Controller.Pipeline.Threading;

namespace Controller.Pipeline.Tests.Threading;

public sealed class CpuAffinityTests
{
    [Fact]
    public void TryPinCurrentThread_CpuZeroOnLinux_ReturnsTrueAndRestrictsThreadToCpuZero()
    {
        bool pinned = false;
        bool unpinned = false;
        string? allowedWhilePinned = null;

        var thread = new Thread(() =>
        {
            pinned = CpuAffinity.TryPinCurrentThread(0);
            allowedWhilePinned = AllowedCpus();
            unpinned = CpuAffinity.TryUnpinCurrentThread();
        });
        thread.Start();
        thread.Join();

        // Pinning is implemented for Linux only; elsewhere it reports false and changes nothing.
        Assert.Equal(OperatingSystem.IsLinux(), pinned);
        Assert.Equal(OperatingSystem.IsLinux(), unpinned);
        if (allowedWhilePinned is not null) Assert.Equal("0", allowedWhilePinned);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    [InlineData(1024)]
    public void TryPinCurrentThread_InvalidCpu_ReturnsFalse(int cpu)
    {
        bool pinned = true;
        var thread = new Thread(() => pinned = CpuAffinity.TryPinCurrentThread(cpu));
        thread.Start();
        thread.Join();

        Assert.False(pinned);
    }

    /// <summary>The calling thread's allowed CPU list from /proc, or null where that file does not exist.</summary>
    private static string? AllowedCpus()
    {
        const string status = "/proc/thread-self/status";
        if (!File.Exists(status)) return null;
        return File.ReadLines(status)
            .Where(line => line.StartsWith("Cpus_allowed_list:", StringComparison.Ordinal))
            .Select(line => line["Cpus_allowed_list:".Length..].Trim())
            .FirstOrDefault();
    }
}
