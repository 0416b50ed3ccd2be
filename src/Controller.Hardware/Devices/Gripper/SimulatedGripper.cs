namespace Controller.Hardware.Devices.Gripper;

/// <summary>
/// An in-process parallel gripper for simulation and demos: fingers move at the commanded speed, stop on an object
/// placed between them (<see cref="PlaceObject"/>) and report it grasped with the commanded force; if the object is
/// taken away while held, the fingers close on and the grasp is reported <see cref="GraspStatus.Lost"/>. It can
/// misbehave: <see cref="Disconnected"/> fails every call with <see cref="BusStatus.DeviceLost"/>, <see cref="Jam"/>
/// reports a device fault.
/// </summary>
/// <remarks>
/// Single-threaded: <see cref="Advance"/>, <see cref="Read"/> and <see cref="Command"/> are called from the same
/// thread (the loop thread in simulation, which advances it once per cycle). Nothing allocates after construction.
/// </remarks>
public sealed class SimulatedGripper : IGripper
{
    private GripperState _state;
    private GripperCommand _target;
    private double _objectWidthM = double.NaN;
    private bool _held;
    private bool _jammed;

    /// <summary>Creates a gripper, fully open and at rest.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An invalid spec.</exception>
    public SimulatedGripper(GripperSpec spec, string name = "sim-gripper")
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();
        Spec = spec;
        Name = name;
        _state.WidthM = spec.MaxWidthM;
        _state.Status = GraspStatus.AtTarget;
        _target = new GripperCommand(spec.MaxWidthM, spec.MaxSpeedMps, 0);
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public GripperSpec Spec { get; }

    /// <summary>While true every call returns <see cref="BusStatus.DeviceLost"/>.</summary>
    public bool Disconnected { get; set; }

    /// <summary>Commands refused for a non-finite value.</summary>
    public long RejectedCommands { get; private set; }

    /// <inheritdoc />
    public void Open() { }

    /// <inheritdoc />
    public void Close() { }

    /// <summary>Puts an object of <paramref name="widthM"/> between the fingers (it is caught if they close on it).</summary>
    public void PlaceObject(double widthM) => _objectWidthM = widthM;

    /// <summary>Takes the object away (a held one slips out).</summary>
    public void RemoveObject() => _objectWidthM = double.NaN;

    /// <summary>Jams the fingers: status <see cref="GraspStatus.Fault"/>, motion stops, until <see cref="ClearJam"/>.</summary>
    public void Jam() => _jammed = true;

    /// <summary>Clears a jam.</summary>
    public void ClearJam() => _jammed = false;

    /// <inheritdoc />
    public BusStatus Read(out GripperState state)
    {
        state = _state;
        if (Disconnected) return BusStatus.DeviceLost;
        return _jammed ? BusStatus.DeviceFault : BusStatus.Ok;
    }

    /// <inheritdoc />
    public BusStatus Command(in GripperCommand command)
    {
        if (Disconnected) return BusStatus.DeviceLost;
        if (!double.IsFinite(command.WidthM) || !double.IsFinite(command.SpeedMps) || !double.IsFinite(command.ForceN))
        {
            RejectedCommands++;
            return BusStatus.UnsupportedMode;
        }
        _target = new GripperCommand(
            Math.Clamp(command.WidthM, Spec.MinWidthM, Spec.MaxWidthM),
            Math.Clamp(command.SpeedMps, Spec.MaxSpeedMps * 1e-3, Spec.MaxSpeedMps),
            Math.Clamp(command.ForceN, 0, Spec.MaxForceN));
        if (_state.Status != GraspStatus.Fault) _state.Status = GraspStatus.Moving;
        return BusStatus.Ok;
    }

    /// <summary>Advances the fingers by <paramref name="dtSeconds"/>.</summary>
    public void Advance(double dtSeconds)
    {
        if (_jammed)
        {
            _state.Status = GraspStatus.Fault;
            _state.SpeedMps = 0;
            return;
        }
        if (_state.Status == GraspStatus.Fault) _state.Status = GraspStatus.Moving;
        double width = _state.WidthM;
        bool objectThere = !double.IsNaN(_objectWidthM);
        if (_held && objectThere && _target.WidthM < width)
        {
            // Still squeezing the object: nothing moves.
            _state.SpeedMps = 0;
            _state.ForceN = _target.ForceN;
            _state.Status = GraspStatus.Grasped;
            return;
        }
        bool slipped = _held && !objectThere;
        _held = false;
        double step = Math.Clamp(_target.WidthM - width, -_target.SpeedMps * dtSeconds, _target.SpeedMps * dtSeconds);
        double next = width + step;
        _state.ForceN = 0;
        if (step < 0 && objectThere && width >= _objectWidthM && next <= _objectWidthM)
        {
            next = _objectWidthM;
            _held = true;
        }
        _state.SpeedMps = dtSeconds > 0 ? (next - width) / dtSeconds : 0;
        _state.WidthM = next;
        if (_held)
        {
            _state.Status = GraspStatus.Grasped;
            _state.ForceN = _target.ForceN;
        }
        else if (slipped || _state.Status == GraspStatus.Lost)
        {
            _state.Status = GraspStatus.Lost;
        }
        else
        {
            _state.Status = next == _target.WidthM ? GraspStatus.AtTarget : GraspStatus.Moving;
        }
    }
}
