using Controller.Runtime.Configuration;

namespace Controller.Runtime.Tests.Configuration;

/// <summary>The shipped so101 configuration and the rules of <c>type: feetech</c> buses.</summary>
public class FeetechBusConfigTests
{
    private static string So101File => RobotConfigLoaderTests.Hardware("so101/robot.yaml");

    private static string So101Text => File.ReadAllText(So101File);

    private static ConfigException Invalid(string text) => Assert.Throws<ConfigException>(() => RobotConfigLoader.Parse(text, So101File));

    [Fact]
    public void Load_So101_ValidWithOneFeetechBusOfSixCalibratedServosAndNoBrain()
    {
        RobotConfig config = RobotConfigLoader.Load(So101File);

        BusConfig bus = Assert.Single(config.Buses);
        Assert.Equal("feetech", bus.Type);
        Assert.Equal(6, bus.Servos.Count);
        Assert.Equal(Path.Combine(config.Directory, "so101_follower.json"), bus.CalibrationPath);
        Assert.Null(config.Brain);
        Assert.True(config.IsSimulated);
    }

    [Fact]
    public void FeetechBus_BaudAboveOneMegabit_Rejected() =>
        Assert.Contains("above the STS3215's fastest rate", Invalid(So101Text.Replace("baud: 1000000", "baud: 4000000")).Message);

    [Fact]
    public void FeetechBus_CurrentMode_RejectedNamingTheAllowedModes() =>
        Assert.Contains("use position or velocity", Invalid(So101Text.Replace("operating_mode: position", "operating_mode: current")).Message);

    [Fact]
    public void FeetechBus_UnknownModel_RejectedNamingSupportedOnes() =>
        Assert.Contains("'XM430-W350' is not a supported Feetech model; supported: STS3215", Invalid(So101Text.Replace("{ id: 3, model: STS3215", "{ id: 3, model: XM430-W350")).Message);

    [Fact]
    public void FeetechBus_CalibrationMissingAnId_RejectedNamingIdAndJoint() =>
        Assert.Contains("has no motor with id 9 (joint 'gripper')", Invalid(So101Text.Replace("{ id: 6, model: STS3215", "{ id: 9, model: STS3215")).Message);

    [Fact]
    public void FeetechBus_CalibrationFileAbsent_RejectedNamingTheFile() =>
        Assert.Contains("nope.json", Invalid(So101Text.Replace("calibration: so101_follower.json", "calibration: nope.json")).Message);

    [Fact]
    public void DynamixelBus_WithCalibration_Rejected()
    {
        string file = RobotConfigLoaderTests.Hardware("sim-arm6/robot.yaml");
        string text = File.ReadAllText(file).Replace("    operating_mode: position\n", "    operating_mode: position\n    calibration: x.json\n");
        Assert.Contains("only Feetech buses take a LeRobot calibration file", Assert.Throws<ConfigException>(() => RobotConfigLoader.Parse(text, file)).Message);
    }
}
