using Controller.Cerebellum.Safety;
using Controller.Pipeline.Messages;
using FsCheck;
using FsCheck.Fluent;

namespace Controller.Cerebellum.Tests.Safety;

public sealed class SafetySupervisorPropertyTests
{
    /// <summary>One cycle's input: a raw command (values = 5 arrays × 3 joints) and whether the operator resets first.</summary>
    public sealed record RawCycle(int Mode, int JointCount, double[] Values, bool Reset)
    {
        public JointCommand ToCommand()
        {
            var c = new JointCommand { Mode = (ControlMode)Mode, JointCount = JointCount };
            for (int j = 0; j < SafetyRig.Joints; j++)
            {
                c.Position[j] = Values[j];
                c.Velocity[j] = Values[3 + j];
                c.Effort[j] = Values[6 + j];
                c.Stiffness[j] = Values[9 + j];
                c.Damping[j] = Values[12 + j];
            }
            return c;
        }

        public override string ToString() => $"mode {Mode} n {JointCount} reset {Reset} [{string.Join(", ", Values)}]";
    }

    private static readonly Gen<double> AnyValue = Gen.Frequency(
        (8, Gen.Choose(-1500, 1500).Select(i => i / 1000.0)),
        (2, Gen.Choose(-20, 20).Select(i => i * 1e-4)),
        (1, Gen.Elements(double.NaN, double.PositiveInfinity, double.NegativeInfinity)),
        (1, Gen.Elements(1e6, -1e6, 1e300, -3.0, 3.0, 50.0)));

    private static readonly Gen<RawCycle> Cycles =
        from mode in Gen.Frequency((12, Gen.Choose(0, 4)), (1, Gen.Choose(5, 9)))
        from count in Gen.Frequency((25, Gen.Constant(SafetyRig.Joints)), (1, Gen.Choose(-2, 70)))
        from values in Gen.ArrayOf(AnyValue, 15)
        from reset in Gen.Frequency((15, Gen.Constant(false)), (1, Gen.Constant(true)))
        select new RawCycle(mode, count, values, reset);

    private static readonly Arbitrary<RawCycle[]> Sequences =
        Gen.Choose(20, 300).SelectMany(length => Gen.ArrayOf(Cycles, length)).ToArbitrary();

    [Fact]
    public void Apply_AnyCommandSequence_WritesOnlySafeCommandsOrHold()
    {
        Prop.ForAll(Sequences, sequence =>
        {
            using var rig = new SafetyRig();
            for (int t = 0; t < sequence.Length; t++)
            {
                if (sequence[t].Reset)
                {
                    rig.Supervisor.Acknowledge();
                    rig.Supervisor.ReEnable();
                }
                var before = rig.Measured.Position;
                rig.Step(sequence[t].ToCommand());
                if (!IsSafe(in rig.Written, before)) return false;
            }
            return true;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(400));
    }

    private static bool IsSafe(in JointCommand w, JointValues previous)
    {
        if (w.Mode == ControlMode.Hold) return true;
        if (w.JointCount != SafetyRig.Joints || (uint)w.Mode > (uint)ControlMode.Impedance) return false;
        for (int j = 0; j < SafetyRig.Joints; j++)
        {
            double p = w.Position[j], v = w.Velocity[j], e = w.Effort[j];
            if (!double.IsFinite(p) || !double.IsFinite(v) || !double.IsFinite(e)) return false;
            if (!double.IsFinite(w.Stiffness[j]) || !double.IsFinite(w.Damping[j])) return false;
            if (Math.Abs(v) > SafetyRig.VelocityMax || Math.Abs(e) > SafetyRig.EffortMax) return false;
            if (w.Mode is ControlMode.Position or ControlMode.Impedance)
            {
                if (p < -SafetyRig.Soft || p > SafetyRig.Soft) return false;
                if (Math.Abs(p - previous[j]) > SafetyRig.VelocityMax * SafetyRig.Period + 1e-12) return false;
            }
        }
        return true;
    }

    /// <summary>E-stop at <paramref name="At"/> (software or the line, closing at <paramref name="LineClosesAt"/>); operator acts on the listed cycles.</summary>
    public sealed record EStopScenario(int Length, int At, bool Software, int LineClosesAt, int[] AckAt, int[] ReEnableAt, double[] Targets);

    private static readonly Arbitrary<EStopScenario> EStopScenarios = (
        from length in Gen.Choose(10, 200)
        from at in Gen.Choose(0, length - 1)
        from software in Gen.Elements(true, false)
        from closes in Gen.Choose(at + 1, length + 5)
        from acks in Gen.Choose(0, 4).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, length - 1), n))
        from reEnables in Gen.Choose(0, 6).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, length - 1), n))
        from targets in Gen.ArrayOf(Gen.Choose(-900, 900).Select(i => i / 1000.0), length)
        select new EStopScenario(length, at, software, closes, acks, reEnables, targets)).ToArbitrary();

    [Fact]
    public void Apply_EStopAtAnyCycle_HoldsFromThatCycleUntilAcknowledgedAndReEnabledWithCauseGone()
    {
        Prop.ForAll(EStopScenarios, s =>
        {
            using var rig = new SafetyRig();
            bool stopped = false, acknowledged = false;
            for (int t = 0; t < s.Length; t++)
            {
                if (t == s.At && s.Software) rig.Supervisor.RequestEmergencyStop();
                rig.Inputs.EStopInputOpen = !s.Software && t >= s.At && t < s.LineClosesAt;
                bool ack = s.AckAt.Contains(t), reEnable = s.ReEnableAt.Contains(t);
                if (ack) rig.Supervisor.Acknowledge();
                if (reEnable) rig.Supervisor.ReEnable();
                rig.Step(SafetyRig.PositionCommand(s.Targets[t], -s.Targets[t], s.Targets[t] / 2));

                if (t == s.At)
                {
                    stopped = true;
                    acknowledged = false; // an acknowledgement given before the stop does not count
                    if (rig.Supervisor.State != SafetyState.EmergencyStop || rig.Written.Mode != ControlMode.Hold) return false;
                    continue;
                }
                if (!stopped) continue;
                acknowledged |= ack;
                bool causeGone = !rig.Inputs.EStopInputOpen;
                bool mayLeave = reEnable && acknowledged && causeGone;
                if (rig.Supervisor.State == SafetyState.EmergencyStop)
                {
                    if (mayLeave || rig.Written.Mode != ControlMode.Hold) return false;
                }
                else
                {
                    if (!mayLeave || rig.Supervisor.State != SafetyState.Normal) return false;
                    stopped = false;
                }
            }
            return true;
        }).QuickCheckThrowOnFailure();
    }

    /// <summary>Random disturbances per cycle: e-stop line, stale joints, wrench, brain silence, operator.</summary>
    public sealed record Disturbance(bool EStop, ulong FreshMask, double Force, bool BrainFresh, bool Reset, bool Reduced);

    private static readonly Gen<Disturbance> Disturbances =
        from estop in Gen.Frequency((30, Gen.Constant(false)), (1, Gen.Constant(true)))
        from fresh in Gen.Frequency((20, Gen.Constant(7UL)), (1, Gen.Choose(0, 7).Select(m => (ulong)m)))
        from force in Gen.Frequency((30, Gen.Constant(0.0)), (1, Gen.Constant(500.0)))
        from brain in Gen.Frequency((10, Gen.Constant(true)), (1, Gen.Constant(false)))
        from reset in Gen.Frequency((10, Gen.Constant(false)), (1, Gen.Constant(true)))
        from reduced in Gen.Frequency((20, Gen.Constant(false)), (1, Gen.Constant(true)))
        select new Disturbance(estop, fresh, force, brain, reset, reduced);

    private static readonly Arbitrary<(RawCycle, Disturbance)[]> DisturbedSequences =
        Gen.Choose(20, 300).SelectMany(length => Gen.ArrayOf(Cycles.Zip(Disturbances), length)).ToArbitrary();

    [Fact]
    public void Apply_AnyDisturbedSequence_EventSequenceNumbersStrictlyIncrease()
    {
        Prop.ForAll(DisturbedSequences, sequence =>
        {
            using var rig = new SafetyRig(new SafetyOptions { BrainTimeoutNs = 3 * SafetyRig.PeriodNs, StaleSensorCycles = 2 });
            rig.Inputs.HasWrench = true;
            foreach (var (cycle, d) in sequence)
            {
                rig.Inputs.EStopInputOpen = d.EStop;
                rig.Measured.FreshMask = d.FreshMask;
                rig.Inputs.Wrench.ForceZN = d.Force;
                if (d.Reduced) rig.Supervisor.RequestReducedSpeed(rig.Cycle % 2 == 0);
                if (d.Reset)
                {
                    rig.Supervisor.Acknowledge();
                    rig.Supervisor.ReEnable();
                }
                var before = rig.Measured.Position;
                rig.Step(cycle.ToCommand(), d.BrainFresh);
                if (!IsSafe(in rig.Written, before)) return false;
            }
            for (int i = 0; i < rig.Events.Count; i++)
            {
                if (rig.Events[i].Header.Sequence != i + 1) return false;
                if (i > 0 && rig.Events[i].Header.TimestampNs < rig.Events[i - 1].Header.TimestampNs) return false;
            }
            return rig.Supervisor.LastEventSequence == rig.Events.Count && rig.Supervisor.DroppedEventCount == 0;
        }).QuickCheckThrowOnFailure();
    }
}
