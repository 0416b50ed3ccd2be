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

    /// <summary>Computes forward kinematics and returns the pose of one frame in the root frame.</summary>
    public static Transform3 FramePose(RobotData data, ReadOnlySpan<double> q, int frame)
    {
        Compute(data, q);
        return data.FramePose(frame);
    }
}
