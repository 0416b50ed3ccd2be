using Controller.Hardware.Devices;
using Controller.Pipeline.Messages;

namespace Controller.Cerebellum.Tests.Controllers;

/// <summary>A driver that only declares its modes (for capability checks); it is never opened.</summary>
internal sealed class ModesDriver(string name, int jointCount, ActuatorModes modes) : IJointBusDriver
{
    public string Name => name;
    public int JointCount => jointCount;
    public ActuatorModes SupportedModes => modes;
    public void Open() { }
    public void EnableDrives() { }
    public void DisableDrives() { }
    public void ClearFaults() { }
    public void Close() { }
    public BusStatus Read(ref JointState state, int offset) => BusStatus.Ok;
    public BusStatus Write(in JointCommand command, int offset) => BusStatus.Ok;

    public static JointBus[] Bus(int joints, ActuatorModes modes, string name = "arm") => [new JointBus(new ModesDriver(name, joints, modes), 0)];
}
