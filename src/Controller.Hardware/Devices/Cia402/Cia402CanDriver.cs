using Controller.Hardware.Protocols.CanOpen;
using Controller.Hardware.Protocols.Cia402;
using Controller.Hardware.Transports.Can;
using Controller.Pipeline.Messages;
using Controller.Pipeline.Time;

namespace Controller.Hardware.Devices.Cia402;

/// <summary>
/// N CiA 402 servo drives on one CAN channel, as one <see cref="IJointBusDriver"/>. Each cycle: <see cref="Write"/>
/// sends every drive's two RPDOs then one SYNC; the drives answer with two TPDOs each, which the next
/// <see cref="Read"/> collects together with EMCYs, heartbeats and error frames.
/// </summary>
/// <remarks>
/// Open: NMT pre-operational, check each node is a CiA 402 device (0x1000), map the PDOs of
/// <see cref="Cia402PdoLayout"/> over SDO, set the heartbeat (0x1017) and CSP mode, NMT start, wait for the first
/// TPDOs. Enable: the state machine stepwise to operation enabled with the target held at the actual position.
/// Lifecycle calls do their own bus cycles; while one runs, <see cref="Read"/> leaves the channel alone and reports
/// no fresh joints (a lock-free handshake, so the loop thread never blocks).
/// Cycle faults: bus-off, a lost heartbeat or more than <see cref="Cia402BusOptions.MaxMissedCycles"/> missing
/// TPDOs is <see cref="BusStatus.DeviceLost"/>; a drive in fault, or one that left operation enabled while active,
/// is <see cref="BusStatus.DeviceFault"/>; a single missing TPDO is a counted <see cref="BusStatus.Timeout"/>.
/// Modes: Position → CSP and Velocity → CSV (effort as torque offset 0x60B2), Effort → CST (0x6071), Hold → CSP at
/// the position latched when holding began.
/// </remarks>
public sealed partial class Cia402CanDriver : IJointBusDriver
{
    private const int Tpdo1 = 0, Tpdo2 = 1;
    private readonly ICanChannel _channel;
    private readonly IMonotonicClock _clock;
    private readonly Cia402DriveConfig[] _drives;
    private readonly Cia402BusOptions _options;
    private readonly HeartbeatConsumer _heartbeats = new();
    private readonly short[] _ownerByCobId = new short[0x800];
    private readonly byte[] _tpdoKindByCobId = new byte[0x800];
    private readonly DriveData[] _data;
    private readonly Action _waitDefault = () => Thread.Sleep(1);
    private long _syncsSent;
    private int _active;
    private int _lifecycleBusy;
    private int _inRead;
    private int _wroteSinceRead;
    private bool _holding;

    private struct DriveData
    {
        public ushort Statusword;
        public int PositionIncrements;
        public int VelocityIncrementsPerSec;
        public short TorquePerMille;
        public int FollowingErrorIncrements;
        public long LastTpdoSync;
        public int ConsecutiveMisses;
        public long MissedCycles;
        public ushort LastEmergencyCode;
        public long Emergencies;
        public ushort LastControlword;
        public double HoldPositionRad;
    }

    /// <summary>Creates the driver; nothing is sent until <see cref="Open"/>.</summary>
    /// <exception cref="ArgumentException">When there are no drives, a node-ID repeats, or a value is out of range.</exception>
    public Cia402CanDriver(string name, ICanChannel channel, IReadOnlyList<Cia402DriveConfig> drives, IMonotonicClock clock, Cia402BusOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        _channel = channel ?? throw new ArgumentNullException(nameof(channel));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        ArgumentNullException.ThrowIfNull(drives);
        if (drives.Count < 1 || drives.Count > MessageLimits.MaxJoints)
            throw new ArgumentException($"bus '{name}': 1..{MessageLimits.MaxJoints} drives are needed; got {drives.Count}.", nameof(drives));
        _drives = [.. drives];
        _options = options ?? new Cia402BusOptions();
        Array.Fill(_ownerByCobId, (short)-1);
        for (int i = 0; i < _drives.Length; i++)
        {
            _drives[i].Validate(name);
            byte node = _drives[i].NodeId;
            if (_ownerByCobId[CanOpenCobIds.Tpdo(1, node)] >= 0)
                throw new ArgumentException($"bus '{name}': node-ID {node} is configured twice.", nameof(drives));
            _ownerByCobId[CanOpenCobIds.Tpdo(1, node)] = (short)i;
            _tpdoKindByCobId[CanOpenCobIds.Tpdo(1, node)] = Tpdo1;
            _ownerByCobId[CanOpenCobIds.Tpdo(2, node)] = (short)i;
            _tpdoKindByCobId[CanOpenCobIds.Tpdo(2, node)] = Tpdo2;
            _ownerByCobId[CanOpenCobIds.Emergency(node)] = (short)i;
        }
        if (_options.MaxMissedCycles < 1 || _options.HeartbeatPeriodMs < 1 || _options.HeartbeatTimeoutNs <= 0)
            throw new ArgumentOutOfRangeException(nameof(options), $"bus '{name}': MaxMissedCycles and HeartbeatPeriodMs must be ≥ 1 and HeartbeatTimeoutNs > 0.");
        _data = new DriveData[_drives.Length];
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public int JointCount => _drives.Length;

    /// <inheritdoc />
    public ActuatorModes SupportedModes => ActuatorModes.Position | ActuatorModes.Velocity | ActuatorModes.Torque;

    /// <summary>Heartbeat losses detected.</summary>
    public long HeartbeatTimeouts => _heartbeats.Timeouts;

    /// <summary>SYNCs sent (one per cycle).</summary>
    public long SyncsSent => Volatile.Read(ref _syncsSent);

    /// <summary>The channel's counters (sent, rejected, error frames, bus-off).</summary>
    public CanChannelCounters ChannelCounters => _channel.Counters;

    /// <summary>What the driver knows about drive <paramref name="drive"/> (0-based in configuration order).</summary>
    public Cia402DriveStatus GetDriveStatus(int drive)
    {
        ref var d = ref _data[drive];
        byte node = _drives[drive].NodeId;
        return new Cia402DriveStatus(node, Cia402Statusword.DecodeState(d.Statusword), d.Statusword,
            _drives[drive].Scaling.IncrementsToPositionRad(d.FollowingErrorIncrements), d.LastEmergencyCode, d.Emergencies,
            d.MissedCycles, _heartbeats.IsLost(node));
    }

    /// <inheritdoc />
    public BusStatus Read(ref JointState state, int offset)
    {
        Interlocked.Exchange(ref _inRead, 1);
        try
        {
            ulong mask = ((_drives.Length == 64 ? ulong.MaxValue : (1UL << _drives.Length) - 1)) << offset;
            if (Volatile.Read(ref _lifecycleBusy) != 0)
            {
                state.FreshMask &= ~mask;
                return BusStatus.Ok;
            }
            long now = _clock.NowNs;
            while (_channel.TryReceive(out var frame)) Dispatch(frame);
            _heartbeats.Check(now);
            var status = Evaluate(ref state, offset, countMisses: true);
            // A cycle without a write (Configured, Faulted) still needs fresh positions: a SYNC alone asks the drives
            // for their TPDOs without commanding anything, and drives in CSP hold their last target meanwhile.
            if (Interlocked.Exchange(ref _wroteSinceRead, 0) == 0) SendSync();
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
        Volatile.Write(ref _wroteSinceRead, 1);
        if (_channel.BusState == CanBusState.BusOff) return BusStatus.DeviceLost;
        bool hold = command.Mode == ControlMode.Hold;
        if (hold && !_holding)
            for (int i = 0; i < _drives.Length; i++) _data[i].HoldPositionRad = PositionRad(i);
        _holding = hold;
        bool ok = true;
        for (int i = 0; i < _drives.Length; i++)
        {
            var mode = command.Mode switch
            {
                ControlMode.Velocity => Cia402Mode.CyclicSyncVelocity,
                ControlMode.Effort => Cia402Mode.CyclicSyncTorque,
                _ => Cia402Mode.CyclicSyncPosition,
            };
            double position = hold ? _data[i].HoldPositionRad : command.Position[offset + i];
            double effort = hold ? 0 : command.Effort[offset + i];
            double torque = command.Mode == ControlMode.Effort ? effort : 0;
            double feedForward = command.Mode is ControlMode.Position or ControlMode.Velocity ? effort : 0;
            double velocity = command.Mode == ControlMode.Velocity ? command.Velocity[offset + i] : 0;
            // Only a drive known to be in operation enabled gets "enable operation": the same bits would take a drive
            // in ready to switch on straight to torque (3+4), so anything else gets "disable voltage".
            ushort controlword = Cia402Statusword.DecodeState(_data[i].Statusword) == Cia402State.OperationEnabled
                ? Cia402Controlword.EnableOperation
                : Cia402Controlword.DisableVoltage;
            ok &= SendRpdos(i, controlword, mode, position, velocity, torque, feedForward);
        }
        ok &= SendSync();
        return ok ? BusStatus.Ok : BusStatus.Timeout;
    }

    private BusStatus Evaluate(ref JointState state, int offset, bool countMisses)
    {
        var status = BusStatus.Ok;
        if (_channel.BusState == CanBusState.BusOff) status = BusStatus.DeviceLost;
        long syncs = Volatile.Read(ref _syncsSent);
        bool active = Volatile.Read(ref _active) != 0;
        for (int i = 0; i < _drives.Length; i++)
        {
            ref var d = ref _data[i];
            var scaling = _drives[i].Scaling;
            bool fresh = syncs > 0 && d.LastTpdoSync == syncs;
            if (countMisses && syncs > 0 && !fresh)
            {
                d.ConsecutiveMisses++;
                d.MissedCycles++;
                status = Worst(status, d.ConsecutiveMisses > _options.MaxMissedCycles ? BusStatus.DeviceLost : BusStatus.Timeout);
            }
            else if (fresh)
            {
                d.ConsecutiveMisses = 0;
            }
            if (_heartbeats.IsLost(_drives[i].NodeId)) status = Worst(status, BusStatus.DeviceLost);
            var driveState = Cia402Statusword.DecodeState(d.Statusword);
            if (Cia402Commander.IsFaulted(driveState) || (active && fresh && driveState != Cia402State.OperationEnabled))
                status = Worst(status, BusStatus.DeviceFault);
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

    private void Dispatch(in CanFrame frame)
    {
        if (frame.IsError || frame.IsExtended || frame.IsRemote) return;
        long now = _clock.NowNs;
        if (_heartbeats.OnFrame(frame, now)) return;
        int owner = _ownerByCobId[frame.Id & 0x7FF];
        if (owner < 0) return;
        ref var d = ref _data[owner];
        if (frame.Id == CanOpenCobIds.Emergency(_drives[owner].NodeId))
        {
            if (EmergencyMessage.TryDecode(frame, out var emcy))
            {
                d.LastEmergencyCode = emcy.ErrorCode;
                d.Emergencies++;
            }
            return;
        }
        ReadOnlySpan<byte> payload = frame.Data;
        if (_tpdoKindByCobId[frame.Id] == Tpdo1)
        {
            var map = Cia402PdoLayout.Tpdo1;
            if (frame.Length < map.Length) return;
            d.Statusword = (ushort)map.Read(payload, 0, signed: false);
            d.PositionIncrements = (int)map.Read(payload, 1, signed: true);
            d.TorquePerMille = (short)map.Read(payload, 2, signed: true);
            d.LastTpdoSync = Volatile.Read(ref _syncsSent);
        }
        else
        {
            var map = Cia402PdoLayout.Tpdo2;
            if (frame.Length < map.Length) return;
            d.VelocityIncrementsPerSec = (int)map.Read(payload, 0, signed: true);
            d.FollowingErrorIncrements = (int)map.Read(payload, 1, signed: true);
        }
    }

    private bool SendRpdos(int i, ushort controlword, Cia402Mode mode, double positionRad, double velocityRadPerSec, double torqueNm, double torqueOffsetNm)
    {
        var scaling = _drives[i].Scaling;
        byte node = _drives[i].NodeId;
        _data[i].LastControlword = controlword;
        var rpdo1 = new CanFrame { Id = CanOpenCobIds.Rpdo(1, node), Length = (byte)Cia402PdoLayout.Rpdo1.Length };
        Cia402PdoLayout.Rpdo1.Write(rpdo1.Data, 0, controlword);
        Cia402PdoLayout.Rpdo1.Write(rpdo1.Data, 1, scaling.PositionToIncrements(positionRad));
        Cia402PdoLayout.Rpdo1.Write(rpdo1.Data, 2, scaling.TorqueToPerMille(torqueNm));
        var rpdo2 = new CanFrame { Id = CanOpenCobIds.Rpdo(2, node), Length = (byte)Cia402PdoLayout.Rpdo2.Length };
        Cia402PdoLayout.Rpdo2.Write(rpdo2.Data, 0, scaling.VelocityToIncrementsPerSec(velocityRadPerSec));
        Cia402PdoLayout.Rpdo2.Write(rpdo2.Data, 1, (sbyte)mode);
        Cia402PdoLayout.Rpdo2.Write(rpdo2.Data, 2, scaling.TorqueToPerMille(torqueOffsetNm));
        return _channel.TrySend(rpdo1) & _channel.TrySend(rpdo2);
    }

    private bool SendSync()
    {
        Interlocked.Increment(ref _syncsSent);
        return _channel.TrySend(Sync.Create());
    }

    private double PositionRad(int i) => _drives[i].Scaling.IncrementsToPositionRad(_data[i].PositionIncrements);
}
