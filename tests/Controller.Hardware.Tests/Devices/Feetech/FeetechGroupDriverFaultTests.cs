using Controller.Hardware.Devices;
using Controller.Hardware.Devices.Feetech;
using Controller.Hardware.Protocols.Feetech;
using Controller.Hardware.Simulation.Feetech;
using Controller.Pipeline.Messages;

namespace Controller.Hardware.Tests.Devices.Feetech;

/// <summary>Every fault the twin injects becomes a counted fault and the defined reaction, through a real serial port.</summary>
public class FeetechGroupDriverFaultTests
{
    private static readonly JointCommand Hold = new() { JointCount = 3, Mode = ControlMode.Hold };

    private static (FeetechGroupDriver Driver, JointBus Bus, JointBusWriter Writer) Activate(FeetechTestChain chain)
    {
        var driver = new FeetechGroupDriver(chain.Options());
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
        using var chain = new FeetechTestChain();
        var (driver, bus, writer) = Activate(chain);
        var state = new JointState();
        chain.Twin.InjectFault(2, FeetechTwinFaults.NoReply);

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
    public void CorruptChecksum_OneServo_ChecksumErrorCountedNotTakenAsData()
    {
        using var chain = new FeetechTestChain();
        var (driver, bus, _) = Activate(chain);
        var state = new JointState();
        chain.Twin.InjectFault(3, FeetechTwinFaults.CorruptChecksum);

        Assert.Equal(BusStatus.ChecksumError, bus.Read(ref state));

        Assert.Equal(1, driver.ChecksumErrors);
        Assert.Equal(0, driver.Timeouts);
        Assert.Equal(0b011UL, state.FreshMask);
        Assert.Equal(DeviceState.Active, bus.State);

        chain.Twin.InjectFault(3, FeetechTwinFaults.None);
        Assert.Equal(BusStatus.Ok, bus.Read(ref state));
        bus.Stop();
    }

    [Fact]
    public void Overload_ErrorBitGivesDeviceFault_RecoverReleasesItAndActivationResumes()
    {
        using var chain = new FeetechTestChain();
        var (driver, bus, _) = Activate(chain);
        var state = new JointState();
        chain.Twin.InjectFault(1, FeetechTwinFaults.Overload);

        Assert.Equal(BusStatus.DeviceFault, bus.Read(ref state));

        Assert.Equal(1, driver.ServoErrors);
        Assert.Equal(FeetechStatusErrors.Overload, driver.LastErrors(0));
        Assert.Equal(DeviceState.Faulted, bus.State);
        Assert.Equal(0, chain.Twin.Servo(1).ReadRegister(StsControlTable.TorqueEnable));
        Assert.Equal(0b110UL, state.FreshMask);

        bus.Recover();

        Assert.Equal(DeviceState.Configured, bus.State);
        var writer = bus.Activate();
        Assert.Equal(BusStatus.Ok, bus.Read(ref state));
        Assert.Equal(BusStatus.Ok, writer.Write(Hold));
        Assert.Equal(1, chain.Twin.Servo(1).ReadRegister(StsControlTable.TorqueEnable));
        bus.Stop();
    }

    [Fact]
    public void PersistentVoltageError_DeviceFault_RecoverThrowsNamingTheError()
    {
        using var chain = new FeetechTestChain();
        var (driver, bus, _) = Activate(chain);
        var state = new JointState();
        chain.Twin.SetErrorBits(2, FeetechStatusErrors.Voltage);

        Assert.Equal(BusStatus.DeviceFault, bus.Read(ref state));
        Assert.Equal(FeetechStatusErrors.Voltage, driver.LastErrors(1));

        var e = Assert.ThrowsAny<Exception>(bus.Recover);
        Assert.Contains("servo id 2 still reports Voltage", e.ToString());

        chain.Twin.SetErrorBits(2, FeetechStatusErrors.None);
        bus.Stop();
    }

    [Fact]
    public void Disconnect_WholeChain_TimeoutsThenLost_ReconnectAndRecoverResumes()
    {
        using var chain = new FeetechTestChain();
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
        using var chain = new FeetechTestChain();
        var (driver, bus, writer) = Activate(chain);
        var command = new JointCommand { JointCount = 3, Mode = ControlMode.Position };
        command.Position[0] = double.NaN;

        Assert.Equal(BusStatus.Ok, writer.Write(command));

        Assert.Equal(1, driver.RejectedSetPoints);
        var state = new JointState();
        for (int i = 0; i < 100 && chain.Twin.InstructionsReceived < 40; i++) bus.Read(ref state);
        var servo = chain.Twin.Servo(1);
        Assert.InRange(servo.ReadRegister(StsControlTable.GoalPosition) - servo.ReadRegister(StsControlTable.PresentPosition), -3, 3);
        bus.Stop();
    }

    [Fact]
    public void InfinitePosition_SaturatesAtTheCalibratedLimit()
    {
        var calibration = new FeetechMotorCalibration(1, 0, 0, 1000, 3000);
        using var chain = new FeetechTestChain();
        var options = chain.Options(servos: [new(1, calibration), new(2), new(3)]);
        var bus = new JointBus(new FeetechGroupDriver(options), 0);
        bus.Configure();
        var writer = bus.Activate();
        var command = new JointCommand { JointCount = 3, Mode = ControlMode.Position };
        command.Position[0] = double.PositiveInfinity;
        var state = new JointState();

        Assert.Equal(BusStatus.Ok, writer.Write(command));
        for (int i = 0; i < 100 && chain.Twin.Servo(1).ReadRegister(StsControlTable.GoalPosition) != 3000; i++) { bus.Read(ref state); Thread.Sleep(1); }

        Assert.Equal(3000, chain.Twin.Servo(1).ReadRegister(StsControlTable.GoalPosition));
        bus.Stop();
    }
}
