using Controller.Robotics.Model;
using Controller.Robotics.Spatial;

namespace Controller.Robotics.Dynamics;

/// <summary>The joint-space mass matrix by the composite-rigid-body algorithm (Featherstone §6.2). No allocation.</summary>
public static class MassMatrix
{
    /// <summary>Computes M(q) into <see cref="RobotData.MassMatrix"/> (n×n, row-major, both triangles).</summary>
    public static void Compute(RobotData data, ReadOnlySpan<double> q)
    {
        RobotModel model = data.Model;
        int n = model.DofCount;
        JointMotion.UpdateTransforms(data, q);
        int[] parents = model.Parents;
        Transform3[] x = data.JointTransforms;
        RigidInertia[] composite = data.CompositeInertias;
        Array.Copy(model.Inertias, composite, n);
        for (int i = n - 1; i >= 0; i--)
        {
            if (parents[i] >= 0)
            {
                composite[parents[i]] += composite[i].ToParent(x[i]);
            }
        }

        double[] m = data.MassMatrix;
        Array.Clear(m);
        for (int i = 0; i < n; i++)
        {
            Force force = composite[i] * JointMotion.Subspace(model, i);
            m[i * n + i] = Motion.Dot(JointMotion.Subspace(model, i), force) + model.Armature[i];
            for (int j = i; parents[j] >= 0;)
            {
                force = SpatialTransform.ForceToParent(x[j], force);
                j = parents[j];
                double mij = Motion.Dot(JointMotion.Subspace(model, j), force);
                m[i * n + j] = mij;
                m[j * n + i] = mij;
            }
        }
    }
}
