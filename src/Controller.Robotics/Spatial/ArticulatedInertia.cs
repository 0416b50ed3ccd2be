namespace Controller.Robotics.Spatial;

/// <summary>
/// A general symmetric spatial inertia in 3×3 blocks, [n; f] = [A B; Bᵀ C]·[ω; v]. The articulated-body algorithm
/// needs it because an articulated inertia is no longer a rigid body's (its C block is not m·1).
/// </summary>
/// <param name="A">Angular–angular block (kg·m²).</param>
/// <param name="B">Linear → moment block (kg·m).</param>
/// <param name="C">Linear–linear block (kg).</param>
public readonly record struct ArticulatedInertia(Mat3 A, Mat3 B, Mat3 C)
{
    /// <summary>The rigid inertia written as a general spatial inertia (A = Ī, B = S(h), C = m·1).</summary>
    public static ArticulatedInertia FromRigid(in RigidInertia i) => new(
        i.Rotational,
        Mat3.Skew(i.FirstMoment),
        new Mat3(i.Mass, 0, 0, 0, i.Mass, 0, 0, 0, i.Mass));

    /// <summary>I·v.</summary>
    public static Force operator *(in ArticulatedInertia i, in Motion v) => new(
        i.A * v.Angular + i.B * v.Linear,
        Mat3.TransposeTimes(i.B, v.Angular) + i.C * v.Linear);

    /// <summary>Sum.</summary>
    public static ArticulatedInertia operator +(in ArticulatedInertia a, in ArticulatedInertia b) =>
        new(a.A + b.A, a.B + b.B, a.C + b.C);

    /// <summary>I − U·Uᵀ/d: removes the joint's free direction once its acceleration has been solved for.</summary>
    public ArticulatedInertia MinusOuterProduct(in Force u, double d)
    {
        double s = 1.0 / d;
        return new ArticulatedInertia(
            A - s * Outer(u.Moment, u.Moment),
            B - s * Outer(u.Moment, u.Linear),
            C - s * Outer(u.Linear, u.Linear));
    }

    /// <summary>
    /// This inertia, given in a child frame whose pose in the parent is <paramref name="x"/>, in parent coordinates
    /// (Xᵀ·I·X written in blocks: with P = S(p) and the rotated blocks Aᵣ, Bᵣ, Cᵣ,
    /// A' = Aᵣ − BᵣP + PBᵣᵀ − PCᵣP, B' = Bᵣ + PCᵣ, C' = Cᵣ).
    /// </summary>
    public ArticulatedInertia ToParent(in Transform3 x)
    {
        Mat3 ar = Mat3.Rotate(x.Rotation, A);
        Mat3 br = Mat3.Rotate(x.Rotation, B);
        Mat3 cr = Mat3.Rotate(x.Rotation, C);
        Mat3 p = Mat3.Skew(x.Translation);
        Mat3 pc = p * cr;
        return new ArticulatedInertia(ar - br * p + p * br.Transpose() - pc * p, br + pc, cr);
    }

    private static Mat3 Outer(in Vec3 a, in Vec3 b) => new(
        a.X * b.X, a.X * b.Y, a.X * b.Z,
        a.Y * b.X, a.Y * b.Y, a.Y * b.Z,
        a.Z * b.X, a.Z * b.Y, a.Z * b.Z);
}
