using System.Runtime.CompilerServices;

namespace Controller.Robotics.Spatial;

/// <summary>
/// A spatial motion vector (Featherstone): angular part first, then the linear velocity of the point at the
/// coordinate frame's origin. Velocities, accelerations and joint motion subspaces are motions.
/// </summary>
/// <param name="Angular">Angular part (rad/s or rad/s²).</param>
/// <param name="Linear">Linear part at the frame origin (m/s or m/s²).</param>
public readonly record struct Motion(Vec3 Angular, Vec3 Linear)
{
    /// <summary>Sum.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Motion operator +(in Motion a, in Motion b) => new(a.Angular + b.Angular, a.Linear + b.Linear);

    /// <summary>Difference.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Motion operator -(in Motion a, in Motion b) => new(a.Angular - b.Angular, a.Linear - b.Linear);

    /// <summary>Scaling.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Motion operator *(double s, in Motion a) => new(s * a.Angular, s * a.Linear);

    /// <summary>The motion cross product v ×ₘ m (how m changes seen from a frame moving with v).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Motion Cross(in Motion v, in Motion m) => new(
        Vec3.Cross(v.Angular, m.Angular),
        Vec3.Cross(v.Angular, m.Linear) + Vec3.Cross(v.Linear, m.Angular));

    /// <summary>The force cross product v ×f f (the dual of <see cref="Cross(in Motion, in Motion)"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Force CrossForce(in Motion v, in Force f) => new(
        Vec3.Cross(v.Angular, f.Moment) + Vec3.Cross(v.Linear, f.Linear),
        Vec3.Cross(v.Angular, f.Linear));

    /// <summary>The power pairing m·f (joint torque from a force and a motion subspace column).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Dot(in Motion m, in Force f) => Vec3.Dot(m.Angular, f.Moment) + Vec3.Dot(m.Linear, f.Linear);
}
