using Controller.Cerebellum.Controllers;
using Controller.Cerebellum.Controllers.Admittance;
using Controller.Cerebellum.Safety;
using Controller.Pipeline.Messages;
using Controller.Robotics.Spatial;
using Controller.Runtime.Configuration;
using Controller.Runtime.Simulation;
using Controller.Runtime.Tests.Configuration;

namespace Controller.Runtime.Tests;

/// <summary>
/// The controllers of <c>controllers:</c> on the shipped sim-arm6 (Dynamixel twins in position mode, FT300 twin,
/// rigid-body plant): hand guiding with the simulated operator moves the tool along the operator's path, and switching
/// controllers at run time commits at a cycle boundary without allocating on the loop thread and without a command jump.
/// Timing is not asserted: the tests wait for conditions, with a generous patience.
/// </summary>
[Collection("runtime")]
public class ControllerSwitchingTests
{
    private static RobotConfig SimArm6(ControllerKind start)
    {
        RobotConfig config = RobotConfigLoader.Load(RobotConfigLoaderTests.Hardware("sim-arm6/robot.yaml"));
        return config with { Controllers = config.Controllers with { Default = start } };
    }

    [Fact]
    public void GuideMode_SimulatedOperatorPullsTheTool_ArmFollowsTowardTheWaypointsWithoutSafetyFault()
    {
        using var runtime = RobotRuntime.Build(SimArm6(ControllerKind.Admittance), new RuntimeOptions { NoBrain = true, RealtimeSetup = false });
        runtime.Start();
        Wait(() => runtime.Status().Cycles >= 300);
        Vec3 start = SimulatedOperator.FramePosition(runtime.Plant!, runtime.Model, "tool_tip");
        IReadOnlyList<Vec3> path = SimulatedOperator.LiftOverBinAndLower(start);
        using var hand = new SimulatedOperator(runtime.Plant!, runtime.Model, "tool_tip", path);
        hand.Start();

        // Lift first, then over the bin: wait until the tool is well on its way (or the patience runs out).
        double Distance(Vec3 p) => (path[1] - p).Norm;
        double startDistance = Distance(start);
        Wait(() => startDistance - Distance(hand.ToolPosition()) > 0.08 || runtime.Safety.State != SafetyState.Normal, seconds: 60);
        long collisionsWhileGuided = runtime.Safety.EventCount(SafetyEventKind.Collision);
        Vec3 end = hand.ToolPosition();
        double largestForce = hand.LastForceN;
        hand.Dispose();
        RuntimeStatus status = runtime.Status();
        var admittance = (CartesianAdmittanceController)runtime.ControllerSlot.Active!;
        runtime.Stop();

        Assert.Equal(SafetyState.Normal, status.Safety);
        Assert.Equal(0, collisionsWhileGuided);
        Assert.Equal(0, runtime.Safety.EventCount(SafetyEventKind.Collision));
        Assert.True(startDistance - Distance(end) > 0.08,
            $"the tool went from ({start.X:F3}, {start.Y:F3}, {start.Z:F3}) to ({end.X:F3}, {end.Y:F3}, {end.Z:F3}); the waypoint over the bin is {path[1]}; hand at {largestForce:F1} N");
        Assert.True(hand.NextWaypoint >= 1, "the lift waypoint should have been reached first");
        Assert.True(end.Z > start.Z + 0.02, $"the tool should have been lifted: z {start.Z:F3} → {end.Z:F3}");
        Assert.Equal(0, admittance.MissingWrenchCycles);
    }

    [Fact]
    public void SwitchController_HoldAdmittanceFollowerAtRest_CommitsAtCycleBoundaryWithoutAllocationOrJump()
    {
        using var runtime = RobotRuntime.Build(SimArm6(ControllerKind.Hold), new RuntimeOptions { NoBrain = true, RealtimeSetup = false });
        runtime.Start(loopThread: false);
        runtime.RunCyclesOnCallingThread(500);
        ControllerKind[] sequence = [ControllerKind.Admittance, ControllerKind.Follower, ControllerKind.Hold, ControllerKind.Admittance, ControllerKind.Hold];
        long worstAllocation = 0;
        double worstJump = 0, worstOffPose = 0;
        for (int round = 0; round < 2; round++)
        {
            foreach (ControllerKind kind in sequence)
            {
                RuntimeStatus before = runtime.Status();
                long switches = runtime.ControllerSlot.Switches;
                ICycleController next = runtime.SwitchController(kind);
                Assert.Equal(switches, runtime.ControllerSlot.Switches); // prepared, not yet committed: that is the loop's job

                long allocated = GC.GetAllocatedBytesForCurrentThread();
                runtime.RunCyclesOnCallingThread(1);
                allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
                RuntimeStatus after = runtime.Status();

                Assert.Same(next, runtime.ControllerSlot.Active);
                Assert.Equal(switches + 1, runtime.ControllerSlot.Switches);
                Assert.Equal(kind, runtime.ActiveControllerKind);
                if (round == 1)
                {
                    worstAllocation = Math.Max(worstAllocation, allocated); // the first round JIT-compiles every path
                }

                for (int j = 0; j < after.Joints.Count; j++)
                {
                    worstJump = Math.Max(worstJump, Math.Abs(after.Joints[j].CommandRad - before.Joints[j].CommandRad));
                    worstOffPose = Math.Max(worstOffPose, Math.Abs(after.Joints[j].CommandRad - after.Joints[j].PositionRad));
                }

                runtime.RunCyclesOnCallingThread(100);
            }
        }

        // Steady admittance cycles (FK, Jacobian, damped solve, the wrist sensor, the servos) allocate nothing either.
        runtime.SwitchController(ControllerKind.Admittance);
        runtime.RunCyclesOnCallingThread(200);
        long steady = GC.GetAllocatedBytesForCurrentThread();
        runtime.RunCyclesOnCallingThread(1000);
        steady = GC.GetAllocatedBytesForCurrentThread() - steady;
        RuntimeStatus status = runtime.Status();
        runtime.Stop();

        Assert.Equal(0, steady);
        Assert.Equal(0, worstAllocation);
        Assert.True(worstJump < 1e-3, $"the written command moved {worstJump} rad in a switch cycle of an arm at rest");
        Assert.True(worstOffPose < 0.02, $"a new controller commanded {worstOffPose} rad away from where the joints are");
        Assert.Equal(SafetyState.Normal, status.Safety);
        Assert.Equal(0, runtime.Safety.EventCount(SafetyEventKind.InvalidCommand));
    }

    [Fact]
    public void SwitchController_ImpedanceOnPositionServos_RefusedBeforeAnythingChanges()
    {
        using var runtime = RobotRuntime.Build(SimArm6(ControllerKind.Hold), new RuntimeOptions { NoBrain = true, RealtimeSetup = false });
        runtime.Start(loopThread: false);
        runtime.RunCyclesOnCallingThread(10);
        ICycleController active = runtime.ControllerSlot.Active!;

        var e = Assert.Throws<InvalidOperationException>(() => runtime.SwitchController(ControllerKind.Impedance));
        runtime.RunCyclesOnCallingThread(10);
        runtime.Stop();

        Assert.Contains("bus 'arm'", e.Message);
        Assert.Same(active, runtime.ControllerSlot.Active);
        Assert.Equal(ControllerKind.Hold, runtime.ActiveControllerKind);
    }

    private static void Wait(Func<bool> done, double seconds = 30)
    {
        DateTime patience = DateTime.UtcNow.AddSeconds(seconds);
        while (!done() && DateTime.UtcNow < patience)
        {
            Thread.Sleep(20);
        }
    }
}
