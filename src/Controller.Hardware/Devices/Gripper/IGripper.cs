namespace Controller.Hardware.Devices.Gripper;

/// <summary>
/// A parallel gripper (Robotiq 2F, Franka Hand, a Dynamixel-driven jaw) in SI: width in m, force in N, and whether
/// it has caught something. <see cref="Open"/>/<see cref="Close"/> bring communication up and down (may block and
/// throw, not on the loop thread); <see cref="Read"/> and <see cref="Command"/> run on the loop thread and return
/// <see cref="BusStatus"/> values, never exceptions.
/// </summary>
public interface IGripper
{
    /// <summary>Name for messages and telemetry.</summary>
    string Name { get; }

    /// <summary>Stroke, speed and force ranges.</summary>
    GripperSpec Spec { get; }

    /// <summary>Brings communication up and activates the gripper (Robotiq rACT). May block and throw.</summary>
    void Open();

    /// <summary>Closes communication. Must not throw.</summary>
    void Close();

    /// <summary>Loop thread: the newest state. No allocation, no throw.</summary>
    BusStatus Read(out GripperState state);

    /// <summary>
    /// Loop thread: a new target. Values are clamped to <see cref="Spec"/>; a non-finite value refuses the command
    /// (<see cref="BusStatus.DeviceFault"/> is not used for that: the device is fine) and returns
    /// <see cref="BusStatus.UnsupportedMode"/>, keeping the previous target. No allocation, no throw.
    /// </summary>
    BusStatus Command(in GripperCommand command);
}
