using Controller.Cerebellum.Safety;
using Controller.Hardware.Devices;
using Controller.Runtime.Configuration;
using Controller.Runtime.Tests.Configuration;

namespace Controller.Runtime.Tests;

/// <summary>
/// Many devices on several buses in one loop: the shipped g1-29dof (43 joints) brought up for real — 15 simulated
/// CiA 402 drives on an EtherCAT segment behind a virtual NIC, two CAN buses of MIT actuator twins, two Dynamixel
/// hands on pseudo-terminals, all over the fixed-base rigid-body plant of the G1 URDF — holding its posture with no
/// bus fault. Also the real-drive cia402-ethercat-arm, validated as shipped and brought up with its interface set to sim.
/// Timing is not asserted.
/// </summary>
[Collection("runtime")]
public class G1RuntimeTests
{
    [Fact]
    public void Load_G1_FiveBusesOfThreeKindsCoverAll43Joints()
    {
        RobotConfig config = RobotConfigLoader.Load(RobotConfigLoaderTests.Hardware("g1-29dof/robot.yaml"));

        Assert.Equal(["cia402-ethercat", "mit-can", "dynamixel", "mit-can", "dynamixel"], config.Buses.Select(b => b.Type));
        Assert.Equal([15, 7, 7, 7, 7], config.Buses.Select(b => b.Servos.Count));
        Assert.All(config.Buses, b => Assert.True(b.IsSimulated));
        Assert.Null(config.Brain);
    }

    [Fact]
    public void Start_G1OnEtherCatCanAndSerial_HoldsItsPostureWithNoBusFault()
    {
        RobotConfig config = RobotConfigLoader.Load(RobotConfigLoaderTests.Hardware("g1-29dof/robot.yaml"));
        using var runtime = RobotRuntime.Build(config, new RuntimeOptions { RealtimeSetup = true });
        Assert.Null(runtime.Scene);
        runtime.Start();
        // Drives power up disabled, so the limbs sag while the buses are configured; from activation on it must hold:
        // sample once the activation transient is over (2 s at 500 Hz), and again 300 cycles later.
        RuntimeStatus first = WaitFor(runtime, s => s.Cycles >= 1000);
        RuntimeStatus status = WaitFor(runtime, s => s.Cycles >= first.Cycles + 300);
        runtime.Stop();

        Assert.True(status.Cycles >= first.Cycles + 300, $"only {status.Cycles} cycles ran within the test's patience (60 s)");
        Assert.Equal(5, status.Buses.Count);
        // Active at the end means no bus ever faulted (a lost or faulted device leaves Active until Recover). Late
        // replies of the in-process twins are counted timeouts, which a loaded host produces; they are not asserted zero.
        Assert.All(status.Buses, b => Assert.True(b.State == DeviceState.Active, $"bus {b.Name}: {b.State}, {b.Faults} counted fault(s)"));
        Assert.Equal(SafetyState.Normal, status.Safety);
        AssertHolds(first, status, 43);
    }

    [Fact]
    public void Load_Cia402EtherCatArm_ValidForSixRealDrivesOnEth0()
    {
        RobotConfig config = RobotConfigLoader.Load(RobotConfigLoaderTests.Hardware("cia402-ethercat-arm/robot.yaml"));

        BusConfig bus = Assert.Single(config.Buses);
        Assert.Equal(("cia402-ethercat", "eth0", "hold"), (bus.Type, bus.Port, bus.FaultReaction));
        Assert.Equal([0, 1, 2, 3, 4, 5], bus.Servos.Select(s => s.Id));
        Assert.False(config.IsSimulated);
    }

    [Fact]
    public void Start_Cia402EtherCatArmWithInterfaceSim_HoldsWithNoFault()
    {
        string file = RobotConfigLoaderTests.Hardware("cia402-ethercat-arm/robot.yaml");
        string text = File.ReadAllText(file).Replace("interface: eth0", "interface: sim").Replace("cpu: 3 ", "cpu: -1 ")
            + "\nplant:\n  armature_kgm2: 0.01\n";
        RobotConfig config = RobotConfigLoader.Parse(text, file);
        using var runtime = RobotRuntime.Build(config, new RuntimeOptions { RealtimeSetup = true });
        runtime.Start();
        RuntimeStatus first = WaitFor(runtime, s => s.Cycles >= 200);
        RuntimeStatus status = WaitFor(runtime, s => s.Cycles >= first.Cycles + 300);
        runtime.Stop();

        Assert.True(status.Cycles >= first.Cycles + 300, $"only {status.Cycles} cycles ran within the test's patience (60 s)");
        var bus = Assert.Single(status.Buses);
        Assert.True(bus.State == DeviceState.Active, $"bus {bus.Name}: {bus.State}, {bus.Faults} counted fault(s)");
        Assert.Equal(SafetyState.Normal, status.Safety);
        AssertHolds(first, status, 6);
    }

    [Fact]
    public void Start_Cia402ArmOnSimulatedCan_HoldsWithNoFault()
    {
        // The same six drives as CiA 402 nodes 1..6 on a CAN bus: CanTwinHost drive twins on an in-process virtual bus.
        // A CiA 402 cycle is 4 frames per drive + SYNC, about 3 ms of a 1 Mbit/s wire for six drives: the loop runs at 250 Hz.
        string file = RobotConfigLoaderTests.Hardware("cia402-ethercat-arm/robot.yaml");
        string text = File.ReadAllText(file).Replace("type: cia402-ethercat", "type: cia402-can").Replace("interface: eth0", "interface: sim")
            .Replace("  pacing: dc ", "  pacing: clock ").Replace("    distributed_clocks:", "    # distributed_clocks:")
            .Replace("    fault_reaction: hold", "    bitrate: 1000000 #").Replace("cpu: 3 ", "cpu: -1 ").Replace("rate_hz: 1000", "rate_hz: 250") + "\nplant:\n  armature_kgm2: 0.01\n";
        for (int id = 5; id >= 0; id--)
        {
            text = text.Replace($"{{ id: {id},", $"{{ id: {id + 1},");
        }

        RobotConfig config = RobotConfigLoader.Parse(text, file);
        Assert.Equal(("cia402-can", 1), (config.Buses[0].Type, config.Buses[0].Servos[0].Id));
        using var runtime = RobotRuntime.Build(config, new RuntimeOptions { RealtimeSetup = true });
        runtime.Start();
        RuntimeStatus first = WaitFor(runtime, s => s.Cycles >= 200);
        RuntimeStatus status = WaitFor(runtime, s => s.Cycles >= first.Cycles + 300);
        runtime.Stop();

        Assert.True(status.Cycles >= first.Cycles + 300, $"only {status.Cycles} cycles ran within the test's patience (60 s)");
        var bus = Assert.Single(status.Buses);
        Assert.True(bus.State == DeviceState.Active, $"bus {bus.Name}: {bus.State}, {bus.Faults} counted fault(s)");
        AssertHolds(first, status, 6);
    }

    private static void AssertHolds(RuntimeStatus first, RuntimeStatus status, int joints)
    {
        Assert.Equal(joints, status.Joints.Count);
        string Pose(RuntimeStatus s) => string.Join("; ", s.Joints.Select(j => $"{j.Name} {j.PositionRad:F3} (cmd {j.CommandRad:F3})"));
        for (int j = 0; j < joints; j++)
        {
            Assert.True(Math.Abs(status.Joints[j].PositionRad - first.Joints[j].PositionRad) < 0.05, $"drifted from [{Pose(first)}] to [{Pose(status)}]");
            Assert.True(Math.Abs(status.Joints[j].PositionRad - status.Joints[j].CommandRad) < 0.15, $"not holding its command: [{Pose(status)}]");
        }
    }

    private static RuntimeStatus WaitFor(RobotRuntime runtime, Func<RuntimeStatus, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        RuntimeStatus status = runtime.Status();
        while (!condition(status) && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(50);
            status = runtime.Status();
        }

        return status;
    }
}
