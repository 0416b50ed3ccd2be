using Controller.Runtime.Configuration;

namespace Controller.Runtime.Tests.Configuration;

/// <summary>
/// The field buses of the schema: <c>cia402-ethercat</c>, <c>mit-can</c> and <c>cia402-can</c>, over the six joints of
/// hardware/cia402-ethercat-arm/arm6.urdf. Each invalid case names the exact path, line and message a user will read.
/// </summary>
public class FieldBusConfigTests
{
    private const string Valid = """
        robot: fieldbus-test
        urdf: arm6.urdf
        buses:
          - name: base
            type: cia402-ethercat
            interface: eth1
            fault_reaction: disable
            servos:
              - { id: 0, joint: shoulder_pan, gear_ratio: 100 }
              - { id: 1, joint: shoulder_lift }
              - { id: 2, joint: elbow }
          - name: wrist
            type: mit-can
            interface: can0
            bitrate: 1000000
            servos:
              - { id: 1, model: CubeMars AK70-10, joint: wrist_roll }
              - { id: 2, model: Damiao DM4310, joint: wrist_pitch, gear_ratio: 2 }
          - name: yaw
            type: cia402-can
            slcan: /dev/ttyACM0
            bitrate: 800000   # one CiA 402 drive's SYNC + 4 PDOs (585 bits worst case) do not fit 1 ms at 500 kbit/s
            servos:
              - { id: 5, joint: wrist_yaw, increments_per_rev: 4096, rated_torque_nm: 0.3, direction: -1, offset_rad: 0.1 }
        """;

    private static string File => RobotConfigLoaderTests.Hardware("cia402-ethercat-arm/robot.yaml");

    private static ConfigError SingleError(string text)
    {
        var e = Assert.Throws<ConfigException>(() => RobotConfigLoader.Parse(text, File));
        return Assert.Single(e.Errors);
    }

    private static string Edit(string from, string to)
    {
        Assert.Contains(from, Valid);
        return Valid.Replace(from, to);
    }

    [Fact]
    public void Parse_EtherCatAndTwoCanBuses_ReadsEveryKey()
    {
        RobotConfig config = RobotConfigLoader.Parse(Valid, File);

        BusConfig ecat = config.Buses[0], mit = config.Buses[1], can = config.Buses[2];
        Assert.True(ecat.IsEtherCat);
        Assert.Equal(("eth1", "disable"), (ecat.Port, ecat.FaultReaction));
        Assert.Equal([0, 1, 2], ecat.Servos.Select(s => s.Id));
        Assert.Equal((100.0, 131072.0, 1.0), (ecat.Servos[0].GearRatio, ecat.Servos[0].IncrementsPerRev, ecat.Servos[0].RatedTorqueNm));
        Assert.True(mit.IsCan);
        Assert.Equal(("can0", false, 1_000_000), (mit.Port, mit.OverSlcan, mit.Baud));
        Assert.Equal(("Damiao DM4310", 2.0), (mit.Servos[1].Model, mit.Servos[1].GearRatio));
        Assert.Equal(("/dev/ttyACM0", true, 800_000), (can.Port, can.OverSlcan, can.Baud));
        Assert.Equal((5, 4096.0, 0.3, -1, 0.1), (can.Servos[0].Id, can.Servos[0].IncrementsPerRev, can.Servos[0].RatedTorqueNm, can.Servos[0].Direction, can.Servos[0].OffsetRad));
        Assert.False(config.IsSimulated);
    }

    [Fact]
    public void Parse_FaultReactionOmitted_DefaultsToHold() =>
        Assert.Equal("hold", RobotConfigLoader.Parse(Edit("    fault_reaction: disable\n", ""), File).Buses[0].FaultReaction);

    public static TheoryData<string, string, int, string, string> Invalid => new()
    {
        { "    bitrate: 800000", "    bitrate: 300000", 22, "buses[2].bitrate",
            "300000 is not a standard CAN bit rate; use one of 10000, 20000, 50000, 100000, 125000, 250000, 500000, 800000, 1000000" },
        { "    slcan: /dev/ttyACM0\n", "", 19, "buses[2].interface",
            "missing: name a SocketCAN interface (interface: can0), an SLCAN adapter (slcan: /dev/ttyACM0) or interface: sim" },
        { "    interface: eth1\n", "", 4, "buses[0].interface",
            "missing: name the Ethernet interface the EtherCAT segment is cabled to (interface: eth1) or interface: sim" },
        { "    slcan: /dev/ttyACM0\n", "    slcan: /dev/ttyACM0\n    interface: can1\n", 21, "buses[2].slcan",
            "give either interface ('can1') or slcan ('/dev/ttyACM0'), not both" },
        { "    interface: eth1\n", "    interface: eth1\n    port: /dev/ttyUSB0\n", 7, "buses[0].port",
            "unknown key 'port'; allowed here: name, type, interface, fault_reaction, distributed_clocks, servos" },
        { "    interface: can0\n", "    interface: can0\n    fault_reaction: hold\n", 15, "buses[1].fault_reaction",
            "unknown key 'fault_reaction'; allowed here: name, type, interface, slcan, bitrate, servos" },
        { "fault_reaction: disable", "fault_reaction: coast", 7, "buses[0].fault_reaction", "'coast' is not one of: hold, disable" },
        { "model: Damiao DM4310", "model: AK99", 18, "buses[1].servos[1].model",
            "'AK99' is not a known MIT actuator model; known: CubeMars AK80-9, CubeMars AK70-10, MIT mini cheetah, Damiao DM4310, Damiao DM8009" },
        { "{ id: 1, model: CubeMars AK70-10, joint: wrist_roll }", "{ id: 1, model: CubeMars AK70-10, joint: wrist_roll, increments_per_rev: 4096 }", 17,
            "buses[1].servos[0].increments_per_rev", "unknown key 'increments_per_rev'; allowed here: id, model, joint, gear_ratio, offset_rad, direction" },
        { "{ id: 5, joint: wrist_yaw", "{ id: 0, joint: wrist_yaw", 24, "buses[2].servos[0].id", "0 is out of range; allowed [1, 127]" },
        { "{ id: 1, model: CubeMars", "{ id: 128, model: CubeMars", 17, "buses[1].servos[0].id", "128 is out of range; allowed [1, 127]" },
        { "{ id: 1, joint: shoulder_lift }", "{ id: 0, joint: shoulder_lift }", 4, "buses[0].servos", "slave position 0 is used 2 times; each drive has its own" },
        { "{ id: 2, model: Damiao", "{ id: 1, model: Damiao", 12, "buses[1].servos", "id 1 is used 2 times; each drive has its own" },
        { "{ id: 0, joint: shoulder_pan, gear_ratio: 100 }", "{ id: 0, joint: shoulder_pan, gear_ratio: -100 }", 9, "buses[0].servos[0].gear_ratio",
            "-100 is negative; a CiA 402 drive's gear ratio is positive (use direction: -1 to reverse)" },
        { "direction: -1", "direction: 0", 24, "buses[2].servos[0].direction", "0 is not allowed; use 1 or -1" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Parse_InvalidFieldBus_ReportsPathLineAndMessage(string from, string to, int line, string path, string message)
    {
        ConfigError error = SingleError(Edit(from, to));

        Assert.Equal(message, error.Message);
        Assert.Equal(path, error.Path);
        Assert.Equal(line, error.Line);
    }

    [Fact]
    public void Parse_SeveralFieldBusMistakes_ReportsEveryOne()
    {
        string text = Valid.Replace("bitrate: 800000", "bitrate: 300000").Replace("model: Damiao DM4310", "model: X").Replace("fault_reaction: disable", "fault_reaction: y");

        var e = Assert.Throws<ConfigException>(() => RobotConfigLoader.Parse(text, File));

        Assert.Equal(["buses[0].fault_reaction", "buses[1].servos[1].model", "buses[2].bitrate"], e.Errors.Select(x => x.Path).Order());
    }

    [Fact]
    public void Parse_UnknownBusType_NamesTheFieldBusTypes()
    {
        var e = Assert.Throws<ConfigException>(() => RobotConfigLoader.Parse(Edit("type: cia402-ethercat", "type: ethercat"), File));

        Assert.Contains(e.Errors, x => x.Path == "buses[0].type" && x.Line == 5 && x.Message == "'ethercat' is not one of: dynamixel, feetech, cia402-can, mit-can, cia402-ethercat");
    }

    [Fact]
    public void Parse_FieldBusJointNotInUrdf_NamesTheJoints()
    {
        var e = Assert.Throws<ConfigException>(() => RobotConfigLoader.Parse(Edit("{ id: 2, joint: elbow }", "{ id: 2, joint: elbo }"), File));

        Assert.Contains(e.Errors, x => x.Path == "buses[0].servos[2].joint"
            && x.Message == "'elbo' is not a movable joint of the URDF; joints: shoulder_pan, shoulder_lift, elbow, wrist_roll, wrist_pitch, wrist_yaw");
    }
}
