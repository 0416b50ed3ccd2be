using System.Buffers.Binary;
using Controller.Hardware.Devices.EtherCat;
using Controller.Hardware.Protocols.Cia402;
using Controller.Pipeline.Messages;

namespace Controller.Hardware.Devices.Cia402;

/// <summary>
/// N CiA 402 servo drives on one <see cref="EtherCatGroup"/>, as one <see cref="IJointBusDriver"/>. Each cycle
/// <see cref="Write"/> puts every drive's controlword, targets and mode into the output image and runs the cyclic
/// frame; the next <see cref="Read"/> takes statusword, position, velocity and torque from the returned image and
/// judges the frame. The drive state machine, commander and scaling are Protocols/Cia402's, shared with the CAN driver.
/// </summary>
/// <remarks>
/// Open: the group goes INIT → PRE-OP (PDO mapping of <see cref="Cia402EtherCatPdoLayout"/> and start-up SDOs: CSP,
/// following-error window) → SAFE-OP → OP; each drive must report profile 402 (0x1000). Enable: stepwise to operation
/// enabled with the target held at the actual position. Modes: Position → CSP, Velocity → CSV, Effort → CST, Hold → CSP at
/// the position latched when holding began. A cycle without a write (Configured, Faulted) exchanges the frame itself:
/// while active it resends the last outputs; after a fault it applies <see cref="Cia402EtherCatOptions.FaultReaction"/>.
/// Faults: a lost frame or wrong working counter is a counted <see cref="BusStatus.Timeout"/> (joints not fresh), more than
/// <see cref="Cia402EtherCatOptions.MaxMissedCycles"/> in a row <see cref="BusStatus.DeviceLost"/>; a slave out of OP, a drive in
/// fault, or one that left operation enabled while active is <see cref="BusStatus.DeviceFault"/>. <see cref="ClearFaults"/>
/// brings the group back to OP (<see cref="EtherCatGroup.Recover"/>) and resets drive faults: recovery without a restart.
/// </remarks>
public sealed partial class Cia402EtherCatDriver : IJointBusDriver
{
    private readonly EtherCatGroup _group;
    private readonly Cia402EtherCatDriveConfig[] _drives;
    private readonly Cia402EtherCatOptions _options;
    private readonly Offsets[] _at;
    private readonly DriveData[] _data;
    private readonly Action _waitDefault = () => Thread.Sleep(1);
    private ProcessDataWriter? _writer;
    private GroupCycleStatus _lastCycle = GroupCycleStatus.NotRunning;
    private int _consecutiveMisses;
    private int _active;
    private int _lifecycleBusy;
    private int _inRead;
    private int _wroteSinceRead;
    private bool _holding;
    private bool _reacting;

    private struct Offsets
    {
        public int Controlword, TargetPosition, TargetVelocity, TargetTorque, Mode;
        public int Statusword, Position, Velocity, Torque, ModeDisplay;
    }

    private struct DriveData
    {
        public ushort Statusword;
        public int PositionIncrements;
        public int VelocityIncrementsPerSec;
        public short TorquePerMille;
        public ushort LastControlword;
        public double HoldPositionRad;
    }

    /// <summary>Creates the driver on a group built with <see cref="GroupOptions"/> (or <see cref="Create"/>); nothing is sent until <see cref="Open"/>.</summary>
    /// <exception cref="ArgumentException">No drives, a drive not in the group, a station repeated, or an option out of range.</exception>
    public Cia402EtherCatDriver(string name, EtherCatGroup group, IReadOnlyList<Cia402EtherCatDriveConfig> drives, Cia402EtherCatOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        _group = group ?? throw new ArgumentNullException(nameof(group));
        ArgumentNullException.ThrowIfNull(drives);
        if (drives.Count < 1 || drives.Count > MessageLimits.MaxJoints)
            throw new ArgumentException($"bus '{name}': 1..{MessageLimits.MaxJoints} drives are needed; got {drives.Count}.", nameof(drives));
        _drives = [.. drives];
        foreach (var drive in _drives)
        {
            drive.Validate(name);
            if (!group.Slaves.Any(s => s.StationAddress == drive.StationAddress))
                throw new ArgumentException($"bus '{name}': slave 0x{drive.StationAddress:X4} is not in the group ({string.Join(", ", group.Slaves.Select(s => $"0x{s.StationAddress:X4}"))}).", nameof(drives));
        }
        if (_drives.Select(d => d.StationAddress).Distinct().Count() != _drives.Length)
            throw new ArgumentException($"bus '{name}': a station address is configured twice.", nameof(drives));
        _options = options ?? new Cia402EtherCatOptions();
        if (_options.MaxMissedCycles < 1 || _options.LifecycleTimeoutNs <= 0)
            throw new ArgumentOutOfRangeException(nameof(options), $"bus '{name}': MaxMissedCycles must be ≥ 1 (got {_options.MaxMissedCycles}) and LifecycleTimeoutNs > 0.");
        _at = new Offsets[_drives.Length];
        _data = new DriveData[_drives.Length];
        if (_options.DistributedClocks is { } dc)
        {
            if (group.Options.DistributedClocks is null)
                throw new ArgumentException($"bus '{name}': DC is enabled in the driver options but the group was built without it (build it with GroupOptions).", nameof(group));
            long cycle = dc.CycleTimeNs;
            long phase = _options.DcFramePhaseNs ?? ((dc.Sync0ShiftNs - cycle / 2) % cycle + cycle) % cycle;
            Pacing = new DcLoopPacing(new DcPhaseLock(cycle, phase));
        }
    }

    /// <summary>
    /// The group options the drives need, added to <paramref name="baseOptions"/>: PDO source CoE, the PDO mapping of
    /// <see cref="Cia402EtherCatPdoLayout"/> for each drive, start-up SDOs 0x6060 = CSP and 0x6065 (when a window is set),
    /// cycle timeout and fault reaction from <paramref name="options"/>.
    /// </summary>
    public static EtherCatGroupOptions GroupOptions(IReadOnlyList<Cia402EtherCatDriveConfig> drives, Cia402EtherCatOptions? options = null, EtherCatGroupOptions? baseOptions = null)
    {
        ArgumentNullException.ThrowIfNull(drives);
        options ??= new Cia402EtherCatOptions();
        baseOptions ??= new EtherCatGroupOptions();
        var pdos = new List<PdoConfiguration>(baseOptions.PdoConfigurations);
        var sdos = new List<StartupSdo>(baseOptions.StartupSdos);
        foreach (var drive in drives)
        {
            pdos.Add(new PdoConfiguration(drive.StationAddress, 2, [Cia402EtherCatPdoLayout.Outputs]));
            pdos.Add(new PdoConfiguration(drive.StationAddress, 3, [Cia402EtherCatPdoLayout.Inputs]));
            sdos.Add(new StartupSdo(drive.StationAddress, Cia402Objects.ModesOfOperation, 0, [unchecked((byte)(sbyte)Cia402Mode.CyclicSyncPosition)]));
            if (drive.FollowingErrorWindowRad > 0)
            {
                var window = new byte[4];
                BinaryPrimitives.WriteUInt32LittleEndian(window, (uint)drive.Scaling.PositionToIncrements(drive.FollowingErrorWindowRad));
                sdos.Add(new StartupSdo(drive.StationAddress, Cia402Objects.FollowingErrorWindow, 0, window));
            }
        }
        return baseOptions with
        {
            PdoSource = PdoSource.Coe,
            PdoConfigurations = pdos,
            StartupSdos = sdos,
            CycleTimeoutNs = options.CycleTimeoutNs,
            FaultReaction = options.FaultReaction,
            DistributedClocks = options.DistributedClocks is { } dc
                ? dc with { SyncModeSlaves = [.. dc.SyncModeSlaves, .. drives.Select(d => d.StationAddress)] }
                : baseOptions.DistributedClocks,
        };
    }

    /// <summary>Builds the group (with <see cref="GroupOptions"/>) and the driver in one step: what a runtime configuration calls after discovery.</summary>
    public static Cia402EtherCatDriver Create(string name, EtherCatPort port, Transports.Ethernet.IRawFrameTransport transport,
        IReadOnlyList<DiscoveredSlave> slaves, IReadOnlyList<Cia402EtherCatDriveConfig> drives, Cia402EtherCatOptions? options = null)
    {
        var group = new EtherCatGroup(port, transport, slaves, GroupOptions(drives, options));
        return new Cia402EtherCatDriver(name, group, drives, options);
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public int JointCount => _drives.Length;

    /// <inheritdoc />
    public ActuatorModes SupportedModes => ActuatorModes.Position | ActuatorModes.Velocity | ActuatorModes.Torque;

    /// <summary>The group (state, counters, layout).</summary>
    public EtherCatGroup Group => _group;

    /// <summary>
    /// With DC: the host-loop pacing, fed by every good cyclic frame's reference clock time. Wrap the loop's pacer with it
    /// (the cerebellum's <c>DcLockedPacer</c>) so cycles start at a fixed phase before SYNC0. Null without DC.
    /// </summary>
    public DcLoopPacing? Pacing { get; }

    /// <summary>Cycles that came back bad (lost, wrong working counter, slave out of OP).</summary>
    public long BadCycles { get; private set; }

    /// <summary>CiA 402 state and raw statusword of drive <paramref name="drive"/> (0-based in configuration order) after the last read.</summary>
    public (Cia402State State, ushort Statusword) GetDriveState(int drive) =>
        (Cia402Statusword.DecodeState(_data[drive].Statusword), _data[drive].Statusword);

    /// <inheritdoc />
    public BusStatus Read(ref JointState state, int offset)
    {
        Interlocked.Exchange(ref _inRead, 1);
        try
        {
            ulong mask = (_drives.Length == 64 ? ulong.MaxValue : (1UL << _drives.Length) - 1) << offset;
            if (Volatile.Read(ref _lifecycleBusy) != 0 || _writer is null)
            {
                state.FreshMask &= ~mask;
                return BusStatus.Ok;
            }
            if (Interlocked.Exchange(ref _wroteSinceRead, 0) == 0)
            {
                if (Volatile.Read(ref _active) == 0 || _reacting)
                    React();
                ExchangeCyclic();
            }
            var status = Evaluate(ref state, offset);
            if (status is BusStatus.DeviceLost or BusStatus.DeviceFault && Volatile.Read(ref _active) != 0)
                _reacting = true;
            return status;
        }
        finally
        {
            Volatile.Write(ref _inRead, 0);
        }
    }

    /// <inheritdoc />
    public BusStatus Write(in JointCommand command, int offset)
    {
        var outputs = _writer is null ? [] : _writer.Outputs;
        if (outputs.IsEmpty)
            return BusStatus.DeviceFault; // the group left OP: the writer is dead
        bool hold = command.Mode == ControlMode.Hold;
        if (hold && !_holding)
            for (int i = 0; i < _drives.Length; i++) _data[i].HoldPositionRad = PositionRad(i);
        _holding = hold;
        var mode = command.Mode switch
        {
            ControlMode.Velocity => Cia402Mode.CyclicSyncVelocity,
            ControlMode.Effort => Cia402Mode.CyclicSyncTorque,
            _ => Cia402Mode.CyclicSyncPosition,
        };
        for (int i = 0; i < _drives.Length; i++)
        {
            double position = hold ? _data[i].HoldPositionRad : command.Position[offset + i];
            double velocity = command.Mode == ControlMode.Velocity ? command.Velocity[offset + i] : 0;
            double torque = command.Mode == ControlMode.Effort ? command.Effort[offset + i] : 0;
            // Only a drive in operation enabled gets "enable operation": the same bits would take one in ready to switch on straight to torque.
            ushort controlword = Cia402Statusword.DecodeState(_data[i].Statusword) == Cia402State.OperationEnabled
                ? Cia402Controlword.EnableOperation
                : Cia402Controlword.DisableVoltage;
            Put(outputs, i, controlword, mode, position, velocity, torque);
        }
        ExchangeCyclic();
        Volatile.Write(ref _wroteSinceRead, 1);
        return _lastCycle == GroupCycleStatus.SendFailed ? BusStatus.Timeout : BusStatus.Ok;
    }

    /// <summary>One cyclic frame; with DC a good one also feeds the reference clock's time to the loop pacing.</summary>
    private void ExchangeCyclic()
    {
        _lastCycle = _group.Exchange();
        if (_lastCycle == GroupCycleStatus.Ok)
            Pacing?.Observe(_group.ReferenceClockTimeNs);
    }

    /// <summary>The safe reaction in a cycle nobody commands: hold enabled drives at a latched position, or disable them.</summary>
    private void React()
    {
        var outputs = _writer!.Outputs;
        if (outputs.IsEmpty)
            return; // the group itself applied the reaction when it left OP
        if (!_holding)
            for (int i = 0; i < _drives.Length; i++) _data[i].HoldPositionRad = PositionRad(i);
        _holding = true;
        for (int i = 0; i < _drives.Length; i++)
        {
            bool enabled = Cia402Statusword.DecodeState(_data[i].Statusword) == Cia402State.OperationEnabled;
            ushort controlword = enabled && _options.FaultReaction == EtherCatFaultReaction.Hold
                ? Cia402Controlword.EnableOperation
                : Cia402Controlword.DisableVoltage;
            Put(outputs, i, controlword, Cia402Mode.CyclicSyncPosition, _data[i].HoldPositionRad, 0, 0);
        }
    }

    private BusStatus Evaluate(ref JointState state, int offset)
    {
        var status = BusStatus.Ok;
        bool fresh = _lastCycle is GroupCycleStatus.Ok;
        switch (_lastCycle)
        {
            case GroupCycleStatus.Ok:
                _consecutiveMisses = 0;
                break;
            case GroupCycleStatus.SlaveNotOperational:
                BadCycles++;
                status = BusStatus.DeviceFault;
                break;
            default:
                BadCycles++;
                _consecutiveMisses++;
                status = _consecutiveMisses > _options.MaxMissedCycles ? BusStatus.DeviceLost : BusStatus.Timeout;
                break;
        }
        var image = _group.Image;
        bool active = Volatile.Read(ref _active) != 0;
        for (int i = 0; i < _drives.Length; i++)
        {
            ref var d = ref _data[i];
            ref var at = ref _at[i];
            if (fresh)
            {
                d.Statusword = BinaryPrimitives.ReadUInt16LittleEndian(image[at.Statusword..]);
                d.PositionIncrements = BinaryPrimitives.ReadInt32LittleEndian(image[at.Position..]);
                d.VelocityIncrementsPerSec = BinaryPrimitives.ReadInt32LittleEndian(image[at.Velocity..]);
                d.TorquePerMille = BinaryPrimitives.ReadInt16LittleEndian(image[at.Torque..]);
                var driveState = Cia402Statusword.DecodeState(d.Statusword);
                if (Cia402Commander.IsFaulted(driveState) || (active && driveState != Cia402State.OperationEnabled))
                    status = Worst(status, BusStatus.DeviceFault);
            }
            var scaling = _drives[i].Scaling;
            int joint = offset + i;
            state.Position[joint] = scaling.IncrementsToPositionRad(d.PositionIncrements);
            state.Velocity[joint] = scaling.IncrementsPerSecToVelocityRadPerSec(d.VelocityIncrementsPerSec);
            state.Effort[joint] = scaling.PerMilleToTorqueNm(d.TorquePerMille);
            if (fresh) state.FreshMask |= 1UL << joint;
            else state.FreshMask &= ~(1UL << joint);
        }
        return status;
    }

    private static BusStatus Worst(BusStatus a, BusStatus b) => Rank(b) > Rank(a) ? b : a;

    private static int Rank(BusStatus s) => s switch
    {
        BusStatus.DeviceLost => 3,
        BusStatus.DeviceFault => 2,
        BusStatus.Timeout => 1,
        _ => 0,
    };

    private void Put(Span<byte> outputs, int i, ushort controlword, Cia402Mode mode, double positionRad, double velocityRadPerSec, double torqueNm)
    {
        var scaling = _drives[i].Scaling;
        ref var at = ref _at[i];
        _data[i].LastControlword = controlword;
        BinaryPrimitives.WriteUInt16LittleEndian(outputs[at.Controlword..], controlword);
        BinaryPrimitives.WriteInt32LittleEndian(outputs[at.TargetPosition..], scaling.PositionToIncrements(positionRad));
        BinaryPrimitives.WriteInt32LittleEndian(outputs[at.TargetVelocity..], scaling.VelocityToIncrementsPerSec(velocityRadPerSec));
        BinaryPrimitives.WriteInt16LittleEndian(outputs[at.TargetTorque..], scaling.TorqueToPerMille(torqueNm));
        outputs[at.Mode] = unchecked((byte)(sbyte)mode);
    }

    private double PositionRad(int i) => _drives[i].Scaling.IncrementsToPositionRad(_data[i].PositionIncrements);
}
