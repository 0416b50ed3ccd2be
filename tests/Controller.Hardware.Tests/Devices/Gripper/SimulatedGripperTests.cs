using Controller.Hardware.Devices;
using Controller.Hardware.Devices.Gripper;

namespace Controller.Hardware.Tests.Devices.Gripper;

public class SimulatedGripperTests
{
    private static GripperState Run(SimulatedGripper gripper, int cycles)
    {
        for (int i = 0; i < cycles; i++) gripper.Advance(1e-3);
        gripper.Read(out var state);
        return state;
    }

    [Fact]
    public void Command_CloseOnAnObject_StopsThereAndDetectsTheGrasp()
    {
        var gripper = new SimulatedGripper(GripperSpec.Robotiq2F85);
        gripper.PlaceObject(0.040);
        Assert.Equal(BusStatus.Ok, gripper.Command(new GripperCommand(0, 0.1, 60)));

        var state = Run(gripper, 1000);

        Assert.True(state.GraspDetected);
        Assert.Equal(0.040, state.WidthM, 12);
        Assert.Equal(60, state.ForceN);
    }

    [Fact]
    public void Command_CloseOnNothing_ReachesTheTargetWithoutAGrasp()
    {
        var gripper = new SimulatedGripper(GripperSpec.Robotiq2F85);
        gripper.Command(new GripperCommand(0.010, 0.1, 60));
        var moving = Run(gripper, 100);
        Assert.Equal(GraspStatus.Moving, moving.Status);
        Assert.Equal(-0.1, moving.SpeedMps, 9);

        var state = Run(gripper, 1000);
        Assert.Equal(GraspStatus.AtTarget, state.Status);
        Assert.False(state.GraspDetected);
        Assert.Equal(0.010, state.WidthM, 12);
        Assert.Equal(0, state.ForceN);
    }

    [Fact]
    public void RemoveObject_WhileHeld_ReportsTheGraspLost()
    {
        var gripper = new SimulatedGripper(GripperSpec.FrankaHand);
        gripper.PlaceObject(0.03);
        gripper.Command(new GripperCommand(0, 0.05, 40));
        Assert.True(Run(gripper, 2000).GraspDetected);

        gripper.RemoveObject();
        var state = Run(gripper, 2000);
        Assert.Equal(GraspStatus.Lost, state.Status);
        Assert.Equal(0, state.WidthM, 12);
    }

    [Fact]
    public void Command_OutOfRange_IsClampedToTheSpec()
    {
        var gripper = new SimulatedGripper(GripperSpec.FrankaHand);
        gripper.Command(new GripperCommand(1.0, 10, 1e6));
        Assert.Equal(GripperSpec.FrankaHand.MaxWidthM, Run(gripper, 10).WidthM);
        gripper.PlaceObject(0.02);
        gripper.Command(new GripperCommand(-1, 10, 1e6));
        Assert.Equal(GripperSpec.FrankaHand.MaxForceN, Run(gripper, 3000).ForceN);
    }

    [Fact]
    public void Command_NonFinite_IsRefusedAndKeepsTheTarget()
    {
        var gripper = new SimulatedGripper(GripperSpec.Robotiq2F85);
        gripper.Command(new GripperCommand(0.05, 0.1, 20));
        Assert.Equal(BusStatus.UnsupportedMode, gripper.Command(new GripperCommand(double.NaN, 0.1, 20)));
        Assert.Equal(1, gripper.RejectedCommands);
        Assert.Equal(0.05, Run(gripper, 2000).WidthM, 12);
    }

    [Fact]
    public void Faults_DisconnectAndJam_AreStatusValues()
    {
        var gripper = new SimulatedGripper(GripperSpec.Robotiq2F85) { Disconnected = true };
        Assert.Equal(BusStatus.DeviceLost, gripper.Read(out _));
        Assert.Equal(BusStatus.DeviceLost, gripper.Command(new GripperCommand(0, 0.1, 10)));
        gripper.Disconnected = false;
        gripper.Command(new GripperCommand(0, 0.1, 10));
        gripper.Advance(1e-3);
        gripper.Jam();
        gripper.Advance(1e-3);
        Assert.Equal(BusStatus.DeviceFault, gripper.Read(out var jammed));
        Assert.Equal(GraspStatus.Fault, jammed.Status);
        gripper.ClearJam();
        Assert.Equal(GraspStatus.Moving, Run(gripper, 1).Status);
    }

    [Fact]
    public void Spec_Invalid_ThrowsNamingTheField()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new SimulatedGripper(new GripperSpec(0.1, 0.05, 0.1, 10)));
        Assert.Contains("MaxWidthM", e.Message);
    }

    [Fact]
    public void ReadAndCommand_ThousandsOfCycles_AllocateNothing()
    {
        var gripper = new SimulatedGripper(GripperSpec.Robotiq2F85);
        gripper.PlaceObject(0.02);
        var command = new GripperCommand(0, 0.1, 50);
        gripper.Command(command);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10_000; i++)
        {
            gripper.Command(command);
            gripper.Advance(1e-3);
            gripper.Read(out _);
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
