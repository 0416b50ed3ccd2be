using Controller.Runtime.Configuration;

namespace Controller.Cli.Commands.Doctor;

/// <summary>Loads the robot <c>robotctl doctor --robot</c> judges the hardware for.</summary>
public static class DoctorRobot
{
    /// <summary>
    /// Loads <paramref name="file"/> (null: no robot, which succeeds with null); false, with why on
    /// <paramref name="error"/>, when it is missing or invalid.
    /// </summary>
    public static bool TryLoad(FileInfo? file, TextWriter error, out RobotConfig? config)
    {
        ArgumentNullException.ThrowIfNull(error);
        config = null;
        if (file is null)
        {
            return true;
        }

        if (!file.Exists)
        {
            error.WriteLine($"robotctl doctor: --robot file '{file.FullName}' does not exist. Shipped robots are under hardware/ (e.g. hardware/so101/robot.yaml).");
            return false;
        }

        try
        {
            config = RobotConfigLoader.Load(file.FullName);
            return true;
        }
        catch (ConfigException e)
        {
            error.WriteLine($"robotctl doctor: {e.Message}");
            return false;
        }
    }
}
