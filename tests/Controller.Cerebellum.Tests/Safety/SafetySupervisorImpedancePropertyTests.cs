using Controller.Pipeline.Messages;
using FsCheck;
using FsCheck.Fluent;

namespace Controller.Cerebellum.Tests.Safety;

/// <summary>
/// In <see cref="ControlMode.Impedance"/> the drive closes kp·(q_ref − q) + kd·(q̇_ref − q̇) + τ_ff itself, so the supervisor
/// bounds that total, predicted from the measured state, not τ_ff alone.
/// </summary>
public sealed class SafetySupervisorImpedancePropertyTests
{
    /// <summary>One cycle: the measured position and velocity per joint, and an impedance command's five arrays.</summary>
    public sealed record ImpedanceCycle(double[] MeasuredP, double[] MeasuredV, double[] Values, bool Impedance)
    {
        public JointCommand ToCommand()
        {
            var c = new JointCommand { Mode = Impedance ? ControlMode.Impedance : ControlMode.Position, JointCount = SafetyRig.Joints };
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

        public override string ToString() =>
            $"q [{string.Join(", ", MeasuredP)}] qd [{string.Join(", ", MeasuredV)}] {(Impedance ? "impedance" : "position")} [{string.Join(", ", Values)}]";
    }

    private static readonly Gen<double> Special = Gen.Elements(double.NaN, double.PositiveInfinity, double.NegativeInfinity, 1e300, -1e300, 1e6, -1e6, 0.0);

    private static readonly Gen<double> AnyPositionOrVelocity = Gen.Frequency(
        (12, Gen.Choose(-1500, 1500).Select(i => i / 1000.0)),
        (3, Gen.Choose(-50, 50).Select(i => i * 1e-5)),
        (1, Special));

    private static readonly Gen<double> AnyGain = Gen.Frequency(
        (6, Gen.Choose(0, 400).Select(i => (double)i)),
        (2, Gen.Choose(0, 100).Select(i => i / 10.0)),
        (1, Gen.Elements(1e4, 1e9, 1e150, 1e300, double.MaxValue, -5.0, double.Epsilon)),
        (1, Special));

    private static readonly Gen<double> AnyEffort = Gen.Frequency(
        (8, Gen.Choose(-800, 800).Select(i => i / 100.0)),
        (1, Special));

    private static readonly Gen<ImpedanceCycle> Cycles =
        from p in Gen.ArrayOf(AnyPositionOrVelocity, SafetyRig.Joints)
        from v in Gen.ArrayOf(AnyPositionOrVelocity, SafetyRig.Joints)
        from positions in Gen.ArrayOf(AnyPositionOrVelocity, 6)
        from efforts in Gen.ArrayOf(AnyEffort, SafetyRig.Joints)
        from gains in Gen.ArrayOf(AnyGain, 6)
        from impedance in Gen.Frequency((8, Gen.Constant(true)), (1, Gen.Constant(false)))
        select new ImpedanceCycle(p, v, [.. positions, .. efforts, .. gains], impedance);

    private static readonly Arbitrary<ImpedanceCycle[]> AnySequences =
        Gen.Choose(10, 200).SelectMany(length => Gen.ArrayOf(Cycles, length)).ToArbitrary();

    [Fact]
    public void Apply_AnyMeasuredStateAndImpedanceCommand_PredictedTorqueOfEveryWrittenImpedanceCommandWithinEffortLimit()
    {
        Prop.ForAll(AnySequences, sequence =>
        {
            using var rig = new SafetyRig();
            for (int t = 0; t < sequence.Length; t++)
            {
                // Any measured state, not the plant's: the robot may have been pushed, the sensor may lie.
                for (int j = 0; j < SafetyRig.Joints; j++)
                {
                    rig.Measured.Position[j] = sequence[t].MeasuredP[j];
                    rig.Measured.Velocity[j] = sequence[t].MeasuredV[j];
                }
                JointState measured = rig.Measured;
                rig.Step(sequence[t].ToCommand());
                string? why = Violation(in rig.Written, in measured);
                if (why is not null) return false.Label($"cycle {t}: {why}");
            }
            return true.Label("ok");
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(300));
    }

    [Fact]
    public void Apply_ImpedanceCommandsOnAFollowingPlant_PositionVelocityAccelerationAndTorqueWithinLimits()
    {
        Prop.ForAll(AnySequences, sequence =>
        {
            using var rig = new SafetyRig();
            JointCommand previous = default, beforePrevious = default;
            for (int t = 0; t < sequence.Length; t++)
            {
                // The plant goes where it was sent (the rig), at a random measured velocity.
                for (int j = 0; j < SafetyRig.Joints; j++) rig.Measured.Velocity[j] = sequence[t].MeasuredV[j];
                JointState measured = rig.Measured;
                rig.Step(sequence[t].ToCommand());
                ref readonly JointCommand w = ref rig.Written;
                string? why = Violation(in w, in measured);
                if (why is null && w.Mode is ControlMode.Impedance or ControlMode.Position)
                {
                    for (int j = 0; j < SafetyRig.Joints && why is null; j++)
                    {
                        double p = w.Position[j];
                        if (p < -SafetyRig.Soft || p > SafetyRig.Soft) why = $"joint {j} at {p}, outside the soft limits";
                        else if (Math.Abs(p - measured.Position[j]) > SafetyRig.VelocityMax * SafetyRig.Period + 1e-12)
                            why = $"joint {j} stepped {p - measured.Position[j]}, over the velocity limit";
                        else if (previous.Mode == ControlMode.Impedance && beforePrevious.Mode == ControlMode.Impedance && w.Mode == ControlMode.Impedance)
                        {
                            double change = (p - previous.Position[j]) - (previous.Position[j] - beforePrevious.Position[j]);
                            if (Math.Abs(change) > SafetyRig.AccelerationMax * SafetyRig.Period * SafetyRig.Period + 1e-12)
                                why = $"joint {j} step changed by {change}, over the acceleration limit";
                        }
                    }
                }
                if (why is not null) return false.Label($"cycle {t}: {why}");
                beforePrevious = previous;
                previous = w;
            }
            return true.Label("ok");
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(300));
    }

    /// <summary>Null when <paramref name="w"/> is a legal output for <paramref name="measured"/>; else what is wrong.</summary>
    private static string? Violation(in JointCommand w, in JointState measured)
    {
        if (w.Mode == ControlMode.Hold) return null;
        if (w.JointCount != SafetyRig.Joints) return $"{w.JointCount} joints written";
        for (int j = 0; j < SafetyRig.Joints; j++)
        {
            double p = w.Position[j], v = w.Velocity[j], e = w.Effort[j], kp = w.Stiffness[j], kd = w.Damping[j];
            if (!double.IsFinite(p) || !double.IsFinite(v) || !double.IsFinite(e) || !double.IsFinite(kp) || !double.IsFinite(kd))
                return $"joint {j}: a non-finite value written";
            if (Math.Abs(v) > SafetyRig.VelocityMax) return $"joint {j}: velocity {v}";
            if (Math.Abs(e) > SafetyRig.EffortMax) return $"joint {j}: feed-forward {e}";
            if (kp < 0 || kd < 0) return $"joint {j}: negative gain {kp}, {kd}";
            if (w.Mode != ControlMode.Impedance) continue;
            double torque = ImpedanceEffort.Predicted(in w, in measured, j);
            if (!(Math.Abs(torque) <= SafetyRig.EffortMax))
                return $"joint {j}: predicted torque {torque} N·m (kp {kp}, kd {kd}, q_ref {p}, q {measured.Position[j]}, qd_ref {v}, qd {measured.Velocity[j]}, ff {e})";
        }
        return null;
    }
}
