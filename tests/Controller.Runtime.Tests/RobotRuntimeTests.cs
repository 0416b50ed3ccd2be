using Controller.Cerebellum.Safety;
using Controller.Hardware.Devices;
using Controller.Pipeline.Messages;
using Controller.Pipeline.Time;
using Controller.Runtime.Configuration;
using Controller.Runtime.Tests.Configuration;

namespace Controller.Runtime.Tests;

/// <summary>
/// The shipped sim-arm6 brought up for real: Dynamixel twins on pseudo-terminals over the rigid-body plant, the
/// FT300 twin, the driver behind its lifecycle, the loop on its own thread. Timing is not asserted; only that the
/// loop runs, the robot holds, follows a chunk and stops cleanly.
/// </summary>
[Collection("runtime")]
public class RobotRuntimeTests
{
    private static RobotRuntime Build(bool brain = false) =>
        RobotRuntime.Build(RobotConfigLoader.Load(RobotConfigLoaderTests.Hardware("sim-arm6/robot.yaml")), new RuntimeOptions { RealtimeSetup = true, NoBrain = !brain });

    [Fact]
    public void Start_SimArm6WithoutBrain_HoldsItsPoseSafely()
    {
        using var runtime = Build();
        runtime.Start();
        Thread.Sleep(1500);
        RuntimeStatus status = runtime.Status();
        runtime.Stop();

        string events = string.Join(", ", Enum.GetValues<Controller.Pipeline.Messages.SafetyEventKind>().Select(k => $"{k}={runtime.Safety.EventCount(k)}"));
        string faults = string.Join(", ", status.Buses.Select(b => $"{b.Name}:{b.State}/{b.Faults}"));
        Assert.True(status.Safety == SafetyState.Normal, $"safety {status.Safety}; events {events}; buses {faults}; wrench {string.Join(" ", status.Wrench ?? [])}; lateness p99 {status.LatenessP99Us} us, overruns {status.Overruns}");
        Assert.True(status.Cycles > 500, $"{status.Cycles} cycles in 1.5 s");
        Assert.All(status.Buses, b => Assert.Equal(DeviceState.Active, b.State));
        Assert.Equal(SafetyState.Normal, status.Safety);
        Assert.True(status.BrainSilent);
        var lift = status.Joints.Single(j => j.Name == "shoulder_lift");
        Assert.InRange(lift.PositionRad, 0.3 - 0.05, 0.3 + 0.05);
        Assert.NotNull(status.Wrench);
        Assert.All(runtime.Buses, b => Assert.Equal(DeviceState.Stopped, b.State));
    }

    [Fact]
    public void ChunkFromTheBrain_PanJointFollowsItOnThePlant()
    {
        using var runtime = Build();
        runtime.Start();
        Thread.Sleep(300);
        runtime.StateMailbox.TryRead(out JointState start);
        var chunk = new ActionChunk();
        chunk.SetShape(50, 7);
        chunk.Kind = ActionKind.AbsoluteJointPosition;
        chunk.StepPeriodNs = 20_000_000;
        chunk.StartTimeNs = MonotonicClock.Now();
        for (int s = 0; s < 50; s++)
        {
            Span<float> row = chunk.Row(s);
            for (int j = 0; j < 7; j++)
            {
                row[j] = (float)start.Position[j];
            }

            row[0] = (float)(start.Position[0] + 0.4 * Math.Min(1.0, s / 25.0));
        }

        // A brain sends chunks at its own rate (here 10 Hz, the same plan each time); silence past the configured
        // 200 ms would make the supervisor decelerate the arm to a hold.
        for (int k = 0; k < 12; k++)
        {
            Assert.True(runtime.ChunkProducer.TryWrite(chunk));
            Thread.Sleep(100);
        }

        runtime.StateMailbox.TryRead(out JointState end);
        RuntimeStatus status = runtime.Status();
        runtime.Stop();

        Assert.Equal(12, status.ChunksReceived);
        Assert.InRange(end.Position[0] - start.Position[0], 0.3, 0.5);
    }

    [Fact]
    public void DemoTask_PutTheRedCubeInTheBin_SucceedsOnThePlant()
    {
        // The whole main job: ONNX planner sees the rendered table and the instruction, the ONNX policy produces
        // chunks, the cerebellum follows them through the Dynamixel driver and twins, the plant moves, the scene
        // grasps and drops the cube. About 14 s on the development machine.
        using var runtime = Build(brain: true);
        runtime.Start();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && runtime.Brain!.Failure is null && !runtime.TaskSucceeded())
        {
            Thread.Sleep(200);
        }

        RuntimeStatus status = runtime.Status();
        runtime.Stop();

        Assert.True(status.TaskSucceeded, $"skill {status.BrainSkill}, failure {status.BrainFailure}, safety {status.Safety}, grasps {runtime.Scene!.Grasps}, " +
            string.Join("; ", runtime.Scene.Objects.Where(o => o.Movable).Select(o => $"{o.Name} at {string.Join(",", o.Center.Select(c => c.ToString("F3")))}")));
        Assert.Equal(SafetyState.Normal, status.Safety);
    }
}
