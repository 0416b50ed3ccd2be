using Controller.Hardware.Devices;
using Controller.Hardware.Devices.Feetech;
using Controller.Hardware.Protocols.Feetech;
using Controller.Hardware.Simulation.Feetech;
using Controller.Pipeline.Messages;

namespace Controller.Hardware.Tests.Devices.Feetech;

/// <summary>A LeRobot calibration applied by the driver: written to the servos on Open, used for every conversion.</summary>
public class FeetechCalibrationDriverTests
{
    // The worked example of Devices/Feetech/README.md: homing offset -1000, range [750, 3300], mid 2025.
    private static readonly FeetechMotorCalibration Example = new(1, 0, -1000, 750, 3300);

    [Fact]
    public void Open_CalibrationDiffersFromServo_WritesHomingOffsetAndLimitsThenLocks()
    {
        using var chain = new FeetechTestChain();
        var options = chain.Options(servos: [new(1, Example), new(2), new(3)]);
        var bus = new JointBus(new FeetechGroupDriver(options), 0);

        bus.Configure();

        var servo = chain.Twin.Servo(1);
        Assert.Equal(-1000, servo.ReadRegister(StsControlTable.HomingOffset));
        Assert.Equal(750, servo.ReadRegister(StsControlTable.MinPositionLimit));
        Assert.Equal(3300, servo.ReadRegister(StsControlTable.MaxPositionLimit));
        Assert.Equal(1, servo.ReadRegister(StsControlTable.Lock));
        bus.Stop();
    }

    [Fact]
    public void Read_ArmMountedAsCalibrated_JointRadiansMatchThePlantAndLeRobotDegrees()
    {
        // The horn sits so that the plant's 0 rad is actual step mid + homing offset = 2025 - 1000 = 1025.
        using var chain = new FeetechTestChain(servo: (id, joint) => new FeetechTwinServo(id, joint, ActualStepAtZero: id == 1 ? 1025 : 2048));
        chain.Plant.SetPositionRad(0, Math.PI / 4);
        var options = chain.Options(servos: [new(1, Example), new(2), new(3)]);
        var bus = new JointBus(new FeetechGroupDriver(options), 0);
        bus.Configure();
        var state = new JointState();

        Assert.Equal(BusStatus.Ok, bus.Read(ref state));

        // Actual step 1025 + 512 = 1537; Present = 1537 - (-1000) = 2537; (2537 - 2025) · 2π/4096 = π/4.
        int present = chain.Twin.Servo(1).ReadRegister(StsControlTable.PresentPosition);
        Assert.Equal(2537, present);
        Assert.Equal(Math.PI / 4, state.Position[0], 9);
        Assert.Equal(Example.ToLeRobotDegrees(present), FeetechMotorCalibration.RadToLeRobotDegrees(state.Position[0]), 9);
        bus.Stop();
    }

    [Fact]
    public void PositionCommand_InvertedDriveMode_MovesThePlantTheOtherWay()
    {
        var inverted = Example with { DriveMode = 1 };
        using var chain = new FeetechTestChain(servo: (id, joint) => new FeetechTwinServo(id, joint, ActualStepAtZero: id == 1 ? 1025 : 2048));
        var options = chain.Options(servos: [new(1, inverted), new(2), new(3)]);
        var bus = new JointBus(new FeetechGroupDriver(options), 0);
        bus.Configure();
        var writer = bus.Activate();
        var command = new JointCommand { JointCount = 3, Mode = ControlMode.Position };
        command.Position[0] = 0.3;
        var state = new JointState();

        for (int i = 0; i < 3000 && !(Math.Abs(state.Position[0] - 0.3) < 0.01 && Math.Abs(state.Velocity[0]) < 0.05); i++)
        {
            bus.Read(ref state);
            writer.Write(command);
            Thread.Sleep(1);
        }

        Assert.Equal(0.3, state.Position[0], 1);
        Assert.Equal(-0.3, chain.Plant.GetPositionRad(0), 1);
        bus.Stop();
    }
}
