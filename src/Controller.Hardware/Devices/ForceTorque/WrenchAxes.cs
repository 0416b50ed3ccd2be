using Controller.Pipeline.Messages;

namespace Controller.Hardware.Devices.ForceTorque;

/// <summary>Per-axis access to a <see cref="Wrench"/> by index 0..5 (Fx, Fy, Fz, Tx, Ty, Tz), so processing loops over axes.</summary>
public static class WrenchAxes
{
    /// <summary>Number of axes.</summary>
    public const int Count = 6;

    /// <summary>Short name of axis <paramref name="axis"/> ("Fx" .. "Tz").</summary>
    public static string Name(int axis) => axis switch
    {
        0 => "Fx",
        1 => "Fy",
        2 => "Fz",
        3 => "Tx",
        4 => "Ty",
        5 => "Tz",
        _ => $"axis {axis}",
    };

    /// <summary>The bit of axis <paramref name="axis"/>.</summary>
    public static ForceTorqueAxes Bit(int axis) => (ForceTorqueAxes)(1 << axis);

    /// <summary>Copies the six values into <paramref name="values"/> (length ≥ 6).</summary>
    public static void CopyTo(in Wrench wrench, Span<double> values)
    {
        values[0] = wrench.ForceXN;
        values[1] = wrench.ForceYN;
        values[2] = wrench.ForceZN;
        values[3] = wrench.TorqueXNm;
        values[4] = wrench.TorqueYNm;
        values[5] = wrench.TorqueZNm;
    }

    /// <summary>Sets the six values from <paramref name="values"/> (length ≥ 6).</summary>
    public static void SetFrom(ref Wrench wrench, ReadOnlySpan<double> values)
    {
        wrench.ForceXN = values[0];
        wrench.ForceYN = values[1];
        wrench.ForceZN = values[2];
        wrench.TorqueXNm = values[3];
        wrench.TorqueYNm = values[4];
        wrench.TorqueZNm = values[5];
    }
}
