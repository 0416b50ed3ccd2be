namespace Controller.Hardware.Devices.ForceTorque;

/// <summary>Configuration of a <see cref="ForceTorqueSensor"/> processing stage (from the hardware configuration).</summary>
public sealed record ForceTorqueSensorOptions
{
    /// <summary>The sensor's index in the hardware configuration, written into every <see cref="Controller.Pipeline.Messages.Wrench.SensorIndex"/>.</summary>
    public int SensorIndex { get; init; }

    /// <summary>Cut-off frequency of the first-order low-pass filter (Hz); 0 turns the filter off.</summary>
    public double LowPassCutoffHz { get; init; }

    /// <summary>Samples averaged into the bias when a tare is requested (≥ 1).</summary>
    public int TareSampleCount { get; init; } = 10;

    /// <summary>The tool whose weight is subtracted when an orientation is given; null: no gravity compensation.</summary>
    public ToolPayload? Payload { get; init; }

    /// <summary>Magnitude of gravity (m/s²); the world's z axis points against it.</summary>
    public double GravityMps2 { get; init; } = 9.80665;

    /// <summary>Throws on a bad value, naming it and its allowed range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value out of range.</exception>
    public void Validate()
    {
        if (SensorIndex < 0)
            throw new ArgumentOutOfRangeException(nameof(SensorIndex), SensorIndex, "sensor index must be ≥ 0.");
        if (!(LowPassCutoffHz >= 0) || double.IsInfinity(LowPassCutoffHz))
            throw new ArgumentOutOfRangeException(nameof(LowPassCutoffHz), LowPassCutoffHz, "low-pass cut-off must be finite and ≥ 0 Hz (0 = off).");
        if (TareSampleCount is < 1 or > 100_000)
            throw new ArgumentOutOfRangeException(nameof(TareSampleCount), TareSampleCount, "tare sample count must be in [1, 100000].");
        if (!(GravityMps2 > 0 && GravityMps2 < 100))
            throw new ArgumentOutOfRangeException(nameof(GravityMps2), GravityMps2, "gravity must be in (0, 100) m/s².");
        Payload?.Validate();
    }
}
