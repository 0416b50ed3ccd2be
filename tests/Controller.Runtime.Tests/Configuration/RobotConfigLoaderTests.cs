using Controller.Runtime.Configuration;
using FsCheck;
using FsCheck.Fluent;

namespace Controller.Runtime.Tests.Configuration;

public class RobotConfigLoaderTests
{
    /// <summary>The repository's hardware folder (tests run from tests/…/bin/…; configs are checked in place).</summary>
    internal static string Hardware(string relative)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "hardware", "sim-arm6")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir?.FullName ?? throw new DirectoryNotFoundException("hardware/ not found above the test binaries"), "hardware", relative);
    }

    private static string SimArm6Text => File.ReadAllText(Hardware("sim-arm6/robot.yaml"));

    private static ConfigException Refused(string text) =>
        Assert.Throws<ConfigException>(() => RobotConfigLoader.Parse(text, Hardware("sim-arm6/robot.yaml")));

    [Fact]
    public void Load_ShippedSimArm6_IsValid()
    {
        RobotConfig config = RobotConfigLoader.Load(Hardware("sim-arm6/robot.yaml"));

        Assert.Equal("sim-arm6", config.Name);
        Assert.True(config.IsSimulated);
        Assert.Equal(7, config.Buses.Single().Servos.Count);
        Assert.Equal(4_000_000, config.Buses[0].Baud);
        Assert.True(File.Exists(config.UrdfPath));
        Assert.Equal(3, config.Plant!.Boxes.Count(b => b.Movable));
    }

    [Fact]
    public void Parse_SeveralMistakes_ReportsEveryOneWithPathAndLine()
    {
        string text = SimArm6Text
            .Replace("rate_hz: 1000        #", "rate_hz: 90000        #")
            .Replace("baud: 4000000", "baud: fast")
            .Replace("{ id: 3, model: XM430-W350, joint: elbow }", "{ id: 3, model: XM999, joint: elbow }")
            .Replace("collision_force_n: 40", "collision_forse_n: 40");

        ConfigException e = Refused(text);

        Assert.Contains(e.Errors, x => x.Path == "loop.rate_hz" && x.Message.Contains("90000") && x.Message.Contains("[250, 4000]") && x.Line == 10);
        Assert.Contains(e.Errors, x => x.Path == "buses[0].baud" && x.Message.Contains("'fast' is not an integer"));
        Assert.Contains(e.Errors, x => x.Path == "buses[0].servos[2].model" && x.Message.Contains("XM999") && x.Message.Contains("XM430-W350"));
        Assert.Contains(e.Errors, x => x.Path == "safety.collision_forse_n" && x.Message.Contains("unknown key"));
        Assert.Equal(4, e.Errors.Count);
        Assert.Contains("4 problems", e.Message);
    }

    [Fact]
    public void Parse_JointNotInUrdf_ListsTheJoints()
    {
        ConfigException e = Refused(SimArm6Text.Replace("joint: wrist_yaw }", "joint: wrist_twist }"));

        Assert.Contains(e.Errors, x => x.Path == "buses[0].servos[5].joint" && x.Message.Contains("'wrist_twist'") && x.Message.Contains("wrist_yaw"));
        Assert.Contains(e.Errors, x => x.Path == "buses" && x.Message.Contains("joints without an actuator: wrist_yaw"));
    }

    [Fact]
    public void Parse_ServosOutOfJointOrder_Refused()
    {
        string text = SimArm6Text.Replace("{ id: 2, model: XM430-W350, joint: shoulder_lift }", "{ id: 2, model: XM430-W350, joint: elbowX }")
            .Replace("{ id: 3, model: XM430-W350, joint: elbow }", "{ id: 3, model: XM430-W350, joint: shoulder_lift }")
            .Replace("joint: elbowX }", "joint: elbow }");

        ConfigException e = Refused(text);

        Assert.Contains(e.Errors, x => x.Message.Contains("consecutive joints in the model's order"));
    }

    [Fact]
    public void Parse_DuplicateIdAndMissingUrdf_BothReported()
    {
        ConfigException e = Refused(SimArm6Text.Replace("{ id: 7,", "{ id: 6,").Replace("urdf: sim_arm6.urdf", "urdf: nowhere.urdf"));

        Assert.Contains(e.Errors, x => x.Path == "buses[0].servos" && x.Message.Contains("id 6 is used 2 times"));
        Assert.Contains(e.Errors, x => x.Path == "urdf" && x.Message.Contains("nowhere.urdf"));
    }

    [Fact]
    public void Parse_TwoSensors_RefusedAsTheRuntimeReadsOne()
    {
        ConfigException e = Refused(SimArm6Text.Replace("  - { name: wrist, type: ft300, port: sim, link: ft_sensor }",
            "  - { name: wrist, type: ft300, port: sim, link: ft_sensor }\n  - { name: base, type: netft, port: 10.0.0.2, link: base_link }"));
        Assert.Contains(e.Errors, x => x.Path == "sensors" && x.Message.Contains("one wrist force/torque sensor"));
    }

    [Fact]
    public void Parse_NotYaml_OneClearProblem()
    {
        ConfigException e = Refused("robot: [unclosed");
        Assert.Single(e.Errors);
        Assert.Contains("not valid YAML", e.Errors[0].Message);
    }

    [Fact]
    public void Parse_RandomAndMutatedText_OnlyConfigExceptionOrSuccess()
    {
        string valid = SimArm6Text;
        Prop.ForAll(Gen.Choose(0, int.MaxValue - 1).ToArbitrary(), seed =>
        {
            var random = new Random(seed);
            char[] chars = valid.ToCharArray();
            int edits = random.Next(1, 8);
            for (int i = 0; i < edits; i++)
            {
                int at = random.Next(chars.Length);
                chars[at] = random.Next(4) switch
                {
                    0 => (char)random.Next(32, 127),
                    1 => ':',
                    2 => '\n',
                    _ => '[',
                };
            }

            string text = random.Next(10) == 0 ? new string(Enumerable.Range(0, random.Next(200)).Select(_ => (char)random.Next(1, 256)).ToArray()) : new string(chars);
            try
            {
                RobotConfigLoader.Parse(text, Hardware("sim-arm6/robot.yaml"));
            }
            catch (ConfigException e)
            {
                Assert.NotEmpty(e.Errors);
                Assert.All(e.Errors, x => Assert.False(string.IsNullOrWhiteSpace(x.Message)));
            }
        }).QuickCheckThrowOnFailure();
    }
}
