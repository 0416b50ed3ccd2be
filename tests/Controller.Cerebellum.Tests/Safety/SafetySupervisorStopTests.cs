using Controller.Cerebellum.Safety;
using Controller.Pipeline.Messages;

namespace Controller.Cerebellum.Tests.Safety;

public sealed class SafetySupervisorStopTests
{
    private static SafetyRig Moving()
    {
        var rig = new SafetyRig();
        for (int k = 0; k < 300; k++) rig.Step(SafetyRig.PositionCommand(0.8, -0.8));
        return rig;
    }

    [Fact]
    public void Apply_EStopInputOpen_HoldsInTheSameCycle()
    {
        using var rig = Moving();
        rig.Inputs.EStopInputOpen = true;
        Assert.Equal(SafetyReaction.Hold, rig.Step(SafetyRig.PositionCommand(0.8, -0.8)));
        Assert.Equal(SafetyState.EmergencyStop, rig.Supervisor.State);
        Assert.Equal(ControlMode.Hold, rig.Written.Mode);
        Assert.Equal(0, rig.Written.Velocity[0]);
        Assert.Equal(0, rig.Written.Effort[0]);
        var e = Assert.Single(rig.Events, e => e.Kind == SafetyEventKind.EmergencyStop);
        Assert.Equal(rig.NowNs - SafetyRig.PeriodNs, e.Header.TimestampNs);
        Assert.Equal(1, rig.Supervisor.EventCount(SafetyEventKind.EmergencyStop));
    }

    [Fact]
    public void RequestEmergencyStop_FromAnotherThread_HoldsInTheNextApply()
    {
        using var rig = Moving();
        var thread = new Thread(rig.Supervisor.RequestEmergencyStop);
        thread.Start();
        thread.Join();
        Assert.Equal(SafetyReaction.Hold, rig.Step(SafetyRig.PositionCommand(0.8)));
        Assert.Equal(ControlMode.Hold, rig.Written.Mode);
        Assert.Equal(SafetyState.EmergencyStop, rig.Supervisor.State);
    }

    [Fact]
    public void ReEnable_WithoutAcknowledge_IsRefused()
    {
        using var rig = new SafetyRig();
        rig.Supervisor.RequestEmergencyStop();
        rig.Step(SafetyRig.PositionCommand(0));
        rig.Supervisor.ReEnable();
        rig.Step(SafetyRig.PositionCommand(0));
        Assert.Equal(SafetyState.EmergencyStop, rig.Supervisor.State);
        Assert.Equal(1, rig.Supervisor.RefusedReEnableCount);
    }

    [Fact]
    public void ReEnable_EStopLineStillOpen_IsRefusedAndKeepsHolding()
    {
        using var rig = new SafetyRig();
        rig.Inputs.EStopInputOpen = true;
        rig.Step(SafetyRig.PositionCommand(0));
        rig.Supervisor.Acknowledge();
        rig.Supervisor.ReEnable();
        rig.Step(SafetyRig.PositionCommand(0));
        Assert.Equal(SafetyState.EmergencyStop, rig.Supervisor.State);
        Assert.Equal(ControlMode.Hold, rig.Written.Mode);
        Assert.Equal(1, rig.Supervisor.RefusedReEnableCount);
    }

    [Fact]
    public void ReEnable_AcknowledgedWithCauseGone_ReturnsToNormal()
    {
        using var rig = new SafetyRig();
        rig.Inputs.EStopInputOpen = true;
        rig.Step(SafetyRig.PositionCommand(0));
        rig.Inputs.EStopInputOpen = false;
        rig.Step(SafetyRig.PositionCommand(0));
        Assert.Equal(SafetyState.EmergencyStop, rig.Supervisor.State);
        rig.Supervisor.Acknowledge();
        rig.Supervisor.ReEnable();
        rig.Step(SafetyRig.PositionCommand(0));
        Assert.Equal(SafetyState.Normal, rig.Supervisor.State);
        Assert.Equal(ControlMode.Position, rig.Written.Mode);
        Assert.Equal(SafetyEventKind.Recovered, rig.Events[^1].Kind);
        Assert.Equal(0, rig.Supervisor.RefusedReEnableCount);
    }

    [Fact]
    public void ReEnable_FaultWithMalformedCommandStill_IsRefused()
    {
        using var rig = new SafetyRig();
        var bad = SafetyRig.PositionCommand(0);
        bad.JointCount = 7;
        rig.Step(bad);
        rig.Supervisor.Acknowledge();
        rig.Supervisor.ReEnable();
        rig.Step(bad);
        Assert.Equal(SafetyState.Fault, rig.Supervisor.State);
        rig.Supervisor.ReEnable();
        rig.Step(SafetyRig.PositionCommand(0));
        Assert.Equal(SafetyState.Normal, rig.Supervisor.State);
    }

    [Fact]
    public void Apply_ProtectiveStop_DeceleratesWithinAccelerationThenHolds()
    {
        using var rig = Moving();
        double previous = rig.Written.Position[0];
        // Moving() ran 300 cycles toward 0.8: joint 0 is moving at the velocity limit.
        rig.Step(SafetyRig.PositionCommand(0.8, -0.8));
        double step = rig.Written.Position[0] - previous;
        previous = rig.Written.Position[0];
        Assert.Equal(SafetyRig.VelocityMax * SafetyRig.Period, step, 9);
        rig.Measured.FreshMask = 0b101; // joint 1 goes silent
        int cycles = 0;
        for (int k = 0; k < 400; k++)
        {
            rig.Step(SafetyRig.PositionCommand(0.8, -0.8));
            double next = rig.Written.Position[0] - previous;
            Assert.True(Math.Abs(next - step) <= SafetyRig.AccelerationMax * SafetyRig.Period * SafetyRig.Period + 1e-12, $"cycle {k}");
            if (rig.Supervisor.State == SafetyState.ProtectiveStop && next != 0) cycles++;
            step = next;
            previous = rig.Written.Position[0];
        }
        Assert.Equal(SafetyState.ProtectiveStop, rig.Supervisor.State);
        Assert.Equal(ControlMode.Position, rig.Written.Mode);
        Assert.Equal(0, step);
        Assert.InRange(cycles, 99, 101); // 1 rad/s at 10 rad/s² stops in 100 cycles
        var e = Assert.Single(rig.Events, e => e.Kind == SafetyEventKind.CommunicationTimeout);
        Assert.Equal(1, e.Source);
        Assert.Equal(SafetyReaction.ProtectiveStop, e.Reaction);
    }

    [Fact]
    public void Apply_StaleSensorFewerThanNCycles_StaysNormal()
    {
        using var rig = new SafetyRig(new SafetyOptions { StaleSensorCycles = 3 });
        rig.Measured.FreshMask = 0b011;
        rig.Step(SafetyRig.PositionCommand(0));
        rig.Step(SafetyRig.PositionCommand(0));
        Assert.Equal(SafetyState.Normal, rig.Supervisor.State);
        rig.Step(SafetyRig.PositionCommand(0));
        Assert.Equal(SafetyState.ProtectiveStop, rig.Supervisor.State);
        Assert.Equal(2, rig.Events[^1].Source);
        Assert.Equal(3, rig.Events[^1].Value);
    }
}
