using Controller.Cerebellum.Realtime;

namespace Controller.Cerebellum.Tests.Realtime;

public sealed class RealtimeAssessmentTests
{
    /// <summary>A well set-up real-time machine: PREEMPT_RT, capabilities, an isolated tickless CPU, performance governor.</summary>
    private static readonly RealtimeFacts Tuned = new()
    {
        PreemptionModel = PreemptionModel.PreemptRt,
        IsRoot = false,
        EffectiveCapabilities = (1UL << ProcStatusParser.CapSysNice) | (1UL << ProcStatusParser.CapIpcLock),
        RtprioLimit = new ResourceLimit(0, 0),
        MemlockLimit = new ResourceLimit(8 * 1024 * 1024, 8 * 1024 * 1024),
        IsolatedCpus = [3],
        NohzFullCpus = [3],
        Governors = new Dictionary<int, string> { [0] = "performance", [1] = "performance", [2] = "performance", [3] = "performance" },
        RtRuntimeUs = 950000,
        RtPeriodUs = 1000000,
        ProcessorCount = 4,
        IsServerGc = false,
        GcLatencyMode = "Interactive",
        ConcurrentGcSwitch = true,
    };

    /// <summary>A stock desktop with an unprivileged user.</summary>
    private static readonly RealtimeFacts Stock = Tuned with
    {
        PreemptionModel = PreemptionModel.PreemptDynamic,
        DynamicPreemptMode = "voluntary",
        EffectiveCapabilities = 0,
        IsolatedCpus = [],
        NohzFullCpus = null,
        Governors = new Dictionary<int, string> { [0] = "powersave", [1] = "powersave", [2] = "performance", [3] = "performance" },
    };

    private static RealtimeCapability Item(RealtimeFacts facts, string name, int loopPriority = 80) =>
        Assert.Single(RealtimeAssessment.Assess(facts, loopPriority), item => item.Name == name);

    [Fact]
    public void Assess_TunedMachine_EveryItemOk()
    {
        var items = RealtimeAssessment.Assess(Tuned, 80);

        Assert.All(items, item => Assert.Equal(RealtimeCapabilityStatus.Ok, item.Status));
    }

    [Fact]
    public void Assess_AnyFacts_OneItemPerCapabilityWithValueAndAdvice()
    {
        var items = RealtimeAssessment.Assess(new RealtimeFacts(), 80);

        Assert.Equal(
            [RealtimeCapability.KernelPreemption, RealtimeCapability.RtThrottling, RealtimeCapability.Privileges,
             RealtimeCapability.RtprioLimit, RealtimeCapability.MemlockLimit, RealtimeCapability.IsolatedCpus,
             RealtimeCapability.NohzFull, RealtimeCapability.CpuGovernor, RealtimeCapability.DotnetGc],
            items.Select(item => item.Name));
        Assert.All(items, item => Assert.False(string.IsNullOrWhiteSpace(item.Value)));
        Assert.All(items, item => Assert.False(string.IsNullOrWhiteSpace(item.Advice)));
    }

    [Theory]
    [InlineData(PreemptionModel.PreemptRt, null, RealtimeCapabilityStatus.Ok)]
    [InlineData(PreemptionModel.Preempt, null, RealtimeCapabilityStatus.Warning)]
    [InlineData(PreemptionModel.PreemptLazy, null, RealtimeCapabilityStatus.Warning)]
    [InlineData(PreemptionModel.PreemptDynamic, "full", RealtimeCapabilityStatus.Warning)]
    [InlineData(PreemptionModel.PreemptDynamic, null, RealtimeCapabilityStatus.Warning)]
    [InlineData(PreemptionModel.PreemptDynamic, "voluntary", RealtimeCapabilityStatus.Problem)]
    [InlineData(PreemptionModel.PreemptDynamic, "none", RealtimeCapabilityStatus.Problem)]
    [InlineData(PreemptionModel.NoneOrVoluntary, null, RealtimeCapabilityStatus.Problem)]
    [InlineData(PreemptionModel.Unknown, null, RealtimeCapabilityStatus.Warning)]
    public void Assess_PreemptionModel_StatusByHowPreemptible(PreemptionModel model, string? mode, RealtimeCapabilityStatus expected)
    {
        var item = Item(Tuned with { PreemptionModel = model, DynamicPreemptMode = mode }, RealtimeCapability.KernelPreemption);

        Assert.Equal(expected, item.Status);
        Assert.StartsWith(KernelPreemptionParser.DisplayName(model), item.Value);
        if (expected != RealtimeCapabilityStatus.Ok && model != PreemptionModel.Unknown) Assert.Contains("PREEMPT_RT", item.Advice);
    }

    [Fact]
    public void Assess_UnprivilegedWithoutRtprio_PrivilegesAndRtprioAreProblemsWithTheFixes()
    {
        var privileges = Item(Stock, RealtimeCapability.Privileges);
        var rtprio = Item(Stock, RealtimeCapability.RtprioLimit);

        Assert.Equal(RealtimeCapabilityStatus.Problem, privileges.Status);
        Assert.Equal("not root, no CAP_SYS_NICE, no CAP_IPC_LOCK", privileges.Value);
        Assert.Contains("setcap cap_sys_nice,cap_ipc_lock+ep", privileges.Advice);
        Assert.Equal(RealtimeCapabilityStatus.Problem, rtprio.Status);
        Assert.Contains("@realtime - rtprio 95", rtprio.Advice);
    }

    [Fact]
    public void Assess_RtprioBelowTheLoopsPriority_Warning()
    {
        var item = Item(Stock with { RtprioLimit = new ResourceLimit(50, 50) }, RealtimeCapability.RtprioLimit, loopPriority: 80);

        Assert.Equal(RealtimeCapabilityStatus.Warning, item.Status);
        Assert.Contains("up to 50", item.Advice);
    }

    [Fact]
    public void Assess_RtprioAndMemlockGrantedByLimits_PrivilegesOk()
    {
        var facts = Stock with { RtprioLimit = new ResourceLimit(95, 95), MemlockLimit = new ResourceLimit(null, null) };

        Assert.Equal(RealtimeCapabilityStatus.Ok, Item(facts, RealtimeCapability.Privileges).Status);
        Assert.Equal(RealtimeCapabilityStatus.Ok, Item(facts, RealtimeCapability.RtprioLimit).Status);
        Assert.Equal(RealtimeCapabilityStatus.Ok, Item(facts, RealtimeCapability.MemlockLimit).Status);
        Assert.Equal("unlimited", Item(facts, RealtimeCapability.MemlockLimit).Value);
    }

    [Fact]
    public void Assess_SmallMemlockWithoutIpcLock_WarningToRaiseIt()
    {
        var item = Item(Stock, RealtimeCapability.MemlockLimit);

        Assert.Equal(RealtimeCapabilityStatus.Warning, item.Status);
        Assert.Equal("8192 KiB", item.Value);
        Assert.Contains("ulimit -l unlimited", item.Advice);
    }

    [Fact]
    public void Assess_NoIsolatedCpus_WarningNamingTheBootArguments()
    {
        var item = Item(Stock, RealtimeCapability.IsolatedCpus);

        Assert.Equal(RealtimeCapabilityStatus.Warning, item.Status);
        Assert.Contains("isolcpus=", item.Advice);
        Assert.Contains("nohz_full=3", item.Advice);
        Assert.Contains("--cpu 3", item.Advice);
    }

    [Fact]
    public void Assess_IsolatedCpus_OkNamingThem()
    {
        var item = Item(Tuned with { IsolatedCpus = [2, 3] }, RealtimeCapability.IsolatedCpus);

        Assert.Equal("2-3", item.Value);
        Assert.Contains("--cpu 3", item.Advice);
    }

    [Fact]
    public void Assess_NohzFullNotExposed_Warning()
    {
        Assert.Equal(RealtimeCapabilityStatus.Warning, Item(Stock, RealtimeCapability.NohzFull).Status);
        Assert.Equal("not exposed", Item(Stock, RealtimeCapability.NohzFull).Value);
    }

    [Fact]
    public void Assess_MixedGovernors_WarningGroupingCpusByGovernor()
    {
        var item = Item(Stock, RealtimeCapability.CpuGovernor);

        Assert.Equal(RealtimeCapabilityStatus.Warning, item.Status);
        Assert.Equal("powersave (cpu 0-1); performance (cpu 2-3)", item.Value);
        Assert.Contains("performance", item.Advice);
    }

    [Fact]
    public void Assess_GovernorNotExposed_WarningSayingSo()
    {
        var item = Item(Tuned with { Governors = new Dictionary<int, string>() }, RealtimeCapability.CpuGovernor);

        Assert.Equal(RealtimeCapabilityStatus.Warning, item.Status);
        Assert.Equal("not exposed", item.Value);
    }

    [Theory]
    [InlineData(-1L, RealtimeCapabilityStatus.Ok, "disabled")]
    [InlineData(950000L, RealtimeCapabilityStatus.Ok, "950000 of 1000000 us (95%)")]
    [InlineData(100000L, RealtimeCapabilityStatus.Warning, "100000 of 1000000 us (10%)")]
    public void Assess_RtThrottling_ValueAndStatus(long runtime, RealtimeCapabilityStatus expected, string value)
    {
        var item = Item(Tuned with { RtRuntimeUs = runtime }, RealtimeCapability.RtThrottling);

        Assert.Equal(expected, item.Status);
        Assert.StartsWith(value, item.Value);
    }

    [Theory]
    [InlineData(true, true, "Interactive", RealtimeCapabilityStatus.Problem)]
    [InlineData(false, false, "Batch", RealtimeCapabilityStatus.Warning)]
    [InlineData(false, true, "SustainedLowLatency", RealtimeCapabilityStatus.Ok)]
    public void Assess_DotnetGc_ServerIsAProblemNonConcurrentAWarning(bool server, bool concurrent, string mode, RealtimeCapabilityStatus expected)
    {
        var item = Item(Tuned with { IsServerGc = server, ConcurrentGcSwitch = concurrent, GcLatencyMode = mode }, RealtimeCapability.DotnetGc);

        Assert.Equal(expected, item.Status);
        Assert.Contains(mode, item.Value);
    }
}
