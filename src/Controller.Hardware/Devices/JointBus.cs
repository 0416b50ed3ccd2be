using Controller.Pipeline.Messages;

namespace Controller.Hardware.Devices;

/// <summary>
/// Owns the lifecycle of one <see cref="IJointBusDriver"/>: Unconfigured → Configured (communicating,
/// read-only) → Active (commands accepted) → Faulted / Stopped, and back from Faulted without a restart.
/// Commands can only be written through the <see cref="JointBusWriter"/> that <see cref="Activate"/> returns,
/// and that handle dies for good when the group leaves Active: a command cannot reach inactive hardware.
/// </summary>
/// <remarks>
/// Lifecycle calls (<see cref="Configure"/>, <see cref="Activate"/>, <see cref="Deactivate"/>,
/// <see cref="Recover"/>, <see cref="Stop"/>) run off the loop thread and may block and throw
/// <see cref="InvalidOperationException"/> for a transition the state does not allow. <see cref="Read"/> and
/// writes run on the loop thread and return <see cref="BusStatus"/> values. A loss or fault seen on the loop
/// thread moves the group to Faulted at once (writes stop in the same cycle); disabling the drives is I/O and
/// belongs to <see cref="Recover"/> or <see cref="Stop"/>, on the lifecycle thread.
/// Leaving Active and an in-flight write are ordered by a handshake (each side publishes with a full fence,
/// then reads the other's flag): once a transition has returned, no write is in the driver and none follows.
/// </remarks>
public sealed class JointBus
{
    private readonly IJointBusDriver _driver;
    private readonly object _lifecycleGate = new();
    private int _state = (int)DeviceState.Unconfigured;
    private long _generation;
    private int _writing;
    private long _refusedWrites;
    private long _faults;
    private int _lastFault;

    /// <summary>Wraps <paramref name="driver"/>, whose joints start at <paramref name="offset"/> in the robot's joint arrays.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When the joints would not fit in a message.</exception>
    public JointBus(IJointBusDriver driver, int offset)
    {
        _driver = driver ?? throw new ArgumentNullException(nameof(driver));
        if (offset < 0 || driver.JointCount < 1 || offset + driver.JointCount > MessageLimits.MaxJoints)
            throw new ArgumentOutOfRangeException(nameof(offset), offset,
                $"bus '{driver.Name}': joints [{offset}, {offset + driver.JointCount}) must lie within [0, {MessageLimits.MaxJoints}) and be at least one.");
        Offset = offset;
    }

    /// <summary>The driver's name.</summary>
    public string Name => _driver.Name;

    /// <summary>First joint index of this group in the robot's arrays.</summary>
    public int Offset { get; }

    /// <summary>Joints in this group.</summary>
    public int JointCount => _driver.JointCount;

    /// <summary>Modes the hardware supports.</summary>
    public ActuatorModes SupportedModes => _driver.SupportedModes;

    /// <summary>Current lifecycle state.</summary>
    public DeviceState State => (DeviceState)Volatile.Read(ref _state);

    /// <summary>Writes refused because the handle was stale or the group not Active.</summary>
    public long RefusedWrites => Volatile.Read(ref _refusedWrites);

    /// <summary>Faults seen on the cycle path (timeouts, checksum errors, lost or faulted devices).</summary>
    public long Faults => Volatile.Read(ref _faults);

    /// <summary>The last failure status seen on the cycle path.</summary>
    public BusStatus LastFault => (BusStatus)Volatile.Read(ref _lastFault);

    /// <summary>Unconfigured → Configured: opens communication (read-only; drives stay disabled).</summary>
    public void Configure()
    {
        lock (_lifecycleGate)
        {
            Require(DeviceState.Unconfigured, "configure");
            _driver.Open();
            Volatile.Write(ref _state, (int)DeviceState.Configured);
        }
    }

    /// <summary>Configured → Active: enables the drives and returns the only handle that can write commands.</summary>
    public JointBusWriter Activate()
    {
        lock (_lifecycleGate)
        {
            Require(DeviceState.Configured, "activate");
            _driver.EnableDrives();
            long generation = Interlocked.Increment(ref _generation);
            Volatile.Write(ref _state, (int)DeviceState.Active);
            return new JointBusWriter(this, generation);
        }
    }

    /// <summary>Active → Configured: stops commands (every handle dies), waits out a write in flight, disables the drives.</summary>
    public void Deactivate()
    {
        lock (_lifecycleGate)
        {
            Require(DeviceState.Active, "deactivate");
            LeaveActive(DeviceState.Configured);
            _driver.DisableDrives();
        }
    }

    /// <summary>Faulted → Configured: disables the drives and clears device faults; <see cref="Activate"/> again to resume.</summary>
    public void Recover()
    {
        lock (_lifecycleGate)
        {
            Require(DeviceState.Faulted, "recover");
            _driver.DisableDrives();
            _driver.ClearFaults();
            Volatile.Write(ref _state, (int)DeviceState.Configured);
        }
    }

    /// <summary>Any state → Stopped: stops commands, disables the drives, closes communication. Idempotent.</summary>
    public void Stop()
    {
        lock (_lifecycleGate)
        {
            if (State == DeviceState.Stopped) return;
            LeaveActive(DeviceState.Stopped);
            _driver.DisableDrives();
            _driver.Close();
        }
    }

    /// <summary>
    /// Loop thread: reads the group's joints. A lost or faulted device moves the group to Faulted in this cycle.
    /// Reads are refused only before Configure and after Stop.
    /// </summary>
    public BusStatus Read(ref JointState state)
    {
        var current = State;
        if (current is DeviceState.Unconfigured or DeviceState.Stopped) return BusStatus.NotActive;
        var status = _driver.Read(ref state, Offset);
        if (status != BusStatus.Ok) CountFault(status);
        return status;
    }

    /// <summary>Loop thread: marks the group Faulted (from the safety supervisor); every handle dies at once.</summary>
    public void ReportFault(BusStatus reason)
    {
        CountFault(reason);
        EnterFault();
    }

    internal bool IsCurrent(long generation) => Volatile.Read(ref _generation) == generation && State == DeviceState.Active;

    internal BusStatus Write(long generation, in JointCommand command)
    {
        // Publish "writing" with a full fence, then check: a transition that flipped the state before our
        // check is seen here; one that flips it after waits for _writing to clear before touching the drives.
        Interlocked.Exchange(ref _writing, 1);
        try
        {
            if (!IsCurrent(generation))
            {
                Interlocked.Increment(ref _refusedWrites);
                return BusStatus.NotActive;
            }
            if (!Supports(command.Mode)) return BusStatus.UnsupportedMode;
            var status = _driver.Write(command, Offset);
            if (status != BusStatus.Ok) CountFault(status);
            return status;
        }
        finally
        {
            Volatile.Write(ref _writing, 0);
        }
    }

    private bool Supports(ControlMode mode) => mode switch
    {
        ControlMode.Hold => true,
        ControlMode.Position => (SupportedModes & ActuatorModes.Position) != 0,
        ControlMode.Velocity => (SupportedModes & ActuatorModes.Velocity) != 0,
        ControlMode.Effort => (SupportedModes & ActuatorModes.Torque) != 0,
        ControlMode.Impedance => (SupportedModes & ActuatorModes.Impedance) != 0,
        _ => false,
    };

    private void CountFault(BusStatus status)
    {
        Interlocked.Increment(ref _faults);
        Volatile.Write(ref _lastFault, (int)status);
        if (status is BusStatus.DeviceLost or BusStatus.DeviceFault) EnterFault();
    }

    private void EnterFault()
    {
        if (Interlocked.CompareExchange(ref _state, (int)DeviceState.Faulted, (int)DeviceState.Active) == (int)DeviceState.Active)
        {
            Interlocked.Increment(ref _generation);
        }
        else
        {
            Interlocked.CompareExchange(ref _state, (int)DeviceState.Faulted, (int)DeviceState.Configured);
        }
    }

    private void LeaveActive(DeviceState next)
    {
        // Full fence on each store, then wait for any write that passed its check before the flip.
        Interlocked.Increment(ref _generation);
        Interlocked.Exchange(ref _state, (int)next);
        var spin = new SpinWait();
        while (Volatile.Read(ref _writing) != 0) spin.SpinOnce();
    }

    private void Require(DeviceState expected, string action)
    {
        var actual = State;
        if (actual != expected)
            throw new InvalidOperationException($"bus '{Name}': cannot {action} in state {actual}; it must be {expected}.");
    }
}
