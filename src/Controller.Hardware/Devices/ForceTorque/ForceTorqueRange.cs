namespace Controller.Hardware.Devices.ForceTorque;

/// <summary>A sensor's rated (calibrated) range per axis, as positive magnitudes: a reading is valid within ±limit.</summary>
/// <param name="ForceXN">|Fx| limit (N).</param>
/// <param name="ForceYN">|Fy| limit (N).</param>
/// <param name="ForceZN">|Fz| limit (N).</param>
/// <param name="TorqueXNm">|Tx| limit (N·m).</param>
/// <param name="TorqueYNm">|Ty| limit (N·m).</param>
/// <param name="TorqueZNm">|Tz| limit (N·m).</param>
public readonly record struct ForceTorqueRange(
    double ForceXN, double ForceYN, double ForceZN, double TorqueXNm, double TorqueYNm, double TorqueZNm)
{
    /// <summary>The same limit on every force axis and on every torque axis.</summary>
    public static ForceTorqueRange Symmetric(double forceN, double torqueNm) =>
        new(forceN, forceN, forceN, torqueNm, torqueNm, torqueNm);

    /// <summary>Robotiq FT 300 (and FT 300-S): ±300 N, ±30 N·m on every axis (Robotiq's specifications).</summary>
    public static ForceTorqueRange RobotiqFt300 => Symmetric(300, 30);

    /// <summary>Limit of axis <paramref name="axis"/> (0..5: Fx, Fy, Fz, Tx, Ty, Tz).</summary>
    public double this[int axis] => axis switch
    {
        0 => ForceXN,
        1 => ForceYN,
        2 => ForceZN,
        3 => TorqueXNm,
        4 => TorqueYNm,
        _ => TorqueZNm,
    };

    /// <summary>Throws unless every limit is finite and &gt; 0.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A limit is not finite and positive; the message names the axis.</exception>
    public void Validate(string owner)
    {
        for (int axis = 0; axis < 6; axis++)
        {
            double limit = this[axis];
            if (!(limit > 0) || double.IsInfinity(limit))
                throw new ArgumentOutOfRangeException(nameof(ForceTorqueRange), limit, $"{owner}: rated range of axis {WrenchAxes.Name(axis)} must be finite and > 0; it is {limit}.");
        }
    }
}
