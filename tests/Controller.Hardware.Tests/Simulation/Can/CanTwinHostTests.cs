using System.Diagnostics;
using Controller.Hardware.Devices;
using Controller.Hardware.Devices.Cia402;
using Controller.Hardware.Devices.Mit;
using Controller.Hardware.Protocols.Cia402;
using Controller.Hardware.Protocols.Mit;
using Controller.Hardware.Simulation;
using Controller.Hardware.Simulation.Can;
using Controller.Pipeline.Messages;
using Controller.Pipeline.Time;

namespace Controller.Hardware.Tests.Simulation.Can;

public class CanTwinHostTests
{
    private static readonly Cia402Scaling Scaling = new(131072, 10, 1.0);

    [Fact]
    public void StartedHost_DriversOnAnotherThread_ReachTheirTargets()
    {
        var plant = new IndependentJointPlant(3, inertiaKgM2: 0.02, dampingNmsPerRad: 0.1);
        using var host = new CanTwinHost(plant, MonotonicClock.Instance, stepPlant: plant.Step);
        host.AddCia402Drive(1, 0, Scaling);
        host.AddCia402Drive(2, 1, Scaling);
        host.AddMitActuator(3, MitActuatorModel.CubeMarsAk80_9, 2);
        var cia402 = new JointBus(new Cia402CanDriver("arm", host.AddNode("master-402"),
            [new Cia402DriveConfig(1, Scaling), new Cia402DriveConfig(2, Scaling)], MonotonicClock.Instance,
            new Cia402BusOptions { MaxMissedCycles = 100, HeartbeatTimeoutNs = 2_000_000_000 }), 0);
        var mit = new JointBus(new MitGroupDriver("leg", host.AddNode("master-mit"),
            [new MitActuatorConfig(3, MitActuatorModel.CubeMarsAk80_9) { PositionKp = 10, PositionKd = 0.5 }], MonotonicClock.Instance,
            new MitBusOptions { MaxMissedCycles = 100 }), 2);
        host.Start();
        cia402.Configure();
        mit.Configure();
        var armWriter = cia402.Activate();
        var legWriter = mit.Activate();
        var command = new JointCommand { JointCount = 3, Mode = ControlMode.Position };
        command.Position[0] = 0.2;
        command.Position[1] = -0.2;
        command.Position[2] = 0.3;
        var state = new JointState();
        var watch = Stopwatch.StartNew();
        // Bounded only so that a broken chain fails instead of hanging; nothing here asserts a duration.
        while (watch.ElapsedMilliseconds < 5000
               && !(Math.Abs(plant.GetPositionRad(0) - 0.2) < 0.01 && Math.Abs(plant.GetPositionRad(1) + 0.2) < 0.01 && Math.Abs(plant.GetPositionRad(2) - 0.3) < 0.01))
        {
            cia402.Read(ref state);
            mit.Read(ref state);
            armWriter.Write(command);
            legWriter.Write(command);
            Thread.Sleep(1);
        }
        Assert.Equal(0.2, plant.GetPositionRad(0), 1);
        Assert.Equal(-0.2, plant.GetPositionRad(1), 1);
        Assert.Equal(0.3, plant.GetPositionRad(2), 1);
        Assert.Equal(DeviceState.Active, cia402.State);
        Assert.Equal(DeviceState.Active, mit.State);
        cia402.Stop();
        mit.Stop();
        Assert.All(host.Drives, d => Assert.Equal(Cia402State.SwitchOnDisabled, d.StateMachine.State));
        Assert.False(host.Actuators[0].Enabled);
    }

    [Fact]
    public void AddTwin_AfterStart_Throws()
    {
        var plant = new IndependentJointPlant(1);
        using var host = new CanTwinHost(plant, MonotonicClock.Instance);
        host.Start();
        Assert.Throws<InvalidOperationException>(() => host.AddMitActuator(1, MitActuatorModel.MiniCheetah, 0));
    }
}
