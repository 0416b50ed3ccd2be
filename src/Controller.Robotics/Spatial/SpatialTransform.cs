using System.Runtime.CompilerServices;

namespace Controller.Robotics.Spatial;

/// <summary>
/// Changes the coordinates of spatial vectors between a parent frame and a child frame whose pose in the parent
/// is a <see cref="Transform3"/> (R, p). These are Featherstone's Plücker transforms written out on 3-vectors so
/// that no 6×6 matrix is formed.
/// </summary>
public static class SpatialTransform
{
    /// <summary>Parent → child coordinates of a motion: ω' = Rᵀω, v' = Rᵀ(v + ω × p).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Motion MotionToChild(in Transform3 x, in Motion m) => new(
        Mat3.TransposeTimes(x.Rotation, m.Angular),
        Mat3.TransposeTimes(x.Rotation, m.Linear + Vec3.Cross(m.Angular, x.Translation)));

    /// <summary>Child → parent coordinates of a motion: ω = Rω', v = Rv' + p × Rω'.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Motion MotionToParent(in Transform3 x, in Motion m)
    {
        Vec3 angular = x.Rotation * m.Angular;
        return new Motion(angular, x.Rotation * m.Linear + Vec3.Cross(x.Translation, angular));
    }

    /// <summary>Child → parent coordinates of a force: f = Rf', n = Rn' + p × Rf'.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Force ForceToParent(in Transform3 x, in Force f)
    {
        Vec3 linear = x.Rotation * f.Linear;
        return new Force(x.Rotation * f.Moment + Vec3.Cross(x.Translation, linear), linear);
    }

    /// <summary>Parent → child coordinates of a force: f' = Rᵀf, n' = Rᵀ(n − p × f).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Force ForceToChild(in Transform3 x, in Force f) => new(
        Mat3.TransposeTimes(x.Rotation, f.Moment - Vec3.Cross(x.Translation, f.Linear)),
        Mat3.TransposeTimes(x.Rotation, f.Linear));
}
