using System.Runtime.CompilerServices;

namespace Controller.Robotics.Spatial;

/// <summary>A 3×3 matrix, row-major (rotations and rotational inertias).</summary>
public readonly struct Mat3
{
    /// <summary>Row 0.</summary>
    public readonly double M00, M01, M02;

    /// <summary>Row 1.</summary>
    public readonly double M10, M11, M12;

    /// <summary>Row 2.</summary>
    public readonly double M20, M21, M22;

    /// <summary>Creates a matrix from its nine entries, row by row.</summary>
    public Mat3(double m00, double m01, double m02, double m10, double m11, double m12, double m20, double m21, double m22)
    {
        M00 = m00; M01 = m01; M02 = m02;
        M10 = m10; M11 = m11; M12 = m12;
        M20 = m20; M21 = m21; M22 = m22;
    }

    /// <summary>The identity.</summary>
    public static Mat3 Identity => new(1, 0, 0, 0, 1, 0, 0, 0, 1);

    /// <summary>The entry at (row, column).</summary>
    public double this[int row, int column] => (row * 3 + column) switch
    {
        0 => M00, 1 => M01, 2 => M02,
        3 => M10, 4 => M11, 5 => M12,
        6 => M20, 7 => M21, 8 => M22,
        _ => throw new ArgumentOutOfRangeException(nameof(row), $"({row}, {column}) is outside a 3×3 matrix"),
    };

    /// <summary>
    /// The rotation of URDF's <c>rpy</c>: fixed-axis roll about x, then pitch about y, then yaw about z,
    /// i.e. R = Rz(yaw)·Ry(pitch)·Rx(roll).
    /// </summary>
    public static Mat3 FromRpy(double roll, double pitch, double yaw)
    {
        double cr = Math.Cos(roll), sr = Math.Sin(roll);
        double cp = Math.Cos(pitch), sp = Math.Sin(pitch);
        double cy = Math.Cos(yaw), sy = Math.Sin(yaw);
        return new Mat3(
            cy * cp, cy * sp * sr - sy * cr, cy * sp * cr + sy * sr,
            sy * cp, sy * sp * sr + cy * cr, sy * sp * cr - cy * sr,
            -sp, cp * sr, cp * cr);
    }

    /// <summary>Rotation by <paramref name="angleRad"/> about the unit vector <paramref name="axis"/> (Rodrigues).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Mat3 FromAxisAngle(in Vec3 axis, double angleRad)
    {
        double c = Math.Cos(angleRad), s = Math.Sin(angleRad), t = 1 - c;
        double x = axis.X, y = axis.Y, z = axis.Z;
        return new Mat3(
            t * x * x + c, t * x * y - s * z, t * x * z + s * y,
            t * x * y + s * z, t * y * y + c, t * y * z - s * x,
            t * x * z - s * y, t * y * z + s * x, t * z * z + c);
    }

    /// <summary>The skew-symmetric matrix S(v) with S(v)·w = v × w.</summary>
    public static Mat3 Skew(in Vec3 v) => new(0, -v.Z, v.Y, v.Z, 0, -v.X, -v.Y, v.X, 0);

    /// <summary>The symmetric matrix of an inertia tensor given by its six independent entries.</summary>
    public static Mat3 Symmetric(double xx, double xy, double xz, double yy, double yz, double zz) =>
        new(xx, xy, xz, xy, yy, yz, xz, yz, zz);

    /// <summary>Transpose.</summary>
    public Mat3 Transpose() => new(M00, M10, M20, M01, M11, M21, M02, M12, M22);

    /// <summary>Matrix–vector product.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec3 operator *(in Mat3 m, in Vec3 v) => new(
        m.M00 * v.X + m.M01 * v.Y + m.M02 * v.Z,
        m.M10 * v.X + m.M11 * v.Y + m.M12 * v.Z,
        m.M20 * v.X + m.M21 * v.Y + m.M22 * v.Z);

    /// <summary>Transpose(m)·v without forming the transpose.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vec3 TransposeTimes(in Mat3 m, in Vec3 v) => new(
        m.M00 * v.X + m.M10 * v.Y + m.M20 * v.Z,
        m.M01 * v.X + m.M11 * v.Y + m.M21 * v.Z,
        m.M02 * v.X + m.M12 * v.Y + m.M22 * v.Z);

    /// <summary>Matrix product.</summary>
    public static Mat3 operator *(in Mat3 a, in Mat3 b) => new(
        a.M00 * b.M00 + a.M01 * b.M10 + a.M02 * b.M20,
        a.M00 * b.M01 + a.M01 * b.M11 + a.M02 * b.M21,
        a.M00 * b.M02 + a.M01 * b.M12 + a.M02 * b.M22,
        a.M10 * b.M00 + a.M11 * b.M10 + a.M12 * b.M20,
        a.M10 * b.M01 + a.M11 * b.M11 + a.M12 * b.M21,
        a.M10 * b.M02 + a.M11 * b.M12 + a.M12 * b.M22,
        a.M20 * b.M00 + a.M21 * b.M10 + a.M22 * b.M20,
        a.M20 * b.M01 + a.M21 * b.M11 + a.M22 * b.M21,
        a.M20 * b.M02 + a.M21 * b.M12 + a.M22 * b.M22);

    /// <summary>Sum.</summary>
    public static Mat3 operator +(in Mat3 a, in Mat3 b) => new(
        a.M00 + b.M00, a.M01 + b.M01, a.M02 + b.M02,
        a.M10 + b.M10, a.M11 + b.M11, a.M12 + b.M12,
        a.M20 + b.M20, a.M21 + b.M21, a.M22 + b.M22);

    /// <summary>Difference.</summary>
    public static Mat3 operator -(in Mat3 a, in Mat3 b) => new(
        a.M00 - b.M00, a.M01 - b.M01, a.M02 - b.M02,
        a.M10 - b.M10, a.M11 - b.M11, a.M12 - b.M12,
        a.M20 - b.M20, a.M21 - b.M21, a.M22 - b.M22);

    /// <summary>Scaling.</summary>
    public static Mat3 operator *(double s, in Mat3 a) => new(
        s * a.M00, s * a.M01, s * a.M02, s * a.M10, s * a.M11, s * a.M12, s * a.M20, s * a.M21, s * a.M22);

    /// <summary>R·M·Rᵀ: a tensor expressed in frame B given in frame A, when R rotates A into B's parent.</summary>
    public static Mat3 Rotate(in Mat3 r, in Mat3 m) => r * m * r.Transpose();

    /// <summary>Largest absolute difference of entries (for tolerances).</summary>
    public static double MaxAbsDifference(in Mat3 a, in Mat3 b)
    {
        Mat3 d = a - b;
        return Math.Max(
            Math.Max(Math.Max(Math.Abs(d.M00), Math.Abs(d.M01)), Math.Max(Math.Abs(d.M02), Math.Abs(d.M10))),
            Math.Max(Math.Max(Math.Abs(d.M11), Math.Abs(d.M12)), Math.Max(Math.Max(Math.Abs(d.M20), Math.Abs(d.M21)), Math.Abs(d.M22))));
    }
}
