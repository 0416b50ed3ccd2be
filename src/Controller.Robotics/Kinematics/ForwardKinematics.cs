using Controller.Robotics.Model;
using Controller.Robotics.Spatial;

namespace Controller.Robotics.Kinematics;

/// <summary>Poses of every body and frame for a joint configuration.</summary>
public static class ForwardKinematics
{
    /// <summary>
    /// Computes every body's pose in the root frame into <see cref="RobotData.BodyPoses"/>; read frames with
    /// <see cref="RobotData.FramePose"/>. No allocation.
    /// </summary>
    /// <param name="data">Working memory of the model.</param>
    /// <param name="q">Joint positions in model order (rad or m).</param>
    public static void Compute(RobotData data, ReadOnlySpan<double> q)
    {
        JointMotion.UpdateTransforms(data, q);
        int[] parents = data.Model.Parents;
        Transform3[] poses = data.BodyPoses;
        Transform3[] local = data.JointTransforms;
        for (int i = 0; i < poses.Length; i++)
        {
            int parent = parents[i];
            poses[i] = parent < 0 ? local[i] : poses[parent] * local[i];
        }
    }

    /// <summary>
    /// Forward kinematics plus every body's spatial velocity in its own frame (<see cref="RobotData.Velocities"/>).
    /// The velocity of a point r (body coordinates) in root coordinates is R·(v + ω × r). No allocation.
    /// </summary>
    public static void ComputeWithVelocities(RobotData data, ReadOnlySpan<double> q, ReadOnlySpan<double> qd)
    {
        Compute(data, q);
        RobotModel model = data.Model;
        model.RequireDofLength(qd.Length, nameof(qd));
        Motion[] v = data.Velocities;
        for (int i = 0; i < v.Length; i++)
        {
            Motion vJ = qd[i] * JointMotion.Subspace(model, i);
            int parent = model.Parents[i];
            v[i] = parent < 0 ? vJ : SpatialTransform.MotionToChild(data.JointTransforms[i], v[parent]) + vJ;
        }
    }

    /// <summary>Computes forward kinematics and returns the pose of one frame in the root frame.</summary>
    public static Transform3 FramePose(RobotData data, ReadOnlySpan<double> q, int frame)
    {
        Compute(data, q);
        return data.FramePose(frame);
    }
}
