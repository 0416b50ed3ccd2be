using Controller.Pipeline.Messages;

namespace Controller.Hardware.Devices;

/// <summary>
/// What a driver implements for a group of joints served by one bus transaction (a Dynamixel sync read/write,
/// a set of CiA 402 drives on one CAN bus, the drives in one EtherCAT process image). The driver does the I/O;
/// <see cref="JointBus"/> owns the lifecycle and decides when the driver may be asked to command anything, so
/// a driver never has to defend itself against commands in the wrong state.
/// </summary>
public interface IJointBusDriver
{
    /// <summary>Name for messages and telemetry (e.g. "arm-dynamixel").</summary>
    string Name { get; }

    /// <summary>Joints this group serves; they occupy entries [offset, offset + count) of the robot's joint arrays.</summary>
    int JointCount { get; }

    /// <summary>The command modes the hardware supports.</summary>
    ActuatorModes SupportedModes { get; }

    /// <summary>Brings communication up and checks every device answers. May block and throw (not on the loop thread).</summary>
    void Open();

    /// <summary>Enables the drives (torque on). May block and throw (not on the loop thread).</summary>
    void EnableDrives();

    /// <summary>Disables the drives (torque off, brakes on where fitted). Must not throw.</summary>
    void DisableDrives();

    /// <summary>Clears a device fault where the hardware allows (CiA 402 fault reset, Dynamixel reboot). May block and throw.</summary>
    void ClearFaults();

    /// <summary>Closes communication. Must not throw.</summary>
    void Close();

    /// <summary>Loop thread: reads this group's joints into <paramref name="state"/> at <paramref name="offset"/>. No allocation, no throw.</summary>
    BusStatus Read(ref JointState state, int offset);

    /// <summary>Loop thread: writes this group's share of <paramref name="command"/> at <paramref name="offset"/>. No allocation, no throw.</summary>
    BusStatus Write(in JointCommand command, int offset);
}
