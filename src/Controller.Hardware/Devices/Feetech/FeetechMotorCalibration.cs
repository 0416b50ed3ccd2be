using System.Text.Json.Serialization;
using Controller.Hardware.Protocols.Feetech;

namespace Controller.Hardware.Devices.Feetech;

/// <summary>
/// One motor's entry of a LeRobot calibration file (LeRobot `motors/motors_bus.py` MotorCalibration): the values
/// LeRobot's `FeetechMotorsBus.write_calibration` writes to the servo (Homing_Offset, Min/Max_Position_Limit) and the
/// drive mode its normalisation applies in software. Positions below are Present_Position steps, which the servo
/// already reports offset-corrected: Present = Actual − Homing_Offset.
/// </summary>
/// <remarks>
/// Joint radians of a calibrated servo are <c>sign · (present − mid) · 2π/4096</c> with <c>mid = (range_min +
/// range_max)/2</c> and <c>sign = −1</c> when <c>drive_mode</c> is 1. LeRobot's normalised values of the same step
/// (`_normalize`): DEGREES <c>(present − mid) · 360/4095</c>, RANGE_M100_100 <c>±((clamp(present) − min)/(max − min)
/// · 200 − 100)</c>, RANGE_0_100 <c>(clamp(present) − min)/(max − min) · 100</c> (100 − that with drive mode 1).
/// <see cref="ToLeRobotDegrees"/> etc. give them exactly.
/// </remarks>
/// <param name="Id">Servo ID on the bus.</param>
/// <param name="DriveMode">0 = not inverted, 1 = inverted (software only; LeRobot's SO-101 calibration writes 0).</param>
/// <param name="HomingOffset">Homing_Offset (address 31) in steps, ±2047 (sign-magnitude, sign bit 11, on the wire).</param>
/// <param name="RangeMin">Min_Position_Limit (address 9), Present_Position steps.</param>
/// <param name="RangeMax">Max_Position_Limit (address 11), Present_Position steps.</param>
public sealed record FeetechMotorCalibration(
    [property: JsonPropertyName("id")] int Id,
    [property: JsonPropertyName("drive_mode")] int DriveMode,
    [property: JsonPropertyName("homing_offset")] int HomingOffset,
    [property: JsonPropertyName("range_min")] int RangeMin,
    [property: JsonPropertyName("range_max")] int RangeMax)
{
    /// <summary>The step that is 0 rad: the middle of the recorded range (LeRobot's <c>mid</c>).</summary>
    [JsonIgnore]
    public double CenterStep => (RangeMin + RangeMax) / 2.0;

    /// <summary>+1, or −1 when <see cref="DriveMode"/> is 1.</summary>
    [JsonIgnore]
    public int Sign => DriveMode == 1 ? -1 : 1;

    /// <summary>Throws when a value is out of range.</summary>
    /// <exception cref="ArgumentException">Naming the motor, the value and the allowed range.</exception>
    public void Validate(string motor)
    {
        if (Id is < 0 or > FeetechPacket.MaxDeviceId)
            throw new ArgumentException($"calibration of '{motor}': id must be between 0 and {FeetechPacket.MaxDeviceId}; it is {Id}.");
        if (DriveMode is not (0 or 1))
            throw new ArgumentException($"calibration of '{motor}': drive_mode must be 0 or 1; it is {DriveMode}.");
        int maxOffset = FeetechSignMagnitude.MaxMagnitude(StsControlTable.HomingOffset.SignBit);
        if (Math.Abs(HomingOffset) > maxOffset)
            throw new ArgumentException($"calibration of '{motor}': homing_offset must be between -{maxOffset} and {maxOffset}; it is {HomingOffset}.");
        if (RangeMin is < 0 or > FeetechUnits.MaxStep || RangeMax is < 0 or > FeetechUnits.MaxStep)
            throw new ArgumentException($"calibration of '{motor}': range_min and range_max must be between 0 and {FeetechUnits.MaxStep}; they are {RangeMin} and {RangeMax}.");
        if (RangeMin >= RangeMax)
            throw new ArgumentException($"calibration of '{motor}': range_min ({RangeMin}) must be below range_max ({RangeMax}).");
    }

    /// <summary>Present_Position steps → joint radians.</summary>
    public double StepsToRad(int presentSteps) => Sign * FeetechUnits.StepsToRad(presentSteps, CenterStep);

    /// <summary>Joint radians → Goal_Position steps, clamped to [range_min, range_max] (as the servo's limits would).</summary>
    public int RadToSteps(double rad) => Math.Clamp((int)Math.Round(CenterStep + Sign * rad / FeetechUnits.RadPerStep), RangeMin, RangeMax);

    /// <summary>LeRobot's DEGREES normalisation of a Present_Position (drive mode not applied, as in LeRobot).</summary>
    public double ToLeRobotDegrees(int presentSteps) => (presentSteps - CenterStep) * 360.0 / FeetechUnits.MaxStep;

    /// <summary>LeRobot's RANGE_M100_100 normalisation of a Present_Position.</summary>
    public double ToLeRobotRangeM100(int presentSteps)
    {
        double norm = (Math.Clamp(presentSteps, RangeMin, RangeMax) - RangeMin) / (double)(RangeMax - RangeMin) * 200 - 100;
        return DriveMode == 1 ? -norm : norm;
    }

    /// <summary>LeRobot's RANGE_0_100 normalisation of a Present_Position (the SO-101 gripper).</summary>
    public double ToLeRobotRange0To100(int presentSteps)
    {
        double norm = (Math.Clamp(presentSteps, RangeMin, RangeMax) - RangeMin) / (double)(RangeMax - RangeMin) * 100;
        return DriveMode == 1 ? 100 - norm : norm;
    }

    /// <summary>Joint radians → LeRobot degrees: the same step seen both ways (factor 4096/4095 from LeRobot's <c>max_res</c>).</summary>
    public static double RadToLeRobotDegrees(double rad) => rad * (180 / Math.PI) * FeetechUnits.StepsPerTurn / FeetechUnits.MaxStep;

    /// <summary>LeRobot degrees → joint radians (inverse of <see cref="RadToLeRobotDegrees"/>).</summary>
    public static double LeRobotDegreesToRad(double degrees) => degrees * (Math.PI / 180) * FeetechUnits.MaxStep / FeetechUnits.StepsPerTurn;
}
