using System.Diagnostics;
using Controller.Pipeline.Rings;
using Controller.Runtime.Brain;
using Controller.Runtime.Configuration;
using Controller.Runtime.Tests.Configuration;

namespace Controller.Runtime.Tests.Brain;

public sealed class OutOfProcessStatusTests
{
    [Fact]
    public void Status_BrainProcessPublishesSkillAndOutcome_RuntimeStatusCarriesThemAndTheTaskEnds()
    {
        string name = $"st-{Environment.ProcessId}-{Guid.NewGuid():N}"[..20];
        using var runtime = RobotRuntime.Build(RobotConfigLoader.Load(RobotConfigLoaderTests.Hardware("sim-arm6/robot.yaml")), new RuntimeOptions
        {
            RealtimeSetup = false,
            BrainPlacement = BrainPlacement.OutOfProcess,
            BrainAttachName = name,
            HoldBeforeDisable = TimeSpan.Zero,
            Task = "put the red cube in the bin",
        });
        runtime.Start();
        try
        {
            // The brain process's side of the status file, taken in this process: what `brain serve` writes.
            using var brainSide = LatestValue<SharedBrainStatus>.OpenShared(new BrainRegionPaths(name).Status);
            using var writer = brainSide.TakeWriter();
            Assert.Equal(BrainPlacement.OutOfProcess, runtime.Status().BrainPlacement);
            Assert.Null(runtime.Status().BrainSkill);

            writer.Write(new SharedBrainStatus { Skill = "grasp", PolicyHz = 10, PlannerHz = 2 });
            RuntimeStatus status = WaitFor(runtime, s => s.BrainSkill == "grasp");
            Assert.Null(status.BrainFailure);
            Assert.Equal(10, status.PolicyHz);
            Assert.False(runtime.BrainTaskOver);

            writer.Write(new SharedBrainStatus { Skill = "place", Failed = 1, Failure = "planner: no cube named red" });
            status = WaitFor(runtime, s => s.BrainFailure is not null);
            Assert.Equal("place", status.BrainSkill);
            Assert.Equal("planner: no cube named red", status.BrainFailure);
            Assert.True(runtime.BrainTaskOver);
            Assert.False(status.TaskSucceeded); // the red cube is still on the table
        }
        finally
        {
            runtime.Stop();
        }
    }

    // Generous: the limit only turns a hang into a failure message; nothing here is a timing assertion.
    private static RuntimeStatus WaitFor(RobotRuntime runtime, Func<RuntimeStatus, bool> condition)
    {
        var watch = Stopwatch.StartNew();
        RuntimeStatus status;
        while (!condition(status = runtime.Status()))
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"condition not met; last status: skill {status.BrainSkill}, failure {status.BrainFailure}");
            Thread.Sleep(20);
        }

        return status;
    }
}
