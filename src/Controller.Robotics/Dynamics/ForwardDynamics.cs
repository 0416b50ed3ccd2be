using Controller.Robotics.Model;
using Controller.Robotics.Spatial;

namespace Controller.Robotics.Dynamics;

/// <summary>
/// Forward dynamics by the articulated-body algorithm (Featherstone §7.3): the accelerations q̈ that torques τ
/// produce, in O(n). No allocation.
/// </summary>
public static class ForwardDynamics
{
    /// <summary>Computes q̈ = M⁻¹(τ − C(q, q̇)q̇ − g(q) + Jᵀf_ext) into <paramref name="qdd"/>.</summary>
    /// <param name="data">Working memory.</param>
    /// <param name="q">Joint positions.</param>
    /// <param name="qd">Joint velocities (empty = zero).</param>
    /// <param name="tau">Joint torques or forces.</param>
    /// <param name="qdd">Receives the joint accelerations.</param>
    /// <param name="externalForces">Empty, or one spatial force per body acting on it, in the body's frame.</param>
    public static void Compute(
        RobotData data,
        ReadOnlySpan<double> q,
        ReadOnlySpan<double> qd,
        ReadOnlySpan<double> tau,
        Span<double> qdd,
        ReadOnlySpan<Force> externalForces = default)
    {
        RobotModel model = data.Model;
        int n = model.DofCount;
        InverseDynamics.CheckOptional(model, qd.Length, nameof(qd));
        InverseDynamics.CheckOptional(model, externalForces.Length, nameof(externalForces));
        model.RequireDofLength(tau.Length, nameof(tau));
        model.RequireDofLength(qdd.Length, nameof(qdd));
        JointMotion.UpdateTransforms(data, q);

        int[] parents = model.Parents;
        Transform3[] x = data.JointTransforms;
        Motion[] v = data.Velocities;
        Motion[] a = data.Accelerations;
        Motion[] c = data.VelocityProducts;
        ArticulatedInertia[] ia = data.ArticulatedInertias;
        Force[] pa = data.BiasForces;
        Force[] u = data.JointForceColumns;
        double[] d = data.JointInertias;
        double[] bias = data.JointBiases;

        // Pass 1: velocities, velocity-product accelerations, rigid inertias and bias forces.
        for (int i = 0; i < n; i++)
        {
            Motion vJ = (qd.IsEmpty ? 0 : qd[i]) * JointMotion.Subspace(model, i);
            int parent = parents[i];
            v[i] = parent < 0 ? vJ : SpatialTransform.MotionToChild(x[i], v[parent]) + vJ;
            c[i] = Motion.Cross(v[i], vJ);
            ref readonly RigidInertia inertia = ref model.Inertias[i];
            ia[i] = ArticulatedInertia.FromRigid(inertia);
            pa[i] = Motion.CrossForce(v[i], inertia * v[i]);
            if (!externalForces.IsEmpty)
            {
                pa[i] -= externalForces[i];
            }
        }

        // Pass 2: articulated inertias from the leaves inwards.
        for (int i = n - 1; i >= 0; i--)
        {
            Motion s = JointMotion.Subspace(model, i);
            u[i] = ia[i] * s;
            d[i] = Motion.Dot(s, u[i]) + model.Armature[i];
            bias[i] = tau[i] - Motion.Dot(s, pa[i]);
            int parent = parents[i];
            if (parent >= 0)
            {
                ArticulatedInertia reduced = ia[i].MinusOuterProduct(u[i], d[i]);
                Force transmitted = pa[i] + reduced * c[i] + (bias[i] / d[i]) * u[i];
                ia[parent] += reduced.ToParent(x[i]);
                pa[parent] += SpatialTransform.ForceToParent(x[i], transmitted);
            }
        }

        // Pass 3: accelerations from the base outwards; gravity as an upward base acceleration.
        var baseAcceleration = new Motion(Vec3.Zero, -model.Gravity);
        for (int i = 0; i < n; i++)
        {
            int parent = parents[i];
            Motion ai = SpatialTransform.MotionToChild(x[i], parent < 0 ? baseAcceleration : a[parent]) + c[i];
            qdd[i] = (bias[i] - Motion.Dot(ai, u[i])) / d[i];
            a[i] = ai + qdd[i] * JointMotion.Subspace(model, i);
        }
    }
}
