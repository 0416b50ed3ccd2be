namespace Controller.Hardware.Devices.ForceTorque;

/// <summary>
/// The sensor frame's orientation in the world as a 3×3 rotation matrix R (row-major), mapping sensor-frame vectors to
/// world-frame ones: v_world = R · v_sensor. The runtime computes it each cycle from forward kinematics of the robot
/// model (the world's z axis points up, against gravity).
/// </summary>
public readonly struct SensorOrientation
{
    /// <summary>Row 0.</summary>
    public readonly double M00, M01, M02;

    /// <summary>Row 1.</summary>
    public readonly double M10, M11, M12;

    /// <summary>Row 2.</summary>
    public readonly double M20, M21, M22;

    /// <summary>Creates R from its rows.</summary>
    public SensorOrientation(double m00, double m01, double m02, double m10, double m11, double m12, double m20, double m21, double m22)
    {
        M00 = m00; M01 = m01; M02 = m02;
        M10 = m10; M11 = m11; M12 = m12;
        M20 = m20; M21 = m21; M22 = m22;
    }

    /// <summary>Sensor axes aligned with the world's (sensor z up).</summary>
    public static SensorOrientation Identity => new(1, 0, 0, 0, 1, 0, 0, 0, 1);

    /// <summary>A rotation by <paramref name="angleRad"/> about the world x axis.</summary>
    public static SensorOrientation AboutX(double angleRad)
    {
        double c = Math.Cos(angleRad), s = Math.Sin(angleRad);
        return new(1, 0, 0, 0, c, -s, 0, s, c);
    }

    /// <summary>A rotation by <paramref name="angleRad"/> about the world y axis.</summary>
    public static SensorOrientation AboutY(double angleRad)
    {
        double c = Math.Cos(angleRad), s = Math.Sin(angleRad);
        return new(c, 0, s, 0, 1, 0, -s, 0, c);
    }

    /// <summary>
    /// The world vector (0, 0, <paramref name="worldZ"/>) expressed in the sensor frame: Rᵀ · (0, 0, z), i.e. z times
    /// R's last row.
    /// </summary>
    public void WorldZInSensorFrame(double worldZ, out double x, out double y, out double z)
    {
        x = M20 * worldZ;
        y = M21 * worldZ;
        z = M22 * worldZ;
    }
}
