using System.Runtime.CompilerServices;

namespace Controller.Robotics.Spatial;

/// <summary>
/// The spatial inertia of a rigid body about its frame's origin: mass m, first moment h = m·c (c the centre of
/// mass) and the rotational inertia Ī about the origin. Kept in this 10-number form because rigid inertias are
/// summed and moved between frames far more often than they are multiplied out.
/// </summary>
/// <param name="Mass">Mass (kg).</param>
/// <param name="FirstMoment">m·c, with c the centre of mass in this frame (kg·m).</param>
/// <param name="Rotational">Rotational inertia about this frame's origin (kg·m²).</param>
public readonly record struct RigidInertia(double Mass, Vec3 FirstMoment, Mat3 Rotational)
{
    /// <summary>No mass at all.</summary>
    public static RigidInertia Zero => new(0, Vec3.Zero, default);

    /// <summary>
    /// A body of mass <paramref name="mass"/> with its centre of mass at <paramref name="centerOfMass"/> and
    /// rotational inertia <paramref name="inertiaAtCenterOfMass"/> about the centre of mass, both in this frame
    /// (parallel-axis theorem).
    /// </summary>
    public static RigidInertia FromCenterOfMass(double mass, in Vec3 centerOfMass, in Mat3 inertiaAtCenterOfMass)
    {
        Mat3 s = Mat3.Skew(centerOfMass);
        return new RigidInertia(mass, mass * centerOfMass, inertiaAtCenterOfMass - mass * (s * s));
    }

    /// <summary>Centre of mass in this frame (zero for a massless body).</summary>
    public Vec3 CenterOfMass => Mass > 0 ? (1.0 / Mass) * FirstMoment : Vec3.Zero;

    /// <summary>Sum of two inertias expressed in the same frame (bodies rigidly joined).</summary>
    public static RigidInertia operator +(in RigidInertia a, in RigidInertia b) =>
        new(a.Mass + b.Mass, a.FirstMoment + b.FirstMoment, a.Rotational + b.Rotational);

    /// <summary>I·v: the momentum of a body moving with <paramref name="v"/> (n = Īω + h × v, f = mv − h × ω).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Force operator *(in RigidInertia i, in Motion v) => new(
        i.Rotational * v.Angular + Vec3.Cross(i.FirstMoment, v.Linear),
        i.Mass * v.Linear - Vec3.Cross(i.FirstMoment, v.Angular));

    /// <summary>
    /// This inertia, given in a child frame whose pose in the parent is <paramref name="x"/>, expressed in the
    /// parent frame about the parent's origin.
    /// </summary>
    public RigidInertia ToParent(in Transform3 x)
    {
        // Rotate into parent axes (still about the child origin p), then shift the reference point from p to
        // the parent origin: Ī_O = Ī_p − S(h')S(p) − S(p)S(h') − m S(p)², which needs no division by the mass.
        Vec3 h = x.Rotation * FirstMoment;
        Mat3 rotated = Mat3.Rotate(x.Rotation, Rotational);
        Mat3 sp = Mat3.Skew(x.Translation);
        Mat3 sh = Mat3.Skew(h);
        Mat3 shifted = rotated - sh * sp - sp * sh - Mass * (sp * sp);
        return new RigidInertia(Mass, h + Mass * x.Translation, shifted);
    }
}
