using Controller.Runtime.Configuration;

namespace Controller.Runtime.Tests.Configuration;

/// <summary>Each bus's wire time per cycle, its level and its message; the loader's refusal; the shipped robots.</summary>
public class BusLoadCheckTests
{
    private static BusConfig Bus(string type, int servos, int baud, string mode = "position") =>
        new("b", type, "/dev/ttyX", baud, mode, 5, Enumerable.Range(1, servos).Select(i => new ServoConfig(i, "", $"j{i}", 1, 0, 1)).ToArray());

    public static TheoryData<string, int, int, double, BusLoadLevel, string> Table => new()
    {
        {
            "dynamixel", 7, 4_000_000, 1000, BusLoadLevel.Ok,
            "bus 'b' (dynamixel, 7 servos, 217 B at 4000000 baud + 7 × 20 µs return delay): 0.682 ms of wire per 1.000 ms cycle (68 %)"
        },
        {
            "dynamixel", 7, 57_600, 1000, BusLoadLevel.Error,
            "bus 'b' (dynamixel, 7 servos, 217 B at 57600 baud + 7 × 20 µs return delay): 37.814 ms of wire per 1.000 ms cycle (3781 %) exceeds the 1000 Hz loop's period: " +
            "lower loop.rate_hz to at most 26 Hz, raise the baud (4000000 is the X series' highest), or split the bus"
        },
        {
            "feetech", 6, 1_000_000, 500, BusLoadLevel.Ok,
            "bus 'b' (feetech, 6 servos, 112 B at 1000000 baud + 6 × 20 µs return delay): 1.240 ms of wire per 2.000 ms cycle (62 %)"
        },
        {
            "feetech", 6, 1_000_000, 1000, BusLoadLevel.Error,
            "bus 'b' (feetech, 6 servos, 112 B at 1000000 baud + 6 × 20 µs return delay): 1.240 ms of wire per 1.000 ms cycle (124 %) exceeds the 1000 Hz loop's period: " +
            "lower loop.rate_hz to at most 806 Hz, raise the baud (1000000 is the STS series' highest), or split the bus"
        },
        {
            "mit-can", 7, 1_000_000, 500, BusLoadLevel.Warning,
            "bus 'b' (mit-can, 7 actuators, command + reply × 7 actuators: 14 frames, 1890 bits worst case at 1000000 bit/s): 1.890 ms of wire per 2.000 ms cycle (94 %), above 70 %: " +
            "little room for retries and jitter; lower loop.rate_hz, raise the bit rate (1000000 is classical CAN's highest), or split the bus"
        },
        {
            "cia402-can", 4, 1_000_000, 1000, BusLoadLevel.Error,
            "bus 'b' (cia402-can, 4 actuators, SYNC + 4 PDOs × 4 drives: 17 frames, 2175 bits worst case at 1000000 bit/s): 2.175 ms of wire per 1.000 ms cycle (218 %) exceeds the 1000 Hz loop's period: " +
            "lower loop.rate_hz to at most 459 Hz, raise the bit rate (1000000 is classical CAN's highest), or split the bus"
        },
        {
            "cia402-ethercat", 6, 0, 1000, BusLoadLevel.Ok,
            "bus 'b' (cia402-ethercat, 6 slaves, one 242 B frame (156 B image) at 100 Mbit/s + 6 × 1 µs forwarding): 0.025 ms of wire per 1.000 ms cycle (3 %)"
        },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Estimate_Bus_GivesLevelAndExactMessage(string type, int servos, int baud, double rateHz, BusLoadLevel level, string message)
    {
        BusLoad load = BusLoadCheck.Estimate(Bus(type, servos, baud), rateHz);

        Assert.Equal(message, load.Message);
        Assert.Equal(level, load.Level);
    }

    [Theory]
    [InlineData(0, 47 + 8)]   // SYNC: 34 − 1 = 33 stuffable bits → 8 stuff bits
    [InlineData(8, 135)]      // the classic worst case of an 8-byte frame
    public void CanFrameBits_DataBytes_WorstCaseWithStuffing(int bytes, int bits) =>
        Assert.Equal(bits, BusLoadCheck.CanFrameBits(bytes));

    [Fact]
    public void Estimate_VelocityModeDynamixel_CountsTheFourByteGoal()
    {
        // Goal velocity is 4 bytes like goal position; goal current is 2: 7 servos send 14 bytes fewer.
        BusLoad position = BusLoadCheck.Estimate(Bus("dynamixel", 7, 4_000_000), 1000);
        BusLoad current = BusLoadCheck.Estimate(Bus("dynamixel", 7, 4_000_000, "current"), 1000);

        Assert.Equal(14 * 10 / 4.0, position.WireTimeUs - current.WireTimeUs, 6);
    }

    [Fact]
    public void Parse_SlowDynamixelBus_IsRefusedAtTheBusWithTheFigureAndTheFix()
    {
        string text = File.ReadAllText(RobotConfigLoaderTests.Hardware("sim-arm6/robot.yaml")).Replace("baud: 4000000", "baud: 57600");

        var e = Assert.Throws<ConfigException>(() => RobotConfigLoader.Parse(text, RobotConfigLoaderTests.Hardware("sim-arm6/robot.yaml")));

        ConfigError error = Assert.Single(e.Errors);
        Assert.Equal("buses[0]", error.Path);
        Assert.True(error.Line > 0);
        Assert.StartsWith("bus 'arm' (dynamixel, 7 servos, 217 B at 57600 baud", error.Message);
        Assert.Contains("lower loop.rate_hz to at most 26 Hz", error.Message);
    }

    [Theory]
    [InlineData("sim-arm6/robot.yaml")]
    [InlineData("so101/robot.yaml")]
    [InlineData("g1-29dof/robot.yaml")]
    [InlineData("cia402-ethercat-arm/robot.yaml")]
    public void Load_ShippedRobot_EveryBusFitsItsLoop(string robot)
    {
        RobotConfig config = RobotConfigLoader.Load(RobotConfigLoaderTests.Hardware(robot));

        Assert.All(BusLoadCheck.Estimate(config), load => Assert.NotEqual(BusLoadLevel.Error, load.Level));
    }
}
