using Controller.Hardware.Devices;
using Controller.Hardware.Devices.Feetech;
using Controller.Hardware.Protocols.Feetech;
using Controller.Hardware.Simulation.Feetech;
using Controller.Pipeline.Messages;

namespace Controller.Hardware.Tests.Devices.Feetech;

/// <summary>The driver against the chain twin through a real serial port on a pseudo-terminal.</summary>
public class FeetechGroupDriverTests
{
    private static JointCommand PositionCommand(double rad)
    {
        var c = new JointCommand { JointCount = 3, Mode = ControlMode.Position };
        for (int i = 0; i < 3; i++) c.Position[i] = rad;
        return c;
    }

    private static void RunCycles(JointBus bus, JointBusWriter? writer, JointCommand command, ref JointState state, int maxCycles, Func<JointState, bool>? done = null)
    {
        for (int i = 0; i < maxCycles; i++)
        {
            bus.Read(ref state);
            writer?.Write(command);
            if (done is not null && done(state)) break;
            Thread.Sleep(1);
        }
    }

    [Fact]
    public void Open_AllServosPresent_ConfiguresAndReadsState()
    {
        using var chain = new FeetechTestChain();
        chain.Plant.SetPositionRad(1, 0.5);
        var bus = new JointBus(new FeetechGroupDriver(chain.Options()), 2);
        bus.Configure();
        var state = new JointState();

        Assert.Equal(BusStatus.Ok, bus.Read(ref state));

        Assert.Equal(0.5, state.Position[3], 2);
        Assert.Equal(0b11100UL, state.FreshMask);
        bus.Stop();
    }

    [Fact]
    public void Open_WrongModelNumber_ThrowsNamingIdAndBothNumbers()
    {
        using var chain = new FeetechTestChain();
        var driver = new FeetechGroupDriver(chain.Options() with { ModelNumber = 2825 });

        var e = Assert.Throws<IOException>(driver.Open);

        Assert.Contains("servo id 1 is model number 777", e.Message);
        Assert.Contains("expects 2825", e.Message);
        driver.Close();
    }

    [Fact]
    public void Open_MissingServo_ThrowsNamingIt()
    {
        using var chain = new FeetechTestChain();
        var driver = new FeetechGroupDriver(chain.Options(servos: [new(1), new(9)]) with { PingAttempts = 1 });

        var e = Assert.Throws<IOException>(driver.Open);

        Assert.Contains("servo id 9 did not answer", e.Message);
        driver.Close();
    }

    [Theory]
    [InlineData(FeetechOperatingMode.Pwm)]
    [InlineData(FeetechOperatingMode.Step)]
    public void Options_PwmOrStepMode_RefusedNamingTheMode(FeetechOperatingMode mode)
    {
        var options = new FeetechBusOptions { PortName = "/dev/null", Servos = [new FeetechServoConfig(1)], OperatingMode = mode };
        var e = Assert.Throws<ArgumentException>(() => new FeetechGroupDriver(options));
        Assert.Contains($"operating mode {mode} is not supported", e.Message);
    }

    [Fact]
    public void Options_BaudAboveOneMegabit_RefusedWithRange()
    {
        var options = new FeetechBusOptions { PortName = "/dev/null", Servos = [new FeetechServoConfig(1)], BaudRate = 4_000_000 };
        Assert.Contains("between 9600 and 1000000", Assert.Throws<ArgumentException>(() => new FeetechGroupDriver(options)).Message);
    }

    [Fact]
    public void PositionCommands_ServoLoopsTrackThemOnThePlant_TorqueOffOnStop()
    {
        using var chain = new FeetechTestChain();
        var bus = new JointBus(new FeetechGroupDriver(chain.Options()), 0);
        bus.Configure();
        var writer = bus.Activate();
        Assert.Equal(1, chain.Twin.Servo(2).ReadRegister(StsControlTable.TorqueEnable));
        Assert.Equal(1, chain.Twin.Servo(2).ReadRegister(StsControlTable.Lock));
        var state = new JointState();

        RunCycles(bus, writer, PositionCommand(0.8), ref state, 3000, s => Math.Abs(s.Position[2] - 0.8) < 0.01 && Math.Abs(s.Velocity[2]) < 0.05);

        for (int j = 0; j < 3; j++) Assert.Equal(0.8, chain.Plant.GetPositionRad(j), 1);
        Assert.Equal(0.8, state.Position[2], 1);
        Assert.Equal(FeetechUnits.RadToSteps(0.8), chain.Twin.Servo(3).ReadRegister(StsControlTable.GoalPosition));
        bus.Stop();
        for (int i = 0; i < 200 && chain.Twin.Servos.Any(s => s.ReadRegister(StsControlTable.TorqueEnable) != 0); i++) Thread.Sleep(5);
        Assert.All(chain.Twin.Servos, s => Assert.Equal(0, s.ReadRegister(StsControlTable.TorqueEnable)));
    }

    [Fact]
    public void VelocityCommands_InVelocityMode_NegativeVelocityIsSignMagnitudeOnTheWire()
    {
        using var chain = new FeetechTestChain();
        var bus = new JointBus(new FeetechGroupDriver(chain.Options(FeetechOperatingMode.Velocity)), 0);
        bus.Configure();
        var writer = bus.Activate();
        var command = new JointCommand { JointCount = 3, Mode = ControlMode.Velocity };
        command.Velocity[0] = -1.0;
        var state = new JointState();

        RunCycles(bus, writer, command, ref state, 2000, s => s.Velocity[0] < -0.9 && s.Position[0] < -0.05);

        Assert.Equal((int)FeetechOperatingMode.Velocity, chain.Twin.Servo(1).ReadRegister(StsControlTable.OperatingMode));
        Assert.Equal(FeetechUnits.RadPerSecToStepsPerSec(-1.0), chain.Twin.Servo(1).ReadRegister(StsControlTable.GoalVelocity));
        Assert.InRange(state.Velocity[0], -1.1, -0.9);
        Assert.True(chain.Plant.GetPositionRad(0) < -0.05);
        Assert.Equal(BusStatus.UnsupportedMode, writer.Write(PositionCommand(0.1)));
        bus.Stop();
    }

    [Fact]
    public void Write_EffortCommand_IsUnsupported()
    {
        using var chain = new FeetechTestChain();
        var bus = new JointBus(new FeetechGroupDriver(chain.Options()), 0);
        bus.Configure();
        var writer = bus.Activate();
        Assert.Equal(BusStatus.UnsupportedMode, writer.Write(new JointCommand { JointCount = 3, Mode = ControlMode.Effort }));
        bus.Stop();
    }

    [Fact]
    public void Cycle_ThousandsOfSyncReadsAndWrites_DoNotAllocate()
    {
        using var chain = new FeetechTestChain();
        var driver = new FeetechGroupDriver(chain.Options());
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
        Assert.InRange(notOk, 0, 200);
        Assert.Equal(2020, driver.Cycles);
        bus.Stop();
    }
}
