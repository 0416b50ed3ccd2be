using System.Runtime.CompilerServices;

namespace Controller.Robotics.Spatial;

/// <summary>
/// A rigid transform: the pose of a child frame in its parent (URDF's convention for joint origins).
/// <see cref="Rotation"/>'s columns are the child's axes in parent coordinates; <see cref="Translation"/> is the
/// child's origin in parent coordinates. Applied to a point in child coordinates it gives parent coordinates.
/// </summary>
/// <param name="Rotation">Orientation of the child in the parent.</param>
/// <param name="Translation">Origin of the child in the parent (m).</param>
public readonly record struct Transform3(Mat3 Rotation, Vec3 Translation)
{
    /// <summary>The identity transform.</summary>
    public static Transform3 Identity => new(Mat3.Identity, Vec3.Zero);

    /// <summary>a∘b: the pose of b's child in a's parent.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Transform3 operator *(in Transform3 a, in Transform3 b) =>
        new(a.Rotation * b.Rotation, a.Rotation * b.Translation + a.Translation);

    /// <summary>Maps a point from child to parent coordinates.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vec3 Apply(in Vec3 point) => Rotation * point + Translation;

    /// <summary>The inverse transform (pose of the parent in the child).</summary>
    public Transform3 Inverse()
    {
        Mat3 rt = Rotation.Transpose();
        return new Transform3(rt, -(rt * Translation));
    }
}
