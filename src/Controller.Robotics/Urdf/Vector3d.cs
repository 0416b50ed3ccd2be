namespace Controller.Robotics.Urdf;

/// <summary>A three-component vector of doubles (positions in metres, axes, ...).</summary>
/// <param name="X">The x component.</param>
/// <param name="Y">The y component.</param>
/// <param name="Z">The z component.</param>
public readonly record struct Vector3d(double X, double Y, double Z)
{
    /// <summary>The zero vector.</summary>
    public static Vector3d Zero => default;

    /// <summary>The unit x axis, URDF's default joint axis.</summary>
    public static Vector3d UnitX => new(1, 0, 0);

    /// <summary>The Euclidean length.</summary>
    public double Norm => Math.Sqrt(X * X + Y * Y + Z * Z);

    /// <summary>This vector scaled to unit length; the caller ensures the length is not zero.</summary>
    /// <returns>The unit vector in this direction.</returns>
    public Vector3d Normalized()
    {
        double n = Norm;
        return new Vector3d(X / n, Y / n, Z / n);
    }
}
