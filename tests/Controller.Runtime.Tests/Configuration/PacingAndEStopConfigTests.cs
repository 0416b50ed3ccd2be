using Controller.Runtime.Configuration;

namespace Controller.Runtime.Tests.Configuration;

/// <summary>
/// The keys of issues #3 and #7: <c>loop.pacing</c> / <c>loop.pacing_bus</c>, a <c>cia402-ethercat</c> bus's
/// <c>distributed_clocks</c>, and <c>safety.estop</c>, over the six joints of hardware/cia402-ethercat-arm/arm6.urdf. Each
/// invalid value names the exact path, line and message a user will read.
/// </summary>
public class PacingAndEStopConfigTests
{
    private const string Valid = """
        robot: pacing-test
        urdf: arm6.urdf
        loop:
          rate_hz: 1000
          pacing: dc
        buses:
          - name: arm
            type: cia402-ethercat
            interface: eth1
            distributed_clocks:
              enabled: true
              sync0_cycle: loop
              sync0_shift_us: 250
              start_delay_ms: 50
              drift_compensation_frames: 2000
            servos:
              - { id: 0, joint: shoulder_pan }
              - { id: 1, joint: shoulder_lift }
              - { id: 2, joint: elbow }
              - { id: 3, joint: wrist_roll }
          - name: wrist
            type: mit-can
            interface: can0
            servos:
              - { id: 1, model: CubeMars AK70-10, joint: wrist_pitch }
              - { id: 2, model: Damiao DM4310, joint: wrist_yaw }
        safety:
          estop: { type: gpio, chip: 0, line: 17, healthy_high: false }
        """;

    private static string File => RobotConfigLoaderTests.Hardware("cia402-ethercat-arm/robot.yaml");

    private static string Edit(string text, params (string From, string To)[] edits)
    {
        foreach (var (from, to) in edits)
        {
            Assert.Contains(from, text);
            text = text.Replace(from, to);
        }

        return text;
    }

    private static ConfigError SingleError(string text)
    {
        var e = Assert.Throws<ConfigException>(() => RobotConfigLoader.Parse(text, File));
        return Assert.Single(e.Errors);
    }

    private static void AssertError(string text, int line, string path, string message)
    {
        ConfigError error = SingleError(text);
        Assert.Equal(message, error.Message);
        Assert.Equal(path, error.Path);
        Assert.Equal(line, error.Line);
    }

    [Fact]
    public void Parse_DcPacingDistributedClocksAndGpioEStop_ReadsEveryKey()
    {
        RobotConfig config = RobotConfigLoader.Parse(Valid, File);

        Assert.Equal((LoopPacing.Dc, (string?)null), (config.Loop.Pacing, config.Loop.PacingBus));
        DistributedClocksConfig dc = config.Buses[0].DistributedClocks!;
        Assert.Equal(new DistributedClocksConfig(true, 1_000_000, 250_000, 50_000_000, 2000), dc); // sync0_cycle: loop resolved to the loop's period
        Assert.Null(config.Buses[1].DistributedClocks);
        Assert.Equal(new EmergencyStopConfig("gpio", 0, 17, false), config.Safety.EmergencyStop);
    }

    [Fact]
    public void Parse_NoPacingNoDcNoEStop_DefaultsToClockWithoutEStop()
    {
        string text = Edit(Valid, ("  pacing: dc\n", ""), ("    distributed_clocks:\n      enabled: true\n      sync0_cycle: loop\n      sync0_shift_us: 250\n      start_delay_ms: 50\n      drift_compensation_frames: 2000\n", ""),
            ("safety:\n  estop: { type: gpio, chip: 0, line: 17, healthy_high: false }", ""));

        RobotConfig config = RobotConfigLoader.Parse(text, File);

        Assert.Equal(LoopPacing.Clock, config.Loop.Pacing);
        Assert.Null(config.Buses[0].DistributedClocks);
        Assert.Null(config.Safety.EmergencyStop);
    }

    [Fact]
    public void Parse_DefaultsOfDistributedClocksAndSimEStop_AreTheDocumentedOnes()
    {
        string text = Edit(Valid, ("  rate_hz: 1000", "  rate_hz: 500"),
            ("      enabled: true\n      sync0_cycle: loop\n      sync0_shift_us: 250\n      start_delay_ms: 50\n      drift_compensation_frames: 2000\n", "      sync0_shift_us: 0\n"),
            ("{ type: gpio, chip: 0, line: 17, healthy_high: false }", "{ type: sim }"));

        RobotConfig config = RobotConfigLoader.Parse(text, File);

        Assert.Equal(new DistributedClocksConfig(true, 2_000_000, 0, 100_000_000, 15_000), config.Buses[0].DistributedClocks);
        Assert.Equal(new EmergencyStopConfig("sim", 0, 0, true), config.Safety.EmergencyStop);
        Assert.True(config.Safety.EmergencyStop!.IsSimulated);
    }

    [Fact]
    public void Parse_ExplicitSync0CycleEqualToTheLoopPeriod_IsAccepted() =>
        Assert.Equal(1_000_000, RobotConfigLoader.Parse(Edit(Valid, ("sync0_cycle: loop", "sync0_cycle: 1000")), File).Buses[0].DistributedClocks!.Sync0CycleNs);

    public static TheoryData<string, string, int, string, string> Invalid => new()
    {
        { "  pacing: dc", "  pacing: sync0", 5, "loop.pacing", "'sync0' is not one of: clock, dc, device" },
        { "  pacing: dc", "  pacing: clock", 10, "buses[0].distributed_clocks",
            "distributed clocks on bus 'arm' need loop.pacing: dc (pacing is 'clock': a loop on its own clock drifts through the SYNC0 pulses and the drives miss frames)" },
        { "      enabled: true", "      enabled: false", 5, "loop.pacing",
            "'dc' needs one cia402-ethercat bus with distributed_clocks: { enabled: true }; no bus has distributed clocks enabled" },
        { "  pacing: dc", "  pacing: dc\n  pacing_bus: arm", 6, "loop.pacing_bus", "only read with pacing: device (pacing is 'dc')" },
        { "      enabled: true", "      enabled: yes", 11, "buses[0].distributed_clocks.enabled", "'yes' is not true or false" },
        { "sync0_cycle: loop", "sync0_cycle: 2000", 12, "buses[0].distributed_clocks.sync0_cycle",
            "2000 µs differs from the loop's period (1000 µs at loop.rate_hz 1000); with pacing: dc SYNC0 runs at the loop's period (sync0_cycle: loop)" },
        { "sync0_cycle: loop", "sync0_cycle: fast", 12, "buses[0].distributed_clocks.sync0_cycle", "'fast' is not 'loop' or a whole number of µs in [125, 100000]" },
        { "sync0_cycle: loop", "sync0_cycle: 50", 12, "buses[0].distributed_clocks.sync0_cycle", "'50' is not 'loop' or a whole number of µs in [125, 100000]" },
        { "sync0_cycle: loop", "sync0_cycle: 200000", 12, "buses[0].distributed_clocks.sync0_cycle", "'200000' is not 'loop' or a whole number of µs in [125, 100000]" },
        { "sync0_shift_us: 250", "sync0_shift_us: 1000", 13, "buses[0].distributed_clocks.sync0_shift_us",
            "1000 is not less than the SYNC0 cycle (1000 µs, the loop's period); allowed [0, 1000)" },
        { "sync0_shift_us: 250", "sync0_shift_us: -5", 13, "buses[0].distributed_clocks.sync0_shift_us", "-5 is out of range; allowed [0, 100000]" },
        { "start_delay_ms: 50", "start_delay_ms: 0", 14, "buses[0].distributed_clocks.start_delay_ms", "0 is out of range; allowed [1, 10000]" },
        { "drift_compensation_frames: 2000", "drift_compensation_frames: 0", 15, "buses[0].distributed_clocks.drift_compensation_frames",
            "0 is out of range; allowed [1, 1000000]" },
        { "      enabled: true", "      enabled: true\n      sync1_cycle: 10", 12, "buses[0].distributed_clocks.sync1_cycle",
            "unknown key 'sync1_cycle'; allowed here: enabled, sync0_cycle, sync0_shift_us, start_delay_ms, drift_compensation_frames" },
        { "    interface: can0\n", "    interface: can0\n    distributed_clocks: { enabled: true }\n", 24, "buses[1].distributed_clocks",
            "unknown key 'distributed_clocks'; allowed here: name, type, interface, slcan, bitrate, servos" },
        { "type: gpio", "type: relay", 28, "safety.estop.type", "'relay' is not one of: sim, gpio" },
        { "chip: 0, ", "", 28, "safety.estop.chip", "missing (an integer in [0, 255])" },
        { "chip: 0, ", "chip: 256, ", 28, "safety.estop.chip", "256 is out of range; allowed [0, 255]" },
        { "line: 17, ", "", 28, "safety.estop.line", "missing (an integer in [0, 1023])" },
        { "line: 17, ", "line: 2000, ", 28, "safety.estop.line", "2000 is out of range; allowed [0, 1023]" },
        { "healthy_high: false", "healthy_high: maybe", 28, "safety.estop.healthy_high", "'maybe' is not true or false" },
        { "healthy_high: false", "active_low: true", 28, "safety.estop.active_low", "unknown key 'active_low'; allowed here: type, chip, line, healthy_high" },
        { "type: gpio", "type: sim", 28, "safety.estop.chip", "only type: gpio takes a chip (the N of /dev/gpiochipN)" },
        { "{ type: gpio, chip: 0, line: 17, healthy_high: false }", "{ type: sim, line: 64 }", 28, "safety.estop.line", "64 is out of range; allowed [0, 63]" },
        { "{ type: gpio, chip: 0, line: 17, healthy_high: false }", "{ line: 3 }", 28, "safety.estop.type", "missing" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Parse_InvalidPacingDcOrEStopValue_ReportsPathLineAndMessage(string from, string to, int line, string path, string message) =>
        AssertError(Edit(Valid, (from, to)), line, path, message);

    /// <summary>pacing: device, with distributed clocks off (they need pacing: dc).</summary>
    private static string Device(string pacingBusLine) =>
        Edit(Valid, ("  pacing: dc", "  pacing: device" + pacingBusLine), ("      enabled: true", "      enabled: false"));

    [Fact]
    public void Parse_DevicePacingWithoutPacingBus_AsksForIt() =>
        AssertError(Device(""), 5, "loop.pacing_bus", "missing: pacing: device names the bus whose frames start each cycle (pacing_bus: NAME)");

    [Fact]
    public void Parse_DevicePacingBusNotInTheFile_ListsTheBuses() =>
        AssertError(Device("\n  pacing_bus: legs"), 6, "loop.pacing_bus", "'legs' is not a bus of this configuration; buses: arm, wrist");

    [Theory]
    [InlineData("arm", "bus 'arm' (cia402-ethercat) cannot pace the loop: the EtherCAT frame is sent and returns within the cycle's write (pace an EtherCAT bus with pacing: dc)")]
    [InlineData("wrist", "bus 'wrist' (mit-can) cannot pace the loop: MIT actuators answer each command frame at once")]
    public void Parse_DevicePacingByAMasterPolledBus_RefusedNamingWhy(string bus, string why) =>
        AssertError(Device($"\n  pacing_bus: {bus}"), 6, "loop.pacing_bus", why + "; no bus type of this runtime sends on its own clock, so use pacing: clock or dc");

    [Fact]
    public void Parse_DcPacingWithTwoDcBuses_AsksForOne()
    {
        string text = Edit(Valid,
            ("    type: mit-can\n    interface: can0\n", "    type: cia402-ethercat\n    interface: eth2\n    distributed_clocks: { enabled: true }\n"),
            ("{ id: 1, model: CubeMars AK70-10, joint: wrist_pitch }", "{ id: 0, joint: wrist_pitch }"),
            ("{ id: 2, model: Damiao DM4310, joint: wrist_yaw }", "{ id: 1, joint: wrist_yaw }"));

        AssertError(text, 5, "loop.pacing", "'dc' locks the loop to one bus's DC time; 2 buses have distributed clocks enabled (arm, wrist): enable them on one");
    }

    [Fact]
    public void Load_ShippedConfigs_CarryTheirPacingAndEStop()
    {
        RobotConfig arm = RobotConfigLoader.Load(RobotConfigLoaderTests.Hardware("cia402-ethercat-arm/robot.yaml"));
        RobotConfig sim = RobotConfigLoader.Load(RobotConfigLoaderTests.Hardware("sim-arm6/robot.yaml"));

        Assert.Equal(LoopPacing.Dc, arm.Loop.Pacing);
        Assert.Equal(new DistributedClocksConfig(true, 1_000_000, 0, 100_000_000, 15_000), arm.Buses[0].DistributedClocks);
        Assert.Equal(LoopPacing.Clock, sim.Loop.Pacing);
        Assert.Equal(new EmergencyStopConfig("sim", 0, 0, true), sim.Safety.EmergencyStop);
    }
}
