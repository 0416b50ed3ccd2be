using Controller.Hardware.Devices;
using Controller.Pipeline.Messages;

namespace Controller.Hardware.Tests.Devices;

/// <summary>An in-process driver for unit tests: records every call in order and fails on demand.</summary>
internal sealed class FakeJointBusDriver(int jointCount = 2, ActuatorModes modes = ActuatorModes.Position | ActuatorModes.Torque) : IJointBusDriver
{
    private long _clock;
    private int _drivesEnabled;

    public string Name => "fake";
    public int JointCount => jointCount;
    public ActuatorModes SupportedModes => modes;
    public BusStatus NextReadStatus { get; set; } = BusStatus.Ok;
    public List<string> Calls { get; } = [];
    public long Writes;
    public long WritesWhileDisabled;
    public long LastDisableTick;
    public long LastWriteTick;
    public JointCommand LastCommand;

    /// <summary>When set, Read reports the last commanded positions and efforts (an ideal actuator).</summary>
    public bool EchoCommand { get; set; }

    public void Open() => Calls.Add("open");
    public void EnableDrives() { Calls.Add("enable"); Volatile.Write(ref _drivesEnabled, 1); }
    public void DisableDrives() { Volatile.Write(ref _drivesEnabled, 0); Calls.Add("disable"); LastDisableTick = Interlocked.Increment(ref _clock); }
    public void ClearFaults() => Calls.Add("clear");
    public void Close() => Calls.Add("close");

    public BusStatus Read(ref JointState state, int offset)
    {
        for (int i = 0; i < jointCount; i++)
        {
            state.Position[offset + i] = EchoCommand ? LastCommand.Position[offset + i] : offset + i;
            if (EchoCommand) state.Effort[offset + i] = LastCommand.Effort[offset + i];
        }
        return NextReadStatus;
    }

    public BusStatus Write(in JointCommand command, int offset)
    {
        Interlocked.Increment(ref Writes);
        LastCommand = command;
        if (Volatile.Read(ref _drivesEnabled) == 0) Interlocked.Increment(ref WritesWhileDisabled);
        LastWriteTick = Interlocked.Increment(ref _clock);
        return BusStatus.Ok;
    }
}
