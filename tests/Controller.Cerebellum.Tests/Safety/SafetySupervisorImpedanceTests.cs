using Controller.Cerebellum.Loop;
using Controller.Cerebellum.Safety;
using Controller.Pipeline.Messages;

namespace Controller.Cerebellum.Tests.Safety;

/// <summary>The effort bound of impedance commands, case by case (the rig: effort limit 5 N·m).</summary>
public sealed class SafetySupervisorImpedanceTests
{
    private static JointCommand Impedance(double q, double v, double ff, double kp, double kd)
    {
        var c = SafetyRig.PositionCommand(q);
        c.Mode = ControlMode.Impedance;
        c.Velocity[0] = v;
        c.Effort[0] = ff;
        c.Stiffness[0] = kp;
        c.Damping[0] = kd;
        return c;
    }

    [Fact]
    public void Apply_SpringTermWithinLimit_PassesUnchangedWithoutEvent()
    {
        using var rig = new SafetyRig();
        rig.Step(Impedance(0, 0, 1, 100, 2));
        rig.Measured.Position[0] = -0.02;   // 100 × 0.02 + 1 = 3 N·m

        rig.Step(Impedance(0, 0, 1, 100, 2));

        Assert.Equal(100, rig.Written.Stiffness[0]);
        Assert.Equal(2, rig.Written.Damping[0]);
        Assert.Equal(0, rig.Supervisor.EventCount(SafetyEventKind.JointLimit));
    }

    [Fact]
    public void Apply_SpringTermBeyondLimit_ScalesGainsSoThePredictedTorqueIsTheLimitAndRaisesOneEvent()
    {
        using var rig = new SafetyRig();
        rig.Step(Impedance(0, 0, 1, 100, 2));
        // Pushed 0.2 rad away and moving: 100 × 0.2 + 2 × 0.5 + 1 = 22 N·m requested of a 5 N·m joint.
        rig.Measured.Position[0] = -0.2;
        rig.Measured.Velocity[0] = -0.5;
        JointState measured = rig.Measured;

        for (int k = 0; k < 3; k++)
        {
            rig.Measured = measured;
            rig.Step(Impedance(0, 0, 1, 100, 2));
        }

        Assert.Equal(ControlMode.Impedance, rig.Written.Mode);
        Assert.Equal(0, rig.Written.Position[0]);                            // the reference itself is kept
        Assert.Equal(1, rig.Written.Effort[0]);                              // and the feed-forward
        Assert.Equal(5, ImpedanceEffort.Predicted(in rig.Written, in measured, 0), 9);
        Assert.Equal(rig.Written.Stiffness[0] / 100, rig.Written.Damping[0] / 2, 12);   // both gains by the same factor
        Assert.Equal(1, rig.Supervisor.EventCount(SafetyEventKind.JointLimit));           // one episode
        SafetyEvent e = Assert.Single(rig.Events, e => e.Kind == SafetyEventKind.JointLimit);
        Assert.Equal(0, e.Source);
        Assert.Equal(22, e.Value, 9);                                        // requested torque
        Assert.Equal(5, e.Limit, 9);                                         // predicted after the bound
    }

    [Fact]
    public void Apply_FeedForwardBeyondLimitWithOpposingSpring_ClampsFeedForwardAndKeepsTotalWithin()
    {
        using var rig = new SafetyRig();
        rig.Step(Impedance(0, 0, 0, 50, 0));
        rig.Measured.Position[0] = 0.2;     // spring: 50 × −0.2 = −10 N·m; feed-forward 30 → 5; total −5
        JointState measured = rig.Measured;

        rig.Step(Impedance(0, 0, 30, 50, 0));

        Assert.Equal(5, rig.Written.Effort[0]);
        Assert.InRange(ImpedanceEffort.Predicted(in rig.Written, in measured, 0), -5, 5);
    }

    [Fact]
    public void Apply_UnmeasuredVelocity_DropsTheDampingGainOnly()
    {
        using var rig = new SafetyRig();
        rig.Step(Impedance(0, 0, 0, 10, 3));
        rig.Measured.Velocity[0] = double.NaN;

        rig.Step(Impedance(0, 0, 0, 10, 3));

        Assert.Equal(10, rig.Written.Stiffness[0]);
        Assert.Equal(0, rig.Written.Damping[0]);
        Assert.Equal(1, rig.Supervisor.EventCount(SafetyEventKind.JointLimit));
    }

    [Fact]
    public void Apply_HugeGains_WrittenGainsFiniteAndTorqueWithinLimit()
    {
        using var rig = new SafetyRig();
        rig.Step(Impedance(0, 0, 0, 0, 0));
        rig.Measured.Position[0] = 1e-3;
        rig.Measured.Velocity[0] = -2e-3;   // spring −1.8e305, damper +3.6e305: no cancelling
        JointState measured = rig.Measured;

        rig.Step(Impedance(0, 0, 4, double.MaxValue, double.MaxValue));

        Assert.True(double.IsFinite(rig.Written.Stiffness[0]));
        Assert.InRange(ImpedanceEffort.Predicted(in rig.Written, in measured, 0), -5, 5);
    }

    [Fact]
    public void Apply_ThousandsOfImpedanceCyclesThroughTheBound_AllocateNothing()
    {
        using var rig = new SafetyRig();
        var commands = new[]
        {
            Impedance(0.1, 0.2, 1, 100, 2),
            Impedance(-0.5, 0, 30, 1e9, 1e9),
            Impedance(0.3, -0.5, -2, 40, 0.5),
            Impedance(0, 0, 0, double.MaxValue, 0),
        };
        double[] measuredP = [0, 0.3, double.NaN, -0.2, 1.5];
        double[] measuredV = [0, double.NaN, 2, -0.5];

        Run(rig, commands, measuredP, measuredV, 0, 2_000);   // warm-up: every path compiled
        long before = GC.GetAllocatedBytesForCurrentThread();
        Run(rig, commands, measuredP, measuredV, 2_000, 20_000);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.True(rig.Supervisor.EventCount(SafetyEventKind.JointLimit) > 0);   // the bound did act
    }

    private static void Run(SafetyRig rig, JointCommand[] commands, double[] measuredP, double[] measuredV, long first, int cycles)
    {
        var supervisor = rig.Supervisor;
        for (long k = first; k < first + cycles; k++)
        {
            long now = 1_000_000_000 + k * SafetyRig.PeriodNs;
            var time = new CycleTime(k, now, now, SafetyRig.PeriodNs, SafetyRig.PeriodNs);
            rig.Inputs.LastBrainMessageNs = now;
            rig.Measured.Position[0] = measuredP[k % measuredP.Length];
            rig.Measured.Velocity[0] = measuredV[k % measuredV.Length];
            JointCommand command = commands[(k / 7) % commands.Length];
            supervisor.Apply(in time, in rig.Measured, ref command, in rig.Inputs);
            rig.Consumer.TryRead(out _);
        }
    }
}
