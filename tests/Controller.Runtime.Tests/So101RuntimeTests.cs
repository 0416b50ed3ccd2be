using Controller.Cerebellum.Safety;
using Controller.Hardware.Devices;
using Controller.Runtime.Configuration;
using Controller.Runtime.Tests.Configuration;

namespace Controller.Runtime.Tests;

/// <summary>
/// The shipped so101 brought up for real: Feetech STS3215 twins on a pseudo-terminal over the rigid-body plant of
/// the SO-101 URDF, the Feetech driver with the LeRobot calibration behind its lifecycle, the loop on its own thread,
/// no brain. Timing is not asserted; only that the loop runs and the arm holds its pose without a fault.
/// </summary>
[Collection("runtime")]
public class So101RuntimeTests
{
    [Fact]
    public void Start_So101WithoutBrain_HoldsItsPoseWithNoFault()
    {
        RobotConfig config = RobotConfigLoader.Load(RobotConfigLoaderTests.Hardware("so101/robot.yaml"));
        using var runtime = RobotRuntime.Build(config, new RuntimeOptions { RealtimeSetup = true });
        runtime.Start();
        // The servos power up limp (torque off), so the arm sags while the bus is configured, as a real one does;
        // from activation on it must hold: sample the pose after 200 cycles and again a few hundred cycles later.
        RuntimeStatus first = WaitFor(runtime, s => s.Cycles >= 200);
        RuntimeStatus status = WaitFor(runtime, s => s.Cycles >= first.Cycles + 400);
        runtime.Stop();

        Assert.True(status.Cycles >= first.Cycles + 400, $"only {status.Cycles} cycles ran within the test's patience (60 s)");
        Assert.Null(runtime.Brain);
        Assert.All(status.Buses, b => Assert.Equal(DeviceState.Active, b.State));
        Assert.All(status.Buses, b => Assert.Equal(0, b.Faults));
        Assert.Equal(SafetyState.Normal, status.Safety);
        Assert.Equal(6, status.Joints.Count);
        string Pose(RuntimeStatus s) => string.Join("; ", s.Joints.Select(j => $"{j.Name} {j.PositionRad:F3} (cmd {j.CommandRad:F3})"));
        for (int j = 0; j < 6; j++)
        {
            Assert.True(Math.Abs(status.Joints[j].PositionRad - first.Joints[j].PositionRad) < 0.02, $"drifted from [{Pose(first)}] to [{Pose(status)}]");
            // The servo loops hold against gravity with a small steady error (P control, like the real STS3215).
            Assert.True(Math.Abs(status.Joints[j].PositionRad - status.Joints[j].CommandRad) < 0.15, $"not holding its command: [{Pose(status)}]");
        }

        Assert.All(runtime.Buses, b => Assert.Equal(DeviceState.Stopped, b.State));
    }

    private static RuntimeStatus WaitFor(RobotRuntime runtime, Func<RuntimeStatus, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        RuntimeStatus status = runtime.Status();
        while (!condition(status) && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(50);
            status = runtime.Status();
        }

        return status;
    }
}
