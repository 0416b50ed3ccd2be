namespace Controller.Robotics.Spatial;

/// <summary>The rotation vector (axis × angle) of a rotation matrix: the SO(3) logarithm.</summary>
public static class RotationLog
{
    /// <summary>
    /// Returns ω with R = exp(S(ω)), |ω| ∈ [0, π]. Robust near 0 (first-order) and near π (axis from the diagonal).
    /// </summary>
    public static Vec3 Of(in Mat3 r)
    {
        var v = new Vec3((r.M21 - r.M12) / 2, (r.M02 - r.M20) / 2, (r.M10 - r.M01) / 2);
        double cos = Math.Clamp((r.M00 + r.M11 + r.M22 - 1) / 2, -1, 1);
        double sin = v.Norm;
        double angle = Math.Atan2(sin, cos);
        if (cos >= 0)
        {
            // Up to a quarter turn the skew part is well conditioned: ω = θ/sinθ · v (→ v as θ → 0).
            return sin > 1e-12 ? (angle / sin) * v : v;
        }

        // Beyond a quarter turn sinθ loses precision, so take the axis from the symmetric part,
        // (R + Rᵀ)/2 = cosθ·1 + (1 − cosθ)·aaᵀ, using its largest diagonal entry; v gives the sign.
        double k = 1 / (1 - cos);
        double xx = (r.M00 - cos) * k, yy = (r.M11 - cos) * k, zz = (r.M22 - cos) * k;
        Vec3 axis;
        if (xx >= yy && xx >= zz)
        {
            double x = Math.Sqrt(Math.Max(xx, 0));
            axis = new Vec3(x, (r.M01 + r.M10) * k / (2 * x), (r.M02 + r.M20) * k / (2 * x));
        }
        else if (yy >= zz)
        {
            double y = Math.Sqrt(Math.Max(yy, 0));
            axis = new Vec3((r.M01 + r.M10) * k / (2 * y), y, (r.M12 + r.M21) * k / (2 * y));
        }
        else
        {
            double z = Math.Sqrt(Math.Max(zz, 0));
            axis = new Vec3((r.M02 + r.M20) * k / (2 * z), (r.M12 + r.M21) * k / (2 * z), z);
        }

        if (Vec3.Dot(axis, v) < 0)
        {
            axis = -axis;
        }

        return (angle / axis.Norm) * axis;
    }
}
