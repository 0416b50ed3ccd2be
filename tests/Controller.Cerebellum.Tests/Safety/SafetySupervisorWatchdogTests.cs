using Controller.Cerebellum.Loop;
using Controller.Cerebellum.Safety;
using Controller.Pipeline.Messages;

namespace Controller.Cerebellum.Tests.Safety;

public sealed class SafetySupervisorWatchdogTests
{
    private sealed class FixedResidual(bool exceeded) : ICollisionResidual
    {
        public int Calls { get; private set; }

        public bool Exceeded(in CycleTime time, in JointState measured, in JointCommand command, out double value, out double limit)
        {
            Calls++;
            (value, limit) = (exceeded ? 12.5 : 0, 10);
            return exceeded;
        }
    }

    [Fact]
    public void Apply_BrainSilentPastTimeout_DeceleratesToHoldWithOneEvent()
    {
        using var rig = new SafetyRig(new SafetyOptions { BrainTimeoutNs = 5 * SafetyRig.PeriodNs });
        for (int k = 0; k < 300; k++) rig.Step(SafetyRig.PositionCommand(0.9));
        double step = SafetyRig.VelocityMax * SafetyRig.Period, previous = rig.Written.Position[0];
        for (int k = 0; k < 300; k++)
        {
            var reaction = rig.Step(SafetyRig.PositionCommand(0.9), brainFresh: false);
            double next = rig.Written.Position[0] - previous;
            Assert.True(Math.Abs(next - step) <= SafetyRig.AccelerationMax * SafetyRig.Period * SafetyRig.Period + 1e-12);
            if (k > 5) Assert.Equal(SafetyReaction.ProtectiveStop, reaction);
            step = next;
            previous = rig.Written.Position[0];
        }
        Assert.True(rig.Supervisor.BrainSilent);
        Assert.Equal(0, step);
        Assert.Single(rig.Events, e => e.Kind == SafetyEventKind.BrainSilent);
        Assert.Equal(SafetyState.Normal, rig.Supervisor.State);

        rig.Step(SafetyRig.PositionCommand(0.9));
        Assert.False(rig.Supervisor.BrainSilent);
        Assert.Contains(rig.Events, e => e.Kind == SafetyEventKind.Recovered);
    }

    [Theory]
    [InlineData(200.0, 0.0)]
    [InlineData(0.0, 50.0)]
    [InlineData(double.NaN, 0.0)]
    public void Apply_WrenchAboveThreshold_ProtectiveStopInTheSameCycle(double forceZ, double torqueX)
    {
        using var rig = new SafetyRig(new SafetyOptions { CollisionForceN = 100, CollisionTorqueNm = 10 });
        rig.Step(SafetyRig.PositionCommand(0));
        rig.Inputs.HasWrench = true;
        rig.Inputs.Wrench.ForceZN = forceZ;
        rig.Inputs.Wrench.TorqueXNm = torqueX;
        Assert.Equal(SafetyReaction.ProtectiveStop, rig.Step(SafetyRig.PositionCommand(0.5)));
        Assert.Equal(SafetyState.ProtectiveStop, rig.Supervisor.State);
        Assert.Equal(0, rig.Supervisor.LastCollisionReactionCycles);
        var e = Assert.Single(rig.Events, e => e.Kind == SafetyEventKind.Collision);
        Assert.Equal(-1, e.Source);
    }

    [Fact]
    public void Apply_WrenchBelowThreshold_StaysNormal()
    {
        using var rig = new SafetyRig(new SafetyOptions { CollisionForceN = 100, CollisionTorqueNm = 10 });
        rig.Inputs.HasWrench = true;
        rig.Inputs.Wrench.ForceXN = 99;
        rig.Inputs.Wrench.TorqueZNm = -9.9;
        rig.Step(SafetyRig.PositionCommand(0));
        Assert.Equal(SafetyState.Normal, rig.Supervisor.State);
    }

    [Fact]
    public void Apply_CollisionResidualExceeded_ProtectiveStop()
    {
        using var rig = new SafetyRig(residual: new FixedResidual(true));
        rig.Step(SafetyRig.PositionCommand(0));
        Assert.Equal(SafetyState.ProtectiveStop, rig.Supervisor.State);
        Assert.Equal(1, rig.Supervisor.EventCount(SafetyEventKind.Collision));
    }

    [Fact]
    public void Apply_ResidualExceeded_EventCarriesResidualAndThreshold()
    {
        using var rig = new SafetyRig(residual: new FixedResidual(true));
        rig.Step(SafetyRig.PositionCommand(0));
        var e = Assert.Single(rig.Events, e => e.Kind == SafetyEventKind.Collision);
        Assert.Equal(12.5, e.Value);
        Assert.Equal(10, e.Limit);
    }

    [Fact]
    public void Apply_WrenchAlreadyFired_ResidualStillUpdatedEveryCycle()
    {
        // A momentum observer integrates: skipping it while the wrench threshold fires would corrupt it.
        var residual = new FixedResidual(false);
        using var rig = new SafetyRig(new SafetyOptions { CollisionForceN = 100 }, residual: residual);
        rig.Inputs.HasWrench = true;
        rig.Inputs.Wrench.ForceYN = 150;
        rig.Step(SafetyRig.PositionCommand(0));
        rig.Step(SafetyRig.PositionCommand(0));
        Assert.Equal(2, residual.Calls);
    }

    [Fact]
    public void ReEnable_CollisionStillAboveThreshold_IsRefused()
    {
        using var rig = new SafetyRig(new SafetyOptions { CollisionForceN = 100 });
        rig.Inputs.HasWrench = true;
        rig.Inputs.Wrench.ForceYN = 150;
        rig.Step(SafetyRig.PositionCommand(0));
        rig.Supervisor.Acknowledge();
        rig.Supervisor.ReEnable();
        rig.Step(SafetyRig.PositionCommand(0));
        Assert.Equal(SafetyState.ProtectiveStop, rig.Supervisor.State);
        rig.Inputs.Wrench.ForceYN = 0;
        rig.Supervisor.ReEnable();
        rig.Step(SafetyRig.PositionCommand(0));
        Assert.Equal(SafetyState.Normal, rig.Supervisor.State);
        Assert.Equal(1, rig.Supervisor.RefusedReEnableCount);
    }
}
