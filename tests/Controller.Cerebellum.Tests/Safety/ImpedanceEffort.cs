using Controller.Pipeline.Messages;

namespace Controller.Cerebellum.Tests.Safety;

/// <summary>The test's own model of an MIT-style drive: the torque it produces for a written impedance command.</summary>
internal static class ImpedanceEffort
{
    /// <summary>
    /// kp·(q_ref − q) + kd·(q̇_ref − q̇) + τ_ff from the measured state; a zero gain contributes nothing whatever the
    /// measurement (the drive multiplies its own reading by 0).
    /// </summary>
    public static double Predicted(in JointCommand written, in JointState measured, int joint)
    {
        double kp = written.Stiffness[joint], kd = written.Damping[joint];
        double spring = kp == 0 ? 0 : kp * (written.Position[joint] - measured.Position[joint]);
        double damper = kd == 0 ? 0 : kd * (written.Velocity[joint] - measured.Velocity[joint]);
        return spring + damper + written.Effort[joint];
    }
}
