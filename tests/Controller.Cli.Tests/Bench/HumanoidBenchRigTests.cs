using Controller.Cerebellum;
using Controller.Cerebellum.Loop;
using Controller.Cerebellum.Safety;
using Controller.Cli.Bench;
using Controller.Hardware.Devices;
using Controller.Pipeline.Messages;

namespace Controller.Cli.Tests.Bench;

/// <summary>
/// The humanoid body of <c>bench loop</c> over the G1's real drivers and device twins (hardware/g1-29dof/robot.yaml):
/// the state the cycle reads is the plant's, carried by the wire protocols; the cycle allocates nothing in steady state.
/// Timing is not asserted.
/// </summary>
public class HumanoidBenchRigTests
{
    [Fact]
    public void Cycle_G1OverItsTwins_ReadsThePlantOnEveryBusAndAllocatesNothing()
    {
        using var rig = HumanoidBenchRig.Build(configFile: null, observer: false);
        Assert.Equal(43, rig.Model.DofCount);
        Assert.Equal(["cia402-ethercat", "mit-can", "dynamixel", "mit-can", "dynamixel"], rig.Config.Buses.Select(b => b.Type));
        rig.Activate();
        var timer = new LoopBodyPhaseTimer<CerebellumCycle>(rig.Cycle);
        var loop = new CycleLoop<LoopBodyPhaseTimer<CerebellumCycle>>(timer, new AbsoluteDeadlinePacer(0), new LoopOptions(rig.Config.Loop.RateHz));

        loop.RunCycles(500); // warm-up: JIT, the drives' activation transient
        long plantSteps = rig.PlantSteps;
        long before = GC.GetAllocatedBytesForCurrentThread();
        loop.RunCycles(2000);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(2500, timer.UpdateTimes.Count);
        Assert.True(rig.PlantSteps > plantSteps, "the plant did not step beside the loop");
        Assert.All(rig.Buses, b => Assert.True(b.State == DeviceState.Active, $"bus {b.Name}: {b.State}, {b.Faults} fault(s)"));
        Assert.Equal(SafetyState.Normal, rig.Safety.State);

        // Every joint was measured through its bus and matches the plant the twins drive:
        // the state crossed EtherCAT, CAN and Dynamixel wire formats, it was not made up in process.
        double[] plant = rig.PlantPositionsRad()!;
        JointState state = rig.Cycle.State;
        Assert.Equal(43, state.JointCount);
        for (int j = 0; j < 43; j++)
        {
            Assert.True(Math.Abs(state.Position[j] - plant[j]) < 0.02, $"{rig.Model.Joints[j].Name}: read {state.Position[j]:F4} rad, plant {plant[j]:F4} rad");
        }

        // The written command reached every bus: each group holds the posture it was activated in, gravity compensated.
        JointCommand command = rig.Cycle.LastCommand;
        Assert.Equal(ControlMode.Position, command.Mode);
        Assert.Contains(Enumerable.Range(0, 43), j => Math.Abs(command.Effort[j]) > 0.1); // gravity feed-forward on the loaded joints
    }
}
