using Controller.Runtime.Configuration;
using FsCheck;
using FsCheck.Fluent;

namespace Controller.Runtime.Tests.Configuration;

/// <summary>
/// <c>controllers:</c>: read on a torque-capable arm (CiA 402 over EtherCAT, wrist sensor) and refused where the
/// hardware cannot run what is asked (sim-arm6: Dynamixel servos in position mode). Each refusal names the path, the
/// bad value and what is allowed.
/// </summary>
public class ControllersConfigTests
{
    private const string TorqueArm = """
        robot: torque-arm
        urdf: arm6.urdf
        buses:
          - name: arm
            type: cia402-ethercat
            interface: eth1
            servos:
              - { id: 0, joint: shoulder_pan }
              - { id: 1, joint: shoulder_lift }
              - { id: 2, joint: elbow }
              - { id: 3, joint: wrist_roll }
              - { id: 4, joint: wrist_pitch }
              - { id: 5, joint: wrist_yaw }
        sensors:
          - { name: wrist, type: netft, port: 192.168.1.1, link: ft_sensor }
        controllers:
          default: impedance
          gravity_compensation: true
          pd: { kp: 80, kd: { shoulder_pan: 2, shoulder_lift: 3, elbow: 2.5, wrist_roll: 0.5, wrist_pitch: 0.5, wrist_yaw: 0.4 } }
          impedance: { stiffness: 40, damping: 1.2 }
          admittance: { mass: 4, damping: 50, stiffness: 10, frame: tool_tip, max_speed: 0.2 }
        """;

    private static string TorqueArmFile => RobotConfigLoaderTests.Hardware("cia402-ethercat-arm/robot.yaml");

    private static string SimArm6File => RobotConfigLoaderTests.Hardware("sim-arm6/robot.yaml");

    private static string SimArm6With(string controllers) => File.ReadAllText(SimArm6File) + "\ncontrollers:\n" + controllers;

    [Fact]
    public void Parse_TorqueArmWithEverySection_ReadsEveryKeyInJointOrder()
    {
        ControllersConfig c = RobotConfigLoader.Parse(TorqueArm, TorqueArmFile).Controllers;

        Assert.Equal(ControllerKind.Impedance, c.Default);
        Assert.True(c.GravityCompensation);
        Assert.Equal(Enumerable.Repeat(80.0, 6), c.Pd.Stiffness);
        Assert.Equal([2, 3, 2.5, 0.5, 0.5, 0.4], c.Pd.Damping);
        Assert.Equal(Enumerable.Repeat(40.0, 6), c.Impedance.Stiffness);
        Assert.Equal(Enumerable.Repeat(1.2, 6), c.Impedance.Damping);
        Assert.Equal(new AdmittanceConfig(4, 50, 10, "tool_tip", 0.2), c.Admittance);
    }

    [Fact]
    public void Parse_NoControllersSection_FollowerWithModelSizedDefaults()
    {
        RobotConfig config = RobotConfigLoader.Load(SimArm6File);

        Assert.Equal(ControllerKind.Follower, config.Controllers.Default);
        Assert.False(config.Controllers.GravityCompensation);
        Assert.Equal(7, config.Controllers.Pd.Stiffness.Count);
        Assert.Equal("tool_tip", config.Controllers.Admittance?.Frame);
    }

    [Fact]
    public void Parse_SimArm6Admittance_AcceptedOnPositionServosWithWristSensor()
    {
        RobotConfig config = RobotConfigLoader.Parse(SimArm6With("  default: admittance\n  admittance: { damping: 30, max_speed: 0.1 }\n"), SimArm6File);

        Assert.Equal(ControllerKind.Admittance, config.Controllers.Default);
        Assert.Equal(new AdmittanceConfig(3, 30, 0, "tool_tip", 0.1), config.Controllers.Admittance);
    }

    public static TheoryData<string, string, string, string[]> Refused => new()
    {
        // sim-arm6: its Dynamixels run in position mode.
        { "sim", "  default: pd\n", "controllers.default", ["pd writes joint torques", "bus 'arm'", "operating_mode position", "allowed:", "dynamixel operating_mode current"] },
        { "sim", "  default: impedance\n", "controllers.default", ["impedance writes joint torques or MIT-style impedance", "takes only Position"] },
        { "sim", "  impedance: { stiffness: 10 }\n", "controllers.impedance", ["bus 'arm'", "Torque or Impedance"] },
        { "sim", "  gravity_compensation: true\n", "controllers.gravity_compensation", ["gravity compensation adds a torque"] },
        { "sim", "  default: teleop\n", "controllers.default", ["'teleop' is not one of: follower, hold, pd, impedance, admittance"] },
        { "sim", "  admittance: { frame: flange }\n", "controllers.admittance.frame", ["'flange' is not a link or frame of the URDF", "tool_tip"] },
        { "sim", "  admittance: { mass: 0 }\n", "controllers.admittance.mass", ["0 is out of range; allowed [0.01, 1000]"] },
        { "sim", "  admittance: { max_speed: 5 }\n", "controllers.admittance.max_speed", ["5 is out of range; allowed [0.001, 2]"] },
        { "sim", "  hold: {}\n", "controllers.hold", ["unknown"] },
        // The torque arm: values and per-joint maps.
        { "torque", "pd: { kp: 80,", "controllers.pd.kp", ["-3 is out of range; allowed [0, 10000]"] },
        { "torque", "shoulder_pan: 2,", "controllers.pd.kd.shoulder_pan", ["'x' is not a number"] },
        { "torque", "wrist_yaw: 0.4", "controllers.pd.kd", ["must name every joint; missing: wrist_yaw"] },
        { "torque", "elbow: 2.5,", "controllers.pd.kd.knee", ["'knee' is not a movable joint of the URDF"] },
        { "torque", "sensors:", "controllers.admittance", ["admittance needs a wrist force/torque sensor"] },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Parse_InvalidControllers_NamesPathValueAndAllowed(string robot, string edit, string path, string[] message)
    {
        string text = robot == "sim" ? SimArm6With(edit) : EditTorqueArm(edit);
        string file = robot == "sim" ? SimArm6File : TorqueArmFile;

        var e = Assert.Throws<ConfigException>(() => RobotConfigLoader.Parse(text, file));

        ConfigError error = Assert.Single(e.Errors, x => x.Path.StartsWith(path, StringComparison.Ordinal));
        Assert.All(message, m => Assert.Contains(m, error.Message));
        Assert.True(error.Line > 0, $"{error} has no line");
    }

    [Fact]
    public void Parse_MutatedControllersSection_OnlyConfigExceptionOrSuccess()
    {
        int start = TorqueArm.IndexOf("controllers:", StringComparison.Ordinal);
        Prop.ForAll(Gen.Choose(0, int.MaxValue - 1).ToArbitrary(), seed =>
        {
            var random = new Random(seed);
            char[] chars = TorqueArm.ToCharArray();
            for (int i = random.Next(1, 6); i > 0; i--)
            {
                chars[random.Next(start, chars.Length)] = random.Next(5) switch
                {
                    0 => (char)random.Next(32, 127),
                    1 => ':',
                    2 => '\n',
                    3 => '{',
                    _ => '-',
                };
            }

            try
            {
                RobotConfigLoader.Parse(new string(chars), TorqueArmFile);
            }
            catch (ConfigException e)
            {
                Assert.NotEmpty(e.Errors);
                Assert.All(e.Errors, x => Assert.False(string.IsNullOrWhiteSpace(x.Message)));
            }
        }).QuickCheckThrowOnFailure();
    }

    private static string EditTorqueArm(string what) => what switch
    {
        "pd: { kp: 80," => TorqueArm.Replace("pd: { kp: 80,", "pd: { kp: -3,"),
        "shoulder_pan: 2," => TorqueArm.Replace("shoulder_pan: 2,", "shoulder_pan: x,"),
        "wrist_yaw: 0.4" => TorqueArm.Replace(", wrist_yaw: 0.4", ""),
        "elbow: 2.5," => TorqueArm.Replace("elbow: 2.5,", "elbow: 2.5, knee: 1,"),
        "sensors:" => TorqueArm.Replace("sensors:\n  - { name: wrist, type: netft, port: 192.168.1.1, link: ft_sensor }\n", ""),
        _ => throw new ArgumentException(what),
    };
}
