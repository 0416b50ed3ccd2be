namespace Controller.Hardware.Protocols.Dynamixel;

/// <summary>
/// Conversions between X-series register units and SI (ROBOTIS e-Manual, "Goal Position", "Goal Velocity",
/// "Goal Current"): 4096 pulses per turn with 0 rad at the centre pulse 2048, velocity in 0.229 rev/min, current in
/// the model's unit, effort through the model's torque constant.
/// </summary>
public static class DynamixelUnits
{
    /// <summary>Encoder pulses per output revolution.</summary>
    public const int PulsesPerRevolution = 4096;

    /// <summary>Pulse value of 0 rad (the middle of one turn).</summary>
    public const int CenterPulse = 2048;

    /// <summary>Velocity unit in rev/min.</summary>
    public const double VelocityUnitRpm = 0.229;

    private const double RadPerPulse = 2 * Math.PI / PulsesPerRevolution;
    private const double RadPerSecPerVelocityUnit = VelocityUnitRpm * 2 * Math.PI / 60;

    /// <summary>Pulses → rad around the centre.</summary>
    public static double PulsesToRad(int pulses) => (pulses - CenterPulse) * RadPerPulse;

    /// <summary>rad → nearest pulse value, saturated to the 32-bit register (NaN gives the centre; drivers reject NaN before this).</summary>
    public static int RadToPulses(double rad) => double.IsNaN(rad) ? CenterPulse : SaturatingRound(rad / RadPerPulse + CenterPulse);

    /// <summary>Velocity units → rad/s.</summary>
    public static double VelocityUnitsToRadPerSec(int units) => units * RadPerSecPerVelocityUnit;

    /// <summary>rad/s → nearest velocity unit, saturated.</summary>
    public static int RadPerSecToVelocityUnits(double radPerSec) => SaturatingRound(radPerSec / RadPerSecPerVelocityUnit);

    /// <summary>Present Current (or Present Load on models without current sensing) → N·m.</summary>
    public static double CurrentUnitsToTorqueNm(short units, DynamixelModel model) =>
        model.HasCurrentSensing
            ? units * model.CurrentUnitAmps * model.TorqueConstantNmPerAmp
            : units * 0.001 * model.StallTorqueNm;

    /// <summary>N·m → Goal Current units, clamped to ±the model's Current Limit. 0 for models without current sensing.</summary>
    public static short TorqueNmToCurrentUnits(double torqueNm, DynamixelModel model)
    {
        if (!model.HasCurrentSensing || double.IsNaN(torqueNm)) return 0;
        double units = torqueNm / (model.TorqueConstantNmPerAmp * model.CurrentUnitAmps);
        return (short)Math.Clamp(Math.Round(units), -model.CurrentLimitUnits, model.CurrentLimitUnits);
    }

    private static int SaturatingRound(double value)
    {
        if (double.IsNaN(value)) return 0;
        return (int)Math.Clamp(Math.Round(value), int.MinValue, int.MaxValue);
    }
}
