using Controller.Hardware.Devices.Feetech;
using FsCheck;
using FsCheck.Fluent;

namespace Controller.Hardware.Tests.Devices.Feetech;

/// <summary>LeRobot's calibration JSON: load, save, validation, and the mapping of our radians to its normalised values.</summary>
public class FeetechCalibrationFileTests
{
    private const string LeRobotStyle = """
        {
            "shoulder_pan": { "id": 1, "drive_mode": 0, "homing_offset": -1000, "range_min": 750, "range_max": 3300 },
            "gripper": { "id": 6, "drive_mode": 0, "homing_offset": 1200, "range_min": 2000, "range_max": 3400 }
        }
        """;

    [Fact]
    public void Parse_LeRobotFile_KeepsMotorOrderAndValues()
    {
        var motors = FeetechCalibrationFile.Parse(LeRobotStyle);

        Assert.Equal(["shoulder_pan", "gripper"], motors.Select(m => m.Key));
        Assert.Equal(new FeetechMotorCalibration(1, 0, -1000, 750, 3300), motors[0].Value);
    }

    [Fact]
    public void SaveThenLoad_IsIdentityAndUsesLeRobotFieldNames()
    {
        var motors = FeetechCalibrationFile.Parse(LeRobotStyle);
        string path = Path.Combine(Path.GetTempPath(), $"feetech-cal-{Guid.NewGuid():N}.json");
        try
        {
            FeetechCalibrationFile.Save(path, motors);
            string text = File.ReadAllText(path);
            Assert.Contains("\"homing_offset\": -1000", text);
            Assert.Contains("\"range_max\": 3400", text);
            Assert.Equal(motors, FeetechCalibrationFile.Load(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("""{ "m": { "id": 1, "drive_mode": 0, "homing_offset": 3000, "range_min": 0, "range_max": 4095 } }""", "homing_offset must be between -2047 and 2047; it is 3000")]
    [InlineData("""{ "m": { "id": 1, "drive_mode": 2, "homing_offset": 0, "range_min": 0, "range_max": 4095 } }""", "drive_mode must be 0 or 1; it is 2")]
    [InlineData("""{ "m": { "id": 1, "drive_mode": 0, "homing_offset": 0, "range_min": 3000, "range_max": 1000 } }""", "range_min (3000) must be below range_max (1000)")]
    [InlineData("""{ "m": { "id": 1, "drive_mode": 0, "homing_offset": 0, "range_min": 0 } }""", "motor 'm' needs an integer 'range_max'")]
    [InlineData("""{ "a": { "id": 1, "drive_mode": 0, "homing_offset": 0, "range_min": 0, "range_max": 9 }, "b": { "id": 1, "drive_mode": 0, "homing_offset": 0, "range_min": 0, "range_max": 9 } }""", "id 1 is used by 'a' and 'b'")]
    [InlineData("[1, 2]", "expected an object")]
    [InlineData("{ nope", "not valid JSON")]
    public void Parse_BadFile_ThrowsInvalidDataNamingTheProblem(string json, string message) =>
        Assert.Contains(message, Assert.Throws<InvalidDataException>(() => FeetechCalibrationFile.Parse(json, "x.json")).Message);

    [Fact]
    public void Parse_RandomText_ThrowsOnlyInvalidData()
    {
        Prop.ForAll(Gen.Choose(0, int.MaxValue - 1).ToArbitrary(), seed =>
        {
            var rng = new Random(seed);
            var chars = LeRobotStyle.ToCharArray();
            for (int k = rng.Next(1, 6); k > 0; k--) chars[rng.Next(chars.Length)] = "{}[]:,\"-0123456789 az"[rng.Next(21)];
            try
            {
                FeetechCalibrationFile.Parse(new string(chars));
                return true;
            }
            catch (InvalidDataException)
            {
                return true;
            }
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void WorkedExample_Present2537_IsQuarterTurnAnd45DegreesInLeRobot()
    {
        var c = new FeetechMotorCalibration(1, 0, -1000, 750, 3300);

        Assert.Equal(2025, c.CenterStep);
        Assert.Equal(Math.PI / 4, c.StepsToRad(2537), 12);
        Assert.Equal(512 * 360.0 / 4095, c.ToLeRobotDegrees(2537), 12);       // 45.011 °
        Assert.Equal((2537 - 750) / 2550.0 * 200 - 100, c.ToLeRobotRangeM100(2537), 12);
        Assert.Equal(c.ToLeRobotDegrees(2537), FeetechMotorCalibration.RadToLeRobotDegrees(c.StepsToRad(2537)), 12);
        Assert.Equal(2537, c.RadToSteps(Math.PI / 4));
    }

    [Fact]
    public void Gripper_Range0To100_WithAndWithoutDriveMode()
    {
        var c = new FeetechMotorCalibration(6, 0, 0, 2000, 3400);
        Assert.Equal(50, c.ToLeRobotRange0To100(2700), 12);
        Assert.Equal(0, c.ToLeRobotRange0To100(100), 12);
        Assert.Equal(75, (c with { DriveMode = 1 }).ToLeRobotRange0To100(2350), 12);
    }

    [Fact]
    public void RadiansAndLeRobotDegrees_AgreeForEveryStepInRange()
    {
        var c = new FeetechMotorCalibration(2, 0, 37, 612, 3511);
        Prop.ForAll(Gen.Choose(612, 3511).ToArbitrary(), s =>
            Math.Abs(FeetechMotorCalibration.RadToLeRobotDegrees(c.StepsToRad(s)) - c.ToLeRobotDegrees(s)) < 1e-9
            && c.RadToSteps(c.StepsToRad(s)) == s
            && Math.Abs(FeetechMotorCalibration.LeRobotDegreesToRad(c.ToLeRobotDegrees(s)) - c.StepsToRad(s)) < 1e-12).QuickCheckThrowOnFailure();
    }
}
