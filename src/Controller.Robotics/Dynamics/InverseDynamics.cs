using Controller.Robotics.Model;
using Controller.Robotics.Spatial;

namespace Controller.Robotics.Dynamics;

/// <summary>
/// Recursive Newton–Euler inverse dynamics (Featherstone, Rigid Body Dynamics Algorithms, §5.3): the joint torques
/// τ = M(q)q̈ + C(q, q̇)q̇ + g(q) − Jᵀf_ext that produce a motion. No allocation.
/// </summary>
/// <remarks>An empty <c>qd</c> or <c>qdd</c> span means zeros; <c>externalForces</c>, when not empty, holds one
/// spatial force per body, acting on it, in the body's frame.</remarks>
public static class InverseDynamics
{
    /// <summary>Full inverse dynamics with the model's gravity.</summary>
    public static void Compute(
        RobotData data,
        ReadOnlySpan<double> q,
        ReadOnlySpan<double> qd,
        ReadOnlySpan<double> qdd,
        Span<double> tau,
        ReadOnlySpan<Force> externalForces = default) =>
        Run(data, q, qd, qdd, tau, data.Model.Gravity, externalForces);

    /// <summary>Gravity torques g(q): what holds the robot still.</summary>
    public static void Gravity(RobotData data, ReadOnlySpan<double> q, Span<double> tau) =>
        Run(data, q, default, default, tau, data.Model.Gravity, default);

    /// <summary>Coriolis and centrifugal torques C(q, q̇)q̇ (no gravity).</summary>
    public static void Coriolis(RobotData data, ReadOnlySpan<double> q, ReadOnlySpan<double> qd, Span<double> tau) =>
        Run(data, q, qd, default, tau, Vec3.Zero, default);

    /// <summary>Bias torques C(q, q̇)q̇ + g(q): inverse dynamics at zero acceleration.</summary>
    public static void Bias(RobotData data, ReadOnlySpan<double> q, ReadOnlySpan<double> qd, Span<double> tau) =>
        Run(data, q, qd, default, tau, data.Model.Gravity, default);

    private static void Run(
        RobotData data,
        ReadOnlySpan<double> q,
        ReadOnlySpan<double> qd,
        ReadOnlySpan<double> qdd,
        Span<double> tau,
        Vec3 gravity,
        ReadOnlySpan<Force> externalForces)
    {
        RobotModel model = data.Model;
        int n = model.DofCount;
        CheckOptional(model, qd.Length, nameof(qd));
        CheckOptional(model, qdd.Length, nameof(qdd));
        CheckOptional(model, externalForces.Length, nameof(externalForces));
        model.RequireDofLength(tau.Length, nameof(tau));
        JointMotion.UpdateTransforms(data, q);

        int[] parents = model.Parents;
        Transform3[] x = data.JointTransforms;
        Motion[] v = data.Velocities;
        Motion[] a = data.Accelerations;
        Force[] f = data.Forces;
        RigidInertia[] inertia = model.Inertias;

        // Gravity enters as an upward acceleration of the fixed base.
        var baseAcceleration = new Motion(Vec3.Zero, -gravity);
        for (int i = 0; i < n; i++)
        {
            Motion s = JointMotion.Subspace(model, i);
            double qdi = qd.IsEmpty ? 0 : qd[i];
            double qddi = qdd.IsEmpty ? 0 : qdd[i];
            Motion vJ = qdi * s;
            int parent = parents[i];
            if (parent < 0)
            {
                v[i] = vJ;
                a[i] = SpatialTransform.MotionToChild(x[i], baseAcceleration) + qddi * s;
            }
            else
            {
                v[i] = SpatialTransform.MotionToChild(x[i], v[parent]) + vJ;
                a[i] = SpatialTransform.MotionToChild(x[i], a[parent]) + qddi * s + Motion.Cross(v[i], vJ);
            }

            f[i] = inertia[i] * a[i] + Motion.CrossForce(v[i], inertia[i] * v[i]);
            if (!externalForces.IsEmpty)
            {
                f[i] -= externalForces[i];
            }
        }

        for (int i = n - 1; i >= 0; i--)
        {
            tau[i] = Motion.Dot(JointMotion.Subspace(model, i), f[i]) + model.Armature[i] * (qdd.IsEmpty ? 0 : qdd[i]);
            int parent = parents[i];
            if (parent >= 0)
            {
                f[parent] += SpatialTransform.ForceToParent(x[i], f[i]);
            }
        }
    }

    internal static void CheckOptional(RobotModel model, int length, string name)
    {
        if (length != 0)
        {
            model.RequireDofLength(length, name);
        }
    }
}
