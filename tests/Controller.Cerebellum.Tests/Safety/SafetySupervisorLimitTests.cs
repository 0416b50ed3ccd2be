using Controller.Cerebellum.Safety;
using Controller.Pipeline.Messages;

namespace Controller.Cerebellum.Tests.Safety;

public sealed class SafetySupervisorLimitTests
{
    private const double MaxStep = SafetyRig.VelocityMax * SafetyRig.Period;
    private const double MaxStepChange = SafetyRig.AccelerationMax * SafetyRig.Period * SafetyRig.Period;

    [Fact]
    public void Apply_CommandAtMeasuredPosition_PassesUnchanged()
    {
        using var rig = new SafetyRig();
        var command = SafetyRig.PositionCommand(0, 0, 0);
        Assert.Equal(SafetyReaction.None, rig.Step(command));
        Assert.Equal(ControlMode.Position, rig.Written.Mode);
        Assert.Equal(0, rig.Written.Position[0]);
        Assert.Empty(rig.Events);
    }

    [Fact]
    public void Apply_FeasibleTrajectory_TrackedExactly()
    {
        using var rig = new SafetyRig();
        // Accelerate at half the limit for 50 cycles, then cruise: always feasible, so never changed.
        double q = 0, v = 0;
        for (int k = 0; k < 100; k++)
        {
            if (k < 50) v += 0.5 * MaxStepChange;
            q += v;
            Assert.Equal(SafetyReaction.None, rig.Step(SafetyRig.PositionCommand(q)));
            Assert.Equal(q, rig.Written.Position[0], 12);
        }
    }

    [Fact]
    public void Apply_PositionJump_BecomesRampWithinVelocityAndAcceleration()
    {
        using var rig = new SafetyRig();
        double previous = 0, previousStep = 0, highest = 0;
        for (int k = 0; k < 3000; k++)
        {
            rig.Step(SafetyRig.PositionCommand(0.5));
            double q = rig.Written.Position[0], step = q - previous;
            Assert.True(Math.Abs(step) <= MaxStep + 1e-12, $"cycle {k}: step {step}");
            Assert.True(Math.Abs(step - previousStep) <= MaxStepChange + 1e-12, $"cycle {k}: step change {step - previousStep}");
            highest = Math.Max(highest, q);
            previous = q;
            previousStep = step;
        }
        Assert.Equal(0.5, previous, 9);
        Assert.True(highest < 0.5 + 10 * MaxStepChange, $"overshoot to {highest}");
        Assert.Equal(SafetyReaction.Limit, rig.Step(SafetyRig.PositionCommand(-0.5)));
        Assert.Contains(rig.Events, e => e.Kind == SafetyEventKind.JointLimit && e.Source == 0 && e.Reaction == SafetyReaction.Limit);
    }

    [Fact]
    public void Apply_TargetBeyondSoftLimit_StopsAtSoftLimit()
    {
        using var rig = new SafetyRig();
        for (int k = 0; k < 3000; k++)
        {
            rig.Step(SafetyRig.PositionCommand(5, -5));
            Assert.InRange(rig.Written.Position[0], -SafetyRig.Soft, SafetyRig.Soft);
            Assert.InRange(rig.Written.Position[1], -SafetyRig.Soft, SafetyRig.Soft);
        }
        Assert.Equal(SafetyRig.Soft, rig.Written.Position[0], 9);
        Assert.Equal(-SafetyRig.Soft, rig.Written.Position[1], 9);
    }

    [Fact]
    public void Apply_VelocityFeedForwardAndEffort_ClampedToLimits()
    {
        using var rig = new SafetyRig();
        var command = SafetyRig.PositionCommand(0);
        command.Velocity[0] = 7;
        command.Effort[1] = -40;
        Assert.Equal(SafetyReaction.Limit, rig.Step(command));
        Assert.Equal(SafetyRig.VelocityMax, rig.Written.Velocity[0]);
        Assert.Equal(-SafetyRig.EffortMax, rig.Written.Effort[1]);
    }

    [Fact]
    public void Apply_EffortModeBeyondLimit_ClampedToEffortMax()
    {
        using var rig = new SafetyRig();
        var command = new JointCommand { JointCount = SafetyRig.Joints, Mode = ControlMode.Effort };
        command.Effort[0] = 100;
        command.Effort[2] = -2;
        Assert.Equal(SafetyReaction.Limit, rig.Step(command));
        Assert.Equal(SafetyRig.EffortMax, rig.Written.Effort[0]);
        Assert.Equal(-2, rig.Written.Effort[2]);
    }

    [Fact]
    public void Apply_VelocityModeStep_RampsWithinAcceleration()
    {
        using var rig = new SafetyRig();
        var command = new JointCommand { JointCount = SafetyRig.Joints, Mode = ControlMode.Velocity };
        command.Velocity[0] = 5;
        rig.Step(command);
        Assert.Equal(SafetyRig.AccelerationMax * SafetyRig.Period, rig.Written.Velocity[0], 12);
        for (int k = 0; k < 200; k++) rig.Step(command);
        Assert.Equal(SafetyRig.VelocityMax, rig.Written.Velocity[0], 12);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Apply_NonFiniteValue_HoldsLastSafeCommandWithOneEvent(double bad)
    {
        using var rig = new SafetyRig();
        rig.Step(SafetyRig.PositionCommand(0.0001));
        double safe = rig.Written.Position[0];
        var command = SafetyRig.PositionCommand(0.2);
        command.Effort[2] = bad;
        Assert.Equal(SafetyReaction.Hold, rig.Step(command));
        Assert.Equal(SafetyReaction.Hold, rig.Step(command));
        Assert.Equal(ControlMode.Position, rig.Written.Mode);
        Assert.Equal(safe, rig.Written.Position[0]);
        Assert.Equal(0, rig.Written.Velocity[0]);
        Assert.Equal(0, rig.Written.Effort[2]);
        var e = Assert.Single(rig.Events, e => e.Kind == SafetyEventKind.NonFiniteValue);
        Assert.Equal(2, e.Source);
        Assert.Equal(2, rig.Supervisor.RejectedCommandCount);
        Assert.Equal(SafetyState.Normal, rig.Supervisor.State);
    }

    [Fact]
    public void Apply_NonFiniteFirstCommand_WritesHoldMode()
    {
        using var rig = new SafetyRig();
        Assert.Equal(SafetyReaction.Hold, rig.Step(SafetyRig.PositionCommand(double.NaN)));
        Assert.Equal(ControlMode.Hold, rig.Written.Mode);
    }

    [Theory]
    [InlineData(2, ControlMode.Position)]
    [InlineData(64, ControlMode.Impedance)]
    [InlineData(3, (ControlMode)9)]
    public void Apply_MalformedCommand_FaultAndHold(int jointCount, ControlMode mode)
    {
        using var rig = new SafetyRig();
        var command = SafetyRig.PositionCommand(0);
        command.JointCount = jointCount;
        command.Mode = mode;
        Assert.Equal(SafetyReaction.Hold, rig.Step(command));
        Assert.Equal(SafetyState.Fault, rig.Supervisor.State);
        Assert.Equal(SafetyRig.Joints, rig.Written.JointCount);
        Assert.Equal(ControlMode.Hold, rig.Written.Mode);
        Assert.Single(rig.Events, e => e.Kind == SafetyEventKind.InvalidCommand && e.Reaction == SafetyReaction.Hold && e.Source == -1);
        // A good command does not leave the fault by itself.
        rig.Step(SafetyRig.PositionCommand(0));
        Assert.Equal(SafetyState.Fault, rig.Supervisor.State);
    }

    [Fact]
    public void Apply_ZeroedCommand_WritesHoldWithoutFault()
    {
        using var rig = new SafetyRig();
        Assert.Equal(SafetyReaction.None, rig.Step(default));
        Assert.Equal(ControlMode.Hold, rig.Written.Mode);
        Assert.Equal(SafetyState.Normal, rig.Supervisor.State);
    }

    [Fact]
    public void Apply_ReducedSpeed_ScalesTheVelocityLimit()
    {
        double largest = 0, previous = 0;
        using var rig2 = new SafetyRig(new SafetyOptions { ReducedSpeedFactor = 0.5 });
        rig2.Supervisor.RequestReducedSpeed(true);
        for (int k = 0; k < 2000; k++)
        {
            rig2.Step(SafetyRig.PositionCommand(0.9));
            largest = Math.Max(largest, rig2.Written.Position[0] - previous);
            previous = rig2.Written.Position[0];
        }
        Assert.Equal(SafetyState.ReducedSpeed, rig2.Supervisor.State);
        Assert.Contains(rig2.Events, e => e.Kind == SafetyEventKind.ReducedSpeed && e.Value == 0.5);
        Assert.True(largest <= 0.5 * MaxStep + 1e-12, $"step {largest}");
        Assert.True(largest > 0.45 * MaxStep);
        rig2.Supervisor.RequestReducedSpeed(false);
        rig2.Step(SafetyRig.PositionCommand(0.9));
        Assert.Equal(SafetyState.Normal, rig2.Supervisor.State);
        Assert.Equal(SafetyEventKind.Recovered, rig2.Events[^1].Kind);
    }
}
