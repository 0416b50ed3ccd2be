namespace Controller.Hardware.Devices.Gripper;

/// <summary>What a gripper can do: stroke, speed and force ranges (SI), checked by <see cref="Validate"/>.</summary>
/// <param name="MinWidthM">Fully closed opening (m, ≥ 0).</param>
/// <param name="MaxWidthM">Fully open opening (m, &gt; MinWidthM).</param>
/// <param name="MaxSpeedMps">Fastest finger speed (m/s, &gt; 0).</param>
/// <param name="MaxForceN">Largest grip force (N, &gt; 0).</param>
public sealed record GripperSpec(double MinWidthM, double MaxWidthM, double MaxSpeedMps, double MaxForceN)
{
    /// <summary>Robotiq 2F-85: 0–85 mm, 20–150 mm/s, 20–235 N (datasheet).</summary>
    public static GripperSpec Robotiq2F85 { get; } = new(0, 0.085, 0.150, 235);

    /// <summary>Franka Hand: 0–80 mm, 50 mm/s per finger pair, 70 N continuous (datasheet).</summary>
    public static GripperSpec FrankaHand { get; } = new(0, 0.080, 0.050, 70);

    /// <summary>Throws unless every range is finite and ordered.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Naming the field, its value and the rule.</exception>
    public void Validate()
    {
        if (!(MinWidthM >= 0 && double.IsFinite(MinWidthM))) throw new ArgumentOutOfRangeException(nameof(MinWidthM), MinWidthM, "must be finite and >= 0 m.");
        if (!(MaxWidthM > MinWidthM && double.IsFinite(MaxWidthM))) throw new ArgumentOutOfRangeException(nameof(MaxWidthM), MaxWidthM, $"must be finite and > MinWidthM ({MinWidthM} m).");
        if (!(MaxSpeedMps > 0 && double.IsFinite(MaxSpeedMps))) throw new ArgumentOutOfRangeException(nameof(MaxSpeedMps), MaxSpeedMps, "must be finite and > 0 m/s.");
        if (!(MaxForceN > 0 && double.IsFinite(MaxForceN))) throw new ArgumentOutOfRangeException(nameof(MaxForceN), MaxForceN, "must be finite and > 0 N.");
    }
}
