using Controller.Hardware.Devices;
using Controller.Hardware.Devices.Dynamixel;
using Controller.Hardware.Protocols.Dynamixel;
using Controller.Hardware.Simulation.Dynamixel;
using Controller.Pipeline.Messages;

namespace Controller.Hardware.Tests.Devices.Dynamixel;

/// <summary>The driver against the chain twin through a real serial port on a pseudo-terminal.</summary>
public class DynamixelGroupDriverTests
{
    private static JointCommand PositionCommand(double rad)
    {
        var c = new JointCommand { JointCount = 3, Mode = ControlMode.Position };
        for (int i = 0; i < 3; i++) c.Position[i] = rad;
        return c;
    }

    /// <summary>Runs read+write cycles until <paramref name="done"/> or a cycle budget runs out; returns the last read status.</summary>
    private static BusStatus RunCycles(JointBus bus, JointBusWriter? writer, JointCommand command, ref JointState state, int maxCycles, Func<JointState, bool>? done = null)
    {
        var status = BusStatus.Ok;
        for (int i = 0; i < maxCycles; i++)
        {
            status = bus.Read(ref state);
            writer?.Write(command);
            if (done is not null && done(state)) break;
            Thread.Sleep(1);
        }
        return status;
    }

    [Fact]
    public void Open_AllServosPresent_ConfiguresAndReadsState()
    {
        using var chain = new DynamixelTestChain();
        chain.Plant.SetPositionRad(1, 0.5);
        var driver = new DynamixelGroupDriver(chain.Options());
        var bus = new JointBus(driver, 2);
        bus.Configure();
        var state = new JointState();

        Assert.Equal(BusStatus.Ok, bus.Read(ref state));

        Assert.Equal(0.5, state.Position[3], 2);
        Assert.Equal(0b11100UL, state.FreshMask);
        bus.Stop();
    }

    [Fact]
    public void Open_WrongModel_ThrowsNamingIdAndBothModels()
    {
        using var chain = new DynamixelTestChain();
        var driver = new DynamixelGroupDriver(chain.Options(model: DynamixelModels.XL430W250));

        var e = Assert.Throws<IOException>(driver.Open);

        Assert.Contains("servo id 1 is model number 1020 (XM430-W350)", e.Message);
        Assert.Contains("expects 1060 (XL430-W250)", e.Message);
        driver.Close();
    }

    [Fact]
    public void Open_MissingServo_ThrowsNamingIt()
    {
        using var chain = new DynamixelTestChain();
        var driver = new DynamixelGroupDriver(chain.Options(ids: [1, 7]) with { PingAttempts = 1 });

        var e = Assert.Throws<IOException>(driver.Open);

        Assert.Contains("servo id 7 did not answer", e.Message);
        driver.Close();
    }

    [Fact]
    public void Options_CurrentModeOnModelWithoutCurrentSensing_Throws()
    {
        var options = new DynamixelBusOptions
        {
            PortName = "/dev/null",
            Servos = [new DynamixelServoConfig(1, DynamixelModels.XL430W250)],
            OperatingMode = DynamixelOperatingMode.Current,
        };
        Assert.Contains("XL430-W250", Assert.Throws<ArgumentException>(() => new DynamixelGroupDriver(options)).Message);
    }

    [Fact]
    public void PositionCommands_ServoLoopsTrackThemOnThePlant()
    {
        using var chain = new DynamixelTestChain();
        var driver = new DynamixelGroupDriver(chain.Options());
        var bus = new JointBus(driver, 0);
        bus.Configure();
        var writer = bus.Activate();
        Assert.Equal(1, chain.Twin.Servo(2).ReadRegister(XSeriesControlTable.TorqueEnable));
        var state = new JointState();

        RunCycles(bus, writer, PositionCommand(0.8), ref state, 3000, s => Math.Abs(s.Position[2] - 0.8) < 0.01 && Math.Abs(s.Velocity[2]) < 0.05);

        for (int j = 0; j < 3; j++) Assert.Equal(0.8, chain.Plant.GetPositionRad(j), 1);
        Assert.Equal(0.8, state.Position[2], 1);
        Assert.Equal(DynamixelUnits.RadToPulses(0.8), chain.Twin.Servo(3).ReadRegister(XSeriesControlTable.GoalPosition));
        bus.Stop();
        Assert.Equal(0, WaitTorqueOff(chain));
    }

    private static int WaitTorqueOff(DynamixelTestChain chain)
    {
        for (int i = 0; i < 200 && chain.Twin.Servos.Any(s => s.ReadRegister(XSeriesControlTable.TorqueEnable) != 0); i++) Thread.Sleep(5);
        return chain.Twin.Servos.Sum(s => s.ReadRegister(XSeriesControlTable.TorqueEnable));
    }

    [Fact]
    public void EffortCommands_InCurrentMode_ReachThePlantAsTorque()
    {
        using var chain = new DynamixelTestChain();
        var driver = new DynamixelGroupDriver(chain.Options(DynamixelOperatingMode.Current));
        var bus = new JointBus(driver, 0);
        bus.Configure();
        var writer = bus.Activate();
        var command = new JointCommand { JointCount = 3, Mode = ControlMode.Effort };
        command.Effort[0] = 0.3;
        command.Effort[1] = -0.2;
        var state = new JointState();

        RunCycles(bus, writer, command, ref state, 500, s => Math.Abs(s.Effort[0] - 0.3) < 0.01 && Math.Abs(s.Effort[1] + 0.2) < 0.01);

        Assert.Equal(0.3, chain.Plant.GetActuatorTorqueNm(0), 2);
        Assert.Equal(-0.2, state.Effort[1], 2);
        Assert.Equal(0, state.Effort[2], 3);
        bus.Stop();
    }

    [Fact]
    public void Write_PositionCommandToCurrentModeGroup_IsUnsupported()
    {
        using var chain = new DynamixelTestChain();
        var bus = new JointBus(new DynamixelGroupDriver(chain.Options(DynamixelOperatingMode.Current)), 0);
        bus.Configure();
        var writer = bus.Activate();
        Assert.Equal(BusStatus.UnsupportedMode, writer.Write(PositionCommand(0.1)));
        bus.Stop();
    }

    [Fact]
    public void Cycle_ThousandsOfSyncReadsAndWrites_DoNotAllocate()
    {
        using var chain = new DynamixelTestChain();
        var driver = new DynamixelGroupDriver(chain.Options());
        var bus = new JointBus(driver, 0);
        bus.Configure();
        var writer = bus.Activate();
        var command = PositionCommand(0.2);
        var state = new JointState();
        int notOk = 0;
        for (int i = 0; i < 20; i++) { bus.Read(ref state); writer.Write(command); }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 2000; i++)
        {
            if (bus.Read(ref state) != BusStatus.Ok) notOk++;
            writer.Write(command);
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        // A starved twin thread on a loaded machine may miss a deadline; that path must not allocate either.
        Assert.InRange(notOk, 0, 200);
        Assert.Equal(2020, driver.Cycles);
        bus.Stop();
    }
}
