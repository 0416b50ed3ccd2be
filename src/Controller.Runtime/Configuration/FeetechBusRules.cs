using Controller.Hardware.Devices.Feetech;
using YamlDotNet.RepresentationModel;

namespace Controller.Runtime.Configuration;

/// <summary>
/// What a <c>type: feetech</c> bus must satisfy beyond the common bus keys: the STS3215's 1 Mbit/s ceiling, its two
/// supported modes, and a LeRobot calibration file (optional) that loads and names every servo id on the bus.
/// </summary>
internal static class FeetechBusRules
{
    public static void Check(YamlConfigReader r, YamlMappingNode m, string at, int baud, string mode, IReadOnlyCollection<string> modes, string? calibrationPath, IReadOnlyList<ServoConfig> servos)
    {
        if (baud > 1_000_000)
        {
            r.Error(r.Child(m, "baud"), $"{at}.baud", $"{baud} is above the STS3215's fastest rate; use 1000000 or less");
        }

        if (!modes.Contains(mode))
        {
            r.Error(r.Child(m, "operating_mode"), $"{at}.operating_mode", $"'{mode}' is not supported on a Feetech bus; use {string.Join(" or ", modes)}");
        }

        if (calibrationPath is null)
        {
            return;
        }

        IReadOnlyList<KeyValuePair<string, FeetechMotorCalibration>> motors;
        try
        {
            motors = FeetechCalibrationFile.Load(calibrationPath);
        }
        catch (InvalidDataException e)
        {
            r.Error(r.Child(m, "calibration"), $"{at}.calibration", e.Message);
            return;
        }

        foreach (ServoConfig servo in servos.Where(s => motors.All(c => c.Value.Id != s.Id)))
        {
            r.Error(r.Child(m, "calibration"), $"{at}.calibration", $"'{calibrationPath}' has no motor with id {servo.Id} (joint '{servo.Joint}'); it lists {string.Join(", ", motors.Select(c => $"{c.Key} = {c.Value.Id}"))}");
        }
    }

    /// <summary>The calibration of each servo of a validated bus, in servo order (null entries when the bus has none).</summary>
    public static FeetechMotorCalibration?[] CalibrationsOf(BusConfig bus)
    {
        if (bus.CalibrationPath is null)
        {
            return new FeetechMotorCalibration?[bus.Servos.Count];
        }

        var motors = FeetechCalibrationFile.Load(bus.CalibrationPath);
        return bus.Servos.Select(s => (FeetechMotorCalibration?)motors.First(c => c.Value.Id == s.Id).Value).ToArray();
    }
}
