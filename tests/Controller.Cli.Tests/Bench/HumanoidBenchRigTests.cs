using Controller.Cerebellum;
using Controller.Cerebellum.Loop;
using Controller.Cerebellum.Realtime;
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
        var check = new PlantCheck(rig);
        var loop = new CycleLoop<PlantCheck>(check, new AbsoluteDeadlinePacer(0), new LoopOptions(rig.Config.Loop.RateHz));

        long plantSteps = 0, allocated = -1;
        // On a thread of its own at the loop's real-time priority (when granted), as the bench and the runtime run it:
        // a test-runner thread at normal priority on a loaded host sends the drives their frames tens of ms apart.
        var thread = new Thread(() =>
        {
            RealtimeThreadSetup.Apply(new RealtimeRequest(rig.Config.Loop.Priority, RealtimeRequest.NoPinning, lockMemory: false));
            loop.RunCycles(500); // warm-up: JIT, the drives' activation transient
            check.Counts.Reset();
            plantSteps = rig.PlantSteps;
            long before = GC.GetAllocatedBytesForCurrentThread();
            loop.RunCycles(2000);
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        }) { Name = "humanoid-test-loop" };
        thread.Start();
        thread.Join();

        Assert.Equal(0, allocated);
        Assert.True(rig.PlantSteps > plantSteps, "the plant did not step beside the loop");
        Assert.All(rig.Buses, b => Assert.True(b.State == DeviceState.Active, $"bus {b.Name}: {b.State}, {b.Faults} fault(s)"));
        Assert.Equal(SafetyState.Normal, rig.Safety.State);
        // Every joint read, on every bus, matched the plant the twins drive (a reply is up to a cycle old, and the posture
        // barely moves): the state crossed the EtherCAT, CAN and Dynamixel wire formats, it was not made up in process.
        // Most cycles, not all: a cycle held up by the loaded host reads a reply older than the plant has moved on.
        Assert.Equal(2000, check.Counts.Cycles);
        for (int j = 0; j < 43; j++)
        {
            Assert.True(check.Counts.MatchingPerJoint[j] >= 1000,
                $"{rig.Model.Joints[j].Name}: read within 0.02 rad of the plant in only {check.Counts.MatchingPerJoint[j]} of 2000 cycles");
        }
        // The command the cycle wrote: the posture hold in position mode, with gravity feed-forward on the loaded joints.
        JointCommand command = rig.Cycle.LastCommand;
        Assert.Equal(ControlMode.Position, command.Mode);
        Assert.Contains(Enumerable.Range(0, 43), j => Math.Abs(command.Effort[j]) > 0.1);
    }

    /// <summary>After each read, compares every joint read with the plant (a test body: no allocation per cycle).</summary>
    private struct PlantCheck(HumanoidBenchRig rig) : ICycleBody
    {
        public MatchCounts Counts { get; } = new();

        public readonly void Read(in CycleTime time)
        {
            rig.Cycle.Read(time);
            ref readonly JointState state = ref rig.Cycle.State;
            for (int j = 0; j < state.JointCount; j++)
            {
                if (Math.Abs(state.Position[j] - rig.PlantPositionRad(j)) < 0.02) Counts.MatchingPerJoint[j]++;
            }
            Counts.Cycles++;
        }

        public readonly void Update(in CycleTime time) => rig.Cycle.Update(time);

        public readonly void Write(in CycleTime time) => rig.Cycle.Write(time);
    }

    private sealed class MatchCounts
    {
        public readonly long[] MatchingPerJoint = new long[64];
        public long Cycles;

        public void Reset()
        {
            Cycles = 0;
            Array.Clear(MatchingPerJoint);
        }
    }
}
