using System.Runtime;
using Controller.Cerebellum.Realtime;

namespace Controller.Cerebellum.Tests.Realtime;

public sealed class RealtimeCapabilitiesTests
{
    [Fact]
    public void Probe_ThisMachine_JudgesEveryCapabilityAndCountsThem()
    {
        var capabilities = RealtimeCapabilities.Probe();

        Assert.Equal(9, capabilities.Items.Count);
        Assert.Equal(capabilities.Items.Count(i => i.Status == RealtimeCapabilityStatus.Problem), capabilities.Problems);
        Assert.Equal(capabilities.Items.Count(i => i.Status == RealtimeCapabilityStatus.Warning), capabilities.Warnings);
        Assert.NotNull(capabilities.Find(RealtimeCapability.KernelPreemption));
    }

    [Fact]
    public void Probe_ThisMachine_FactsAgreeWithTheRuntimeAndKernel()
    {
        var facts = RealtimeCapabilities.Probe().Facts;

        Assert.Equal(GCSettings.IsServerGC, facts.IsServerGc);
        Assert.Equal(GCSettings.LatencyMode.ToString(), facts.GcLatencyMode);
        Assert.Equal(Environment.ProcessorCount, facts.ProcessorCount);
        Assert.Equal(Environment.IsPrivilegedProcess, facts.IsRoot);
        if (OperatingSystem.IsLinux())
        {
            Assert.NotEqual(PreemptionModel.Unknown, facts.PreemptionModel);
            Assert.NotNull(facts.EffectiveCapabilities);
            Assert.NotNull(facts.RtprioLimit);
            Assert.NotNull(facts.MemlockLimit);
        }
    }

    [Fact]
    public void Probe_OnAThread_LeavesItsSchedulingPolicyAsItWas()
    {
        if (!OperatingSystem.IsLinux()) return;
        var (before, after) = OnDedicatedThread.Run(() =>
        {
            int policy = KernelReadback.Policy();
            RealtimeCapabilities.Probe();
            return (policy, KernelReadback.Policy());
        });

        Assert.Equal(before, after);
    }

    [Fact]
    public void Find_UnknownName_ReturnsNull()
    {
        Assert.Null(RealtimeCapabilities.FromFacts(new RealtimeFacts()).Find("no such check"));
    }
}
