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
        RuntimeStatus status = WaitFor(runtime, s => s.Cycles >= 1500);
        runtime.Stop();

        Assert.True(status.Cycles >= 1500, $"only {status.Cycles} cycles ran within the test's patience (60 s)");
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
        WaitFor(runtime, s => s.Cycles >= 300);
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
        // 200 ms would make the supervisor decelerate the arm to a hold. The chunk ends 1 s after its start.
        double largest = 0;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && MonotonicClock.Now() < chunk.StartTimeNs + 2_000_000_000L)
        {
            Assert.True(runtime.ChunkProducer.TryWrite(chunk));
            Thread.Sleep(100);
            runtime.StateMailbox.TryRead(out JointState now);
            largest = Math.Max(largest, now.Position[0] - start.Position[0]);
        }

        runtime.StateMailbox.TryRead(out JointState end);
        RuntimeStatus status = runtime.Status();
        runtime.Stop();

        Assert.True(status.ChunksReceived >= 10, $"{status.ChunksReceived} chunks");
        Assert.InRange(end.Position[0] - start.Position[0], 0.37, 0.43);
        Assert.True(largest < 0.5, $"overshoot to {largest} rad for a 0.4 rad move");
    }

    private static RuntimeStatus WaitFor(RobotRuntime runtime, Func<RuntimeStatus, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        RuntimeStatus status = runtime.Status();
        while (!condition(status) && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(100);
            status = runtime.Status();
        }

        return status;
    }

    [Fact]
    public void Start_WristSensorIsNetFt_ItsTwinOverUdpFeedsTheLoop()
    {
        string file = RobotConfigLoaderTests.Hardware("sim-arm6/robot.yaml");
        string text = File.ReadAllText(file).Replace("{ name: wrist, type: ft300, port: sim, link: ft_sensor }", "{ name: wrist, type: netft, port: sim, link: ft_sensor }");
        using var runtime = RobotRuntime.Build(RobotConfigLoader.Parse(text, file), new RuntimeOptions { RealtimeSetup = true, NoBrain = true });
        runtime.Start();
        RuntimeStatus status = WaitFor(runtime, s => s.Cycles >= 500 && s.Wrench is not null);
        runtime.Stop();

        Assert.NotNull(status.Wrench);
        // At rest the sensor carries the gripper hanging below it: a few newtons, not zero and not wild.
        double force = Math.Sqrt(status.Wrench![0] * status.Wrench[0] + status.Wrench[1] * status.Wrench[1] + status.Wrench[2] * status.Wrench[2]);
        Assert.InRange(force, 0.5, 5);
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

    [Fact]
    public void LoopCycles_WithDriverTwinsSensorAndBrain_AllocateNothingOnTheLoopThread()
    {
        // The full read → update → write cycle as the runtime composes it: Dynamixel sync read/write over the pty,
        // the FT300 stream, the chunk follower fed by the brain, the supervisor, the mailboxes.
        using var runtime = Build(brain: true);
        runtime.Start(loopThread: false);
        runtime.RunCyclesOnCallingThread(500);
        long before = GC.GetAllocatedBytesForCurrentThread();
        runtime.RunCyclesOnCallingThread(3000);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        RuntimeStatus status = runtime.Status();
        runtime.Stop();

        Assert.Equal(0, allocated);
        Assert.True(status.ChunksReceived > 0, "the brain should have fed the loop during the measured cycles");
    }
}
