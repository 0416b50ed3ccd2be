using System.Runtime.CompilerServices;
using Controller.Robotics.Spatial;

namespace Controller.Robotics.Model;

/// <summary>What one joint does to its body: the transform at a position and the motion subspace S.</summary>
internal static class JointMotion
{
    /// <summary>Pose of body <paramref name="joint"/> in its parent body at position <paramref name="q"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Transform3 Transform(RobotModel model, int joint, double q)
    {
        ref readonly Transform3 placement = ref model.Placements[joint];
        ref readonly Vec3 axis = ref model.Axes[joint];
        return model.Kinds[joint] == JointKind.Revolute
            ? new Transform3(placement.Rotation * Mat3.FromAxisAngle(axis, q), placement.Translation)
            : new Transform3(placement.Rotation, placement.Translation + placement.Rotation * (q * axis));
    }

    /// <summary>The joint's motion subspace in the body frame (the joint frame is the body frame).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Motion Subspace(RobotModel model, int joint) => model.Kinds[joint] == JointKind.Revolute
        ? new Motion(model.Axes[joint], Vec3.Zero)
        : new Motion(Vec3.Zero, model.Axes[joint]);

    /// <summary>Fills <see cref="RobotData.JointTransforms"/> for <paramref name="q"/>.</summary>
    public static void UpdateTransforms(RobotData data, ReadOnlySpan<double> q)
    {
        RobotModel model = data.Model;
        model.RequireDofLength(q.Length, nameof(q));
        Transform3[] transforms = data.JointTransforms;
        for (int i = 0; i < transforms.Length; i++)
        {
            transforms[i] = Transform(model, i, q[i]);
        }
    }
}
