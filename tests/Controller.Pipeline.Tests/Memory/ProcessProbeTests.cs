using Controller.Pipeline.Memory;
using Controller.Pipeline.Tests.Support;

namespace Controller.Pipeline.Tests.Memory;

public sealed class ProcessProbeTests
{
    [Fact]
    public void CurrentPid_IsThisProcess()
    {
        Assert.Equal(Environment.ProcessId, ProcessProbe.CurrentPid);
        Assert.True(ProcessProbe.IsAlive(Environment.ProcessId));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(long.MaxValue)]
    [InlineData((long)int.MaxValue + 1)]
    public void IsAlive_ImpossiblePid_IsFalse(long pid)
    {
        Assert.False(ProcessProbe.IsAlive(pid));
    }

    [Fact]
    public void IsAlive_ChildThatExitedAndWasReaped_IsFalse()
    {
        using var peer = PeerProcess.Start("no-such-mode");
        int pid = peer.Id;

        Assert.Equal(2, peer.WaitForExit());

        Assert.False(ProcessProbe.IsAlive(pid));
    }
}
