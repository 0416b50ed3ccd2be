using Controller.Cerebellum.Loop;
using Controller.Cerebellum.Safety;
using Controller.Pipeline.Messages;

namespace Controller.Cerebellum.Tests.Safety;

public sealed class SafetySupervisorAllocationTests
{
    private sealed class NeverResidual : ICollisionResidual
    {
        public bool Exceeded(in CycleTime time, in JointState measured, in JointCommand command, out double value, out double limit)
        {
            (value, limit) = (0, 1);
            return false;
        }
    }

    [Fact]
    public void Apply_100000CyclesThroughEveryPath_AllocatesNothing()
    {
        using var rig = new SafetyRig(new SafetyOptions { BrainTimeoutNs = 3 * SafetyRig.PeriodNs, StaleSensorCycles = 2 }, new NeverResidual());
        var commands = new JointCommand[8];
        commands[0] = SafetyRig.PositionCommand(0.9, -0.9, 0.3);
        commands[1] = SafetyRig.PositionCommand(-5, 5, 0);
        commands[2] = SafetyRig.PositionCommand(double.NaN, 0, 0);
        commands[3] = new JointCommand { JointCount = SafetyRig.Joints, Mode = ControlMode.Velocity };
        commands[3].Velocity[0] = 3;
        commands[4] = new JointCommand { JointCount = SafetyRig.Joints, Mode = ControlMode.Effort };
        commands[4].Effort[1] = 50;
        commands[5] = SafetyRig.PositionCommand(0.2);
        commands[5].Mode = ControlMode.Impedance;
        commands[5].Stiffness[0] = -3;
        commands[6] = SafetyRig.PositionCommand(0);
        commands[6].JointCount = 9;
        commands[7] = default;

        Run(rig, commands, 0, 20_000); // warm-up: every path compiled
        long before = GC.GetAllocatedBytesForCurrentThread();
        Run(rig, commands, 20_000, 100_000);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.True(rig.Supervisor.LastEventSequence > 1000);
    }

    private static void Run(SafetyRig rig, JointCommand[] commands, long first, int cycles)
    {
        var supervisor = rig.Supervisor;
        for (long k = first; k < first + cycles; k++)
        {
            long now = 1_000_000_000 + k * SafetyRig.PeriodNs;
            var time = new CycleTime(k, now, now, SafetyRig.PeriodNs, SafetyRig.PeriodNs);
            long phase = k % 1000;
            rig.Inputs.EStopInputOpen = phase is >= 100 and < 110;
            if (phase == 200) supervisor.RequestEmergencyStop();
            rig.Measured.FreshMask = phase is >= 300 and < 305 ? 0b011UL : 0b111UL;
            rig.Inputs.HasWrench = true;
            rig.Inputs.Wrench.ForceZN = phase == 400 ? 1000 : 0;
            rig.Inputs.LastBrainMessageNs = phase is >= 500 and < 600 ? rig.Inputs.LastBrainMessageNs : now;
            if (phase == 700) supervisor.RequestReducedSpeed(true);
            if (phase == 800) supervisor.RequestReducedSpeed(false);
            if (phase % 50 == 49)
            {
                supervisor.Acknowledge();
                supervisor.ReEnable();
            }
            var command = commands[(k / 37) % commands.Length];
            supervisor.Apply(in time, in rig.Measured, ref command, in rig.Inputs);
            while (rig.Consumer.TryRead(out _)) { }
        }
    }
}
