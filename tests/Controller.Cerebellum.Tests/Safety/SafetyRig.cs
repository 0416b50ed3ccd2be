using Controller.Cerebellum.Joints;
using Controller.Cerebellum.Loop;
using Controller.Cerebellum.Safety;
using Controller.Pipeline.Messages;
using Controller.Pipeline.Rings;

namespace Controller.Cerebellum.Tests.Safety;

/// <summary>
/// A supervisor for three joints (soft limits ±1, velocity 1, acceleration 10, effort 5) at 1 kHz, with a
/// simple plant: the measured position is the last written position command.
/// </summary>
internal sealed class SafetyRig : IDisposable
{
    public const int Joints = 3;
    public const long PeriodNs = 1_000_000;
    public const double Period = 1e-3;
    public const double VelocityMax = 1;
    public const double AccelerationMax = 10;
    public const double EffortMax = 5;
    public const double Soft = 1;

    public readonly JointLimitSet Limits = new(Enumerable.Range(0, Joints).Select(j =>
        new JointLimits($"j{j}", -2, 2, VelocityMax, AccelerationMax, 1000, EffortMax, -Soft, Soft)));

    public readonly MpscRing<SafetyEvent> Ring;
    public readonly MpscConsumer<SafetyEvent> Consumer;
    public readonly SafetySupervisor Supervisor;
    public readonly List<SafetyEvent> Events = new();
    public JointState Measured;
    public SafetyInputs Inputs;
    public long Cycle;
    public JointCommand Written;

    public SafetyRig(SafetyOptions? options = null, ICollisionResidual? residual = null)
    {
        Ring = MpscRing<SafetyEvent>.Create(4096);
        Consumer = Ring.TakeConsumer();
        Supervisor = new SafetySupervisor(Limits, options ?? new SafetyOptions(), Ring, residual);
        Measured.JointCount = Joints;
        Measured.FreshMask = (1UL << Joints) - 1;
    }

    public long NowNs => 1_000_000_000 + Cycle * PeriodNs;

    public static JointCommand PositionCommand(double q0, double q1 = 0, double q2 = 0)
    {
        var c = new JointCommand { JointCount = Joints, Mode = ControlMode.Position };
        c.Position[0] = q0;
        c.Position[1] = q1;
        c.Position[2] = q2;
        return c;
    }

    /// <summary>One cycle: brain fresh unless <paramref name="brainFresh"/> is false; the plant follows position commands.</summary>
    public SafetyReaction Step(JointCommand command, bool brainFresh = true)
    {
        if (brainFresh) Inputs.LastBrainMessageNs = NowNs;
        var time = new CycleTime(Cycle, NowNs, NowNs, PeriodNs, PeriodNs);
        var reaction = Supervisor.Apply(in time, in Measured, ref command, in Inputs);
        Written = command;
        if (command.Mode is ControlMode.Position or ControlMode.Impedance)
        {
            for (int j = 0; j < Joints; j++) Measured.Position[j] = command.Position[j];
        }
        Cycle++;
        while (Consumer.TryRead(out var e)) Events.Add(e);
        return reaction;
    }

    public void Dispose()
    {
        Consumer.Dispose();
        Ring.Dispose();
    }
}
