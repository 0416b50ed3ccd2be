using Controller.Cerebellum.Realtime;

namespace Controller.Cerebellum.Tests.Realtime;

public sealed class RealtimeSetupReportTests
{
    [Fact]
    public void Summary_GrantedAndRefusedItems_OneLineEachInOrder()
    {
        var report = new RealtimeSetupReport(
        [
            RealtimeSetupItem.GrantedItem("CPU affinity", "cpu 1"),
            RealtimeSetupItem.Refused("SCHED_FIFO", "80", "EPERM", "grant CAP_SYS_NICE"),
        ]);

        Assert.Equal(
            ["CPU affinity cpu 1: granted", "SCHED_FIFO 80: refused (EPERM) — fix: grant CAP_SYS_NICE"],
            report.Summary.Split(Environment.NewLine));
        Assert.False(report.AllGranted);
        Assert.Equal(1, report.RefusedCount);
    }

    [Fact]
    public void Constructor_ListChangedAfterwards_ReportUnchanged()
    {
        var items = new List<RealtimeSetupItem> { RealtimeSetupItem.GrantedItem("mlockall", "MCL_CURRENT|MCL_FUTURE") };
        var report = new RealtimeSetupReport(items);

        items.Add(RealtimeSetupItem.Refused("SCHED_FIFO", "80", "EPERM", "fix"));

        Assert.Single(report.Items);
        Assert.True(report.AllGranted);
    }

    [Fact]
    public void Problems_TrialRefusals_AddToCapabilityProblems()
    {
        var capabilities = RealtimeCapabilities.FromFacts(new RealtimeFacts { PreemptionModel = PreemptionModel.NoneOrVoluntary });
        var trial = new RealtimeSetupReport([RealtimeSetupItem.Refused("SCHED_FIFO", "80", "EPERM", "fix")]);

        var readiness = new RealtimeReadiness(capabilities, trial);

        Assert.Equal(capabilities.Problems + 1, readiness.Problems);
        Assert.Equal(capabilities.Warnings, readiness.Warnings);
        Assert.Equal($"{readiness.Problems} problems, {readiness.Warnings} warnings", readiness.Verdict);
    }
}
