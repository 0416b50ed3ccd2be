using Controller.Hardware.Devices;
using Controller.Pipeline.Messages;

namespace Controller.Cerebellum.Tests;

/// <summary>Unit-test driver: joints that go exactly where a position command puts them, and stay for Hold.</summary>
internal sealed class SimulatedJointsDriver(string name, int jointCount) : IJointBusDriver
{
    private readonly double[] _position = new double[jointCount];
    private readonly double[] _velocity = new double[jointCount];

    public string Name => name;
    public int JointCount => jointCount;
    public ActuatorModes SupportedModes => ActuatorModes.Position | ActuatorModes.Torque;
    public ControlMode LastMode { get; private set; } = ControlMode.Hold;
    public long Writes { get; private set; }
    public double Position(int joint) => _position[joint];

    public void Open() { }
    public void EnableDrives() { }
    public void DisableDrives() { }
    public void ClearFaults() { }
    public void Close() { }

    public BusStatus Read(ref JointState state, int offset)
    {
        for (int i = 0; i < jointCount; i++)
        {
            state.Position[offset + i] = _position[i];
            state.Velocity[offset + i] = _velocity[i];
        }
        return BusStatus.Ok;
    }

    public BusStatus Write(in JointCommand command, int offset)
    {
        Writes++;
        LastMode = command.Mode;
        if (command.Mode != ControlMode.Position) return BusStatus.Ok;
        for (int i = 0; i < jointCount; i++)
        {
            _velocity[i] = command.Velocity[offset + i];
            _position[i] = command.Position[offset + i];
        }
        return BusStatus.Ok;
    }
}
