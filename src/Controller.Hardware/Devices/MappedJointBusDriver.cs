using Controller.Pipeline.Messages;

namespace Controller.Hardware.Devices;

/// <summary>
/// Puts gear ratios, zero offsets and directions between a driver (motor units) and the robot (joint units), so
/// that every driver can stay ignorant of how it is mounted. Allocation-free: the command is rewritten into a
/// preallocated copy.
/// </summary>
public sealed class MappedJointBusDriver : IJointBusDriver
{
    private readonly IJointBusDriver _inner;
    private readonly JointMapping[] _mappings;
    private JointCommand _motorCommand;

    /// <summary>Wraps <paramref name="inner"/>; <paramref name="mappings"/> has one entry per joint of the group.</summary>
    /// <exception cref="ArgumentException">The count differs from the driver's joints, or a ratio or direction is invalid.</exception>
    public MappedJointBusDriver(IJointBusDriver inner, IReadOnlyList<JointMapping> mappings)
    {
        _inner = inner ?? throw new ArgumentNullException(nameof(inner));
        if (mappings.Count != inner.JointCount)
        {
            throw new ArgumentException($"bus '{inner.Name}' has {inner.JointCount} joints but {mappings.Count} mappings", nameof(mappings));
        }

        foreach (JointMapping m in mappings)
        {
            if (m.GearRatio == 0 || !double.IsFinite(m.GearRatio) || m.Direction is not (1 or -1) || !double.IsFinite(m.OffsetRad))
            {
                throw new ArgumentException($"bus '{inner.Name}': mapping {m} needs a finite non-zero gear ratio, direction ±1 and a finite offset", nameof(mappings));
            }
        }

        _mappings = mappings.ToArray();
    }

    /// <inheritdoc />
    public string Name => _inner.Name;

    /// <inheritdoc />
    public int JointCount => _inner.JointCount;

    /// <inheritdoc />
    public ActuatorModes SupportedModes => _inner.SupportedModes;

    /// <inheritdoc />
    public void Open() => _inner.Open();

    /// <inheritdoc />
    public void EnableDrives() => _inner.EnableDrives();

    /// <inheritdoc />
    public void DisableDrives() => _inner.DisableDrives();

    /// <inheritdoc />
    public void ClearFaults() => _inner.ClearFaults();

    /// <inheritdoc />
    public void Close() => _inner.Close();

    /// <inheritdoc />
    public BusStatus Read(ref JointState state, int offset)
    {
        BusStatus status = _inner.Read(ref state, offset);
        for (int i = 0; i < _mappings.Length; i++)
        {
            JointMapping m = _mappings[i];
            int j = offset + i;
            double scale = m.Direction / m.GearRatio;
            state.Position[j] = scale * state.Position[j] + m.OffsetRad;
            state.Velocity[j] *= scale;
            state.Effort[j] *= m.Direction * m.GearRatio;
        }

        return status;
    }

    /// <inheritdoc />
    public BusStatus Write(in JointCommand command, int offset)
    {
        _motorCommand = command;
        for (int i = 0; i < _mappings.Length; i++)
        {
            JointMapping m = _mappings[i];
            int j = offset + i;
            double scale = m.GearRatio * m.Direction;
            _motorCommand.Position[j] = scale * (command.Position[j] - m.OffsetRad);
            _motorCommand.Velocity[j] = scale * command.Velocity[j];
            _motorCommand.Effort[j] = command.Effort[j] * m.Direction / m.GearRatio;
        }

        return _inner.Write(in _motorCommand, offset);
    }
}
