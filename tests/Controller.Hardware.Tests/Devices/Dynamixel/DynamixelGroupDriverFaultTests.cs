using Controller.Hardware.Devices;
using Controller.Hardware.Devices.Dynamixel;
using Controller.Hardware.Protocols.Dynamixel;
using Controller.Hardware.Simulation.Dynamixel;
using Controller.Pipeline.Messages;

namespace Controller.Hardware.Tests.Devices.Dynamixel;

/// <summary>Every fault the twin injects becomes a counted fault and the defined reaction, through a real serial port.</summary>
public class DynamixelGroupDriverFaultTests
{
    private static readonly JointCommand Hold = new() { JointCount = 3, Mode = ControlMode.Hold };

    private static (DynamixelGroupDriver Driver, JointBus Bus, JointBusWriter Writer) Activate(DynamixelTestChain chain)
    {
        var driver = new DynamixelGroupDriver(chain.Options());
        var bus = new JointBus(driver, 0);
        bus.Configure();
        var writer = bus.Activate();
        var state = new JointState();
        Assert.Equal(BusStatus.Ok, bus.Read(ref state));
        return (driver, bus, writer);
    }

    [Fact]
    public void NoReply_OneServo_TimeoutCountedStaleBitClearedThenLostAndFaulted()
    {
        using var chain = new DynamixelTestChain();
        var (driver, bus, writer) = Activate(chain);
        var state = new JointState();
        chain.Twin.InjectFault(2, DynamixelTwinFaults.NoReply);

        Assert.Equal(BusStatus.Timeout, bus.Read(ref state));
        Assert.Equal(0b101UL, state.FreshMask);
        Assert.Equal(1, driver.Timeouts);
        Assert.Equal(DeviceState.Active, bus.State);

        Assert.Equal(BusStatus.Timeout, bus.Read(ref state));
        Assert.Equal(BusStatus.DeviceLost, bus.Read(ref state));

        Assert.Equal(1, driver.LostEvents);
        Assert.Equal(DeviceState.Faulted, bus.State);
        Assert.Equal(BusStatus.NotActive, writer.Write(Hold));
        bus.Stop();
    }

    [Fact]
    public void CorruptCrc_OneServo_ChecksumErrorCountedNotTakenAsData()
    {
        using var chain = new DynamixelTestChain();
        var (driver, bus, _) = Activate(chain);
        var state = new JointState();
        chain.Twin.InjectFault(3, DynamixelTwinFaults.CorruptCrc);

        Assert.Equal(BusStatus.ChecksumError, bus.Read(ref state));

        Assert.Equal(1, driver.ChecksumErrors);
        Assert.Equal(0, driver.Timeouts);
        Assert.Equal(0b011UL, state.FreshMask);
        Assert.Equal(1, bus.Faults);

        chain.Twin.InjectFault(3, DynamixelTwinFaults.None);
        Assert.Equal(BusStatus.Ok, bus.Read(ref state));
        bus.Stop();
    }

    [Fact]
    public void DamagedRequest_ServoReportsCrcError_CountedAsChecksumErrorAndStale()
    {
        using var chain = new DynamixelTestChain();
        var (driver, bus, _) = Activate(chain);
        var state = new JointState();
        chain.Twin.InjectFault(2, DynamixelTwinFaults.DamagedRequests);

        Assert.Equal(BusStatus.ChecksumError, bus.Read(ref state));

        Assert.Equal(1, driver.ChecksumErrors);
        Assert.Equal(0, driver.StatusErrors);
        Assert.Equal(0b101UL, state.FreshMask);
        Assert.Equal(DeviceState.Active, bus.State);
        bus.Stop();
    }

    [Fact]
    public void Overload_AlertBitGivesDeviceFault_RecoverRebootsAndActivationResumes()
    {
        using var chain = new DynamixelTestChain();
        var (driver, bus, _) = Activate(chain);
        var state = new JointState();
        chain.Twin.InjectFault(1, DynamixelTwinFaults.Overload);

        Assert.Equal(BusStatus.DeviceFault, bus.Read(ref state));

        Assert.Equal(1, driver.HardwareAlerts);
        Assert.Equal(DeviceState.Faulted, bus.State);
        Assert.Equal(0, chain.Twin.Servo(1).ReadRegister(XSeriesControlTable.TorqueEnable));
        Assert.Equal((int)DynamixelHardwareErrors.Overload, chain.Twin.Servo(1).ReadRegister(XSeriesControlTable.HardwareErrorStatus));

        bus.Recover();

        Assert.Equal(1, chain.Twin.Servo(1).Reboots);
        Assert.Equal(0, chain.Twin.Servo(2).Reboots);
        Assert.Equal(DeviceState.Configured, bus.State);
        var writer = bus.Activate();
        Assert.Equal(BusStatus.Ok, bus.Read(ref state));
        Assert.Equal(BusStatus.Ok, writer.Write(Hold));
        Assert.Equal(1, chain.Twin.Servo(1).ReadRegister(XSeriesControlTable.TorqueEnable));
        bus.Stop();
    }

    [Fact]
    public void Disconnect_WholeChain_TimeoutsThenLost_ReconnectAndRecoverResumes()
    {
        using var chain = new DynamixelTestChain();
        var (driver, bus, _) = Activate(chain);
        var state = new JointState();
        chain.Twin.Disconnected = true;

        Assert.Equal(BusStatus.Timeout, bus.Read(ref state));
        Assert.Equal(0UL, state.FreshMask);
        bus.Read(ref state);
        Assert.Equal(BusStatus.DeviceLost, bus.Read(ref state));
        Assert.Equal(9, driver.Timeouts);
        Assert.Equal(3, driver.LostEvents);
        Assert.Equal(DeviceState.Faulted, bus.State);

        chain.Twin.Disconnected = false;
        bus.Recover();
        bus.Activate();
        Assert.Equal(BusStatus.Ok, bus.Read(ref state));
        Assert.Equal(0b111UL, state.FreshMask);
        bus.Stop();
    }

    [Fact]
    public void NaNPosition_IsReplacedByLastPositionAndCounted()
    {
        using var chain = new DynamixelTestChain();
        var (driver, bus, writer) = Activate(chain);
        var command = new JointCommand { JointCount = 3, Mode = ControlMode.Position };
        command.Position[0] = double.NaN;

        Assert.Equal(BusStatus.Ok, writer.Write(command));

        Assert.Equal(1, driver.RejectedSetPoints);
        var state = new JointState();
        for (int i = 0; i < 100 && chain.Twin.InstructionsReceived < 20; i++) bus.Read(ref state);
        var servo = chain.Twin.Servo(1);
        Assert.InRange(servo.ReadRegister(XSeriesControlTable.GoalPosition) - servo.ReadRegister(XSeriesControlTable.PresentPosition), -3, 3);
        bus.Stop();
    }
}
