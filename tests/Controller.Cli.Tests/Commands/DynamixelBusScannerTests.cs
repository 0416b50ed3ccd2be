using Controller.Cli.Commands;
using Controller.Hardware.Protocols.Dynamixel;
using Controller.Hardware.Simulation;
using Controller.Hardware.Simulation.Dynamixel;
using Controller.Hardware.Transports.Serial;

namespace Controller.Cli.Tests.Commands;

/// <summary>The scanner's two pings through a real SerialPort on a pseudo-terminal, against the chain twin.</summary>
public sealed class DynamixelBusScannerTests
{
    [Fact]
    public void Ping_PresentAndAbsentIds_ReturnsModelAndFirmwareOrNull()
    {
        var plant = new IndependentJointPlant(2);
        using var twin = DynamixelChainTwin.StartOnNewPseudoTerminal(plant, [new DynamixelTwinServo(4, DynamixelModels.XL430W250, 0), new DynamixelTwinServo(9, DynamixelModels.XM430W210, 1)]);
        using var link = SerialTransport.Open(twin.PortPath, 2_000_000);
        var scanner = new DynamixelBusScanner(link, TimeSpan.FromMilliseconds(50));

        var four = scanner.Ping(4);
        var five = scanner.Ping(5);
        var nine = scanner.Ping(9);

        Assert.Equal(new FoundServo(4, 1060, "XL430-W250", (byte)twin.Servo(4).ReadRegister(XSeriesControlTable.FirmwareVersion), 2_000_000, false), four);
        Assert.Null(five);
        Assert.Equal((ushort)1030, nine?.ModelNumber);
        Assert.Equal("XM430-W210", nine?.ModelName);
    }

    [Fact]
    public void BroadcastPing_ServoWithOverloadLatched_ReportsHardwareAlert()
    {
        var plant = new IndependentJointPlant(2);
        using var twin = DynamixelChainTwin.StartOnNewPseudoTerminal(plant, [new DynamixelTwinServo(1, DynamixelModels.XM430W350, 0), new DynamixelTwinServo(2, DynamixelModels.XM430W350, 1)]);
        twin.InjectFault(2, DynamixelTwinFaults.Overload);
        using var link = SerialTransport.Open(twin.PortPath, 1_000_000);
        var scanner = new DynamixelBusScanner(link, TimeSpan.FromMilliseconds(50));

        var found = scanner.BroadcastPing();

        Assert.Equal(new byte[] { 1, 2 }, found.Select(s => s.Id));
        Assert.False(found[0].HardwareAlert);
        Assert.True(found[1].HardwareAlert);
    }
}
