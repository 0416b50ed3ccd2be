using Controller.Pipeline.Messages;

namespace Controller.Hardware.Devices;

/// <summary>
/// The write handle of an Active <see cref="JointBus"/>, and the only way to command its hardware. It is
/// created by <see cref="JointBus.Activate"/> and dies for good when the group leaves Active (deactivated,
/// faulted, stopped): after that every write returns <see cref="BusStatus.NotActive"/>, is counted, and never
/// reaches the driver. A later activation hands out a new handle.
/// </summary>
public sealed class JointBusWriter
{
    private readonly JointBus _bus;
    private readonly long _generation;

    internal JointBusWriter(JointBus bus, long generation)
    {
        _bus = bus;
        _generation = generation;
    }

    /// <summary>The group this handle writes to.</summary>
    public JointBus Bus => _bus;

    /// <summary>True while the group is still in the activation that created this handle.</summary>
    public bool IsValid => _bus.IsCurrent(_generation);

    /// <summary>Loop thread: writes the group's share of <paramref name="command"/>. No allocation, no throw.</summary>
    public BusStatus Write(in JointCommand command) => _bus.Write(_generation, command);
}
