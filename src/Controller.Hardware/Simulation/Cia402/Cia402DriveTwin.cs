using Controller.Hardware.Protocols.CanOpen;
using Controller.Hardware.Protocols.Cia402;
using Controller.Hardware.Transports.Can;

namespace Controller.Hardware.Simulation.Cia402;

/// <summary>
/// A simulated CiA 402 servo drive on a CANopen bus, driving one joint of an <see cref="ISimulatedPlant"/>: NMT,
/// heartbeat, SDO server over its object dictionary, synchronous PDOs, the CiA 402 state machine, CSP/CSV/CST
/// (and PP/PV as their cyclic equivalents), following-error supervision, and EMCY on every fault.
/// </summary>
/// <remarks>
/// <see cref="Step"/> is its whole life: it drains the channel, answers, and at each SYNC applies the received
/// set-points, samples the joint and sends its TPDOs; between SYNCs it keeps applying the servo law to the plant.
/// Call it once per bus tick from one thread. It does not allocate in steady state.
/// Misbehaviour on demand: <see cref="InjectFault"/> (a drive fault with its EMCY), <see cref="SilenceHeartbeat"/>
/// (lost heartbeat), <see cref="NoReply"/> (a frozen drive: reads nothing, sends nothing); bus-off is the virtual
/// bus node's (<see cref="VirtualCanNode.ForceBusOff"/>).
/// </remarks>
public sealed class Cia402DriveTwin
{
    private readonly ICanChannel _channel;
    private readonly ISimulatedPlant _plant;
    private readonly int _joint;
    private readonly Cia402Scaling _scaling;
    private readonly Cia402TwinOptions _options;
    private readonly SdoServer _sdo;
    private readonly TwinObject _controlword, _statusword, _mode, _modeDisplay, _position, _velocity, _torque;
    private readonly TwinObject _targetPosition, _targetVelocity, _targetTorque, _torqueOffset, _followingError, _followingWindow;
    private readonly TwinObject _errorCode, _errorRegister, _heartbeatMs, _ratedTorque, _maxTorque;
    private HeartbeatProducer? _heartbeat;
    private bool _booted;
    private bool _syncSeen;
    private ushort _pendingFault;

    /// <summary>Creates the twin as node <paramref name="nodeId"/>, driving joint <paramref name="joint"/> of <paramref name="plant"/>.</summary>
    public Cia402DriveTwin(ICanChannel channel, byte nodeId, ISimulatedPlant plant, int joint, Cia402Scaling scaling, Cia402TwinOptions? options = null)
    {
        _channel = channel ?? throw new ArgumentNullException(nameof(channel));
        _plant = plant ?? throw new ArgumentNullException(nameof(plant));
        ArgumentOutOfRangeException.ThrowIfNegative(joint);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(joint, plant.JointCount);
        _joint = joint;
        _scaling = scaling ?? throw new ArgumentNullException(nameof(scaling));
        _options = options ?? new Cia402TwinOptions();
        NodeId = nodeId;
        Dictionary = new Cia402TwinDictionary(nodeId, _options.DeviceName, _options.SerialNumber);
        _sdo = new SdoServer(nodeId, Dictionary);
        _controlword = Dictionary.Get(Cia402Objects.Controlword);
        _statusword = Dictionary.Get(Cia402Objects.Statusword);
        _mode = Dictionary.Get(Cia402Objects.ModesOfOperation);
        _modeDisplay = Dictionary.Get(Cia402Objects.ModesOfOperationDisplay);
        _position = Dictionary.Get(Cia402Objects.PositionActualValue);
        _velocity = Dictionary.Get(Cia402Objects.VelocityActualValue);
        _torque = Dictionary.Get(Cia402Objects.TorqueActualValue);
        _targetPosition = Dictionary.Get(Cia402Objects.TargetPosition);
        _targetVelocity = Dictionary.Get(Cia402Objects.TargetVelocity);
        _targetTorque = Dictionary.Get(Cia402Objects.TargetTorque);
        _torqueOffset = Dictionary.Get(Cia402Objects.TorqueOffset);
        _followingError = Dictionary.Get(Cia402Objects.FollowingErrorActualValue);
        _followingWindow = Dictionary.Get(Cia402Objects.FollowingErrorWindow);
        _errorCode = Dictionary.Get(Cia402Objects.ErrorCode);
        _errorRegister = Dictionary.Get(0x1001);
        _heartbeatMs = Dictionary.Get(0x1017);
        _ratedTorque = Dictionary.Get(Cia402Objects.MotorRatedTorque);
        _maxTorque = Dictionary.Get(Cia402Objects.MaxTorque);
        _ratedTorque.Value = (long)Math.Round(scaling.RatedTorqueNm * 1000);
        Dictionary.Written = OnSdoWrite;
        if (_options.HeartbeatPeriodMs is < 0 or > ushort.MaxValue)
            throw new ArgumentOutOfRangeException(nameof(options), _options.HeartbeatPeriodMs, "HeartbeatPeriodMs must be 0..65535 (0x1017 is UNSIGNED16).");
        _heartbeatMs.Value = _options.HeartbeatPeriodMs;
        if (_options.HeartbeatPeriodMs > 0) _heartbeat = new HeartbeatProducer(NodeId, _options.HeartbeatPeriodMs * 1_000_000L);
        StateMachine.CompleteInitialisation();
        Sample();
    }

    /// <summary>The node-ID.</summary>
    public byte NodeId { get; }

    /// <summary>The object dictionary (tests inspect it; SDO reaches it over the bus).</summary>
    public Cia402TwinDictionary Dictionary { get; }

    /// <summary>The drive's state machine.</summary>
    public Cia402DriveStateMachine StateMachine { get; private set; } = new();

    /// <summary>The NMT state.</summary>
    public NmtState NmtState { get; private set; } = NmtState.PreOperational;

    /// <summary>The torque the twin applies now (N·m at the joint).</summary>
    public double AppliedTorqueNm { get; private set; }

    /// <summary>SYNCs processed while operational.</summary>
    public long SyncCount { get; private set; }

    /// <summary>When true, no heartbeat is sent (a lost heartbeat).</summary>
    public bool SilenceHeartbeat { get; set; }

    /// <summary>When true, the drive is frozen: it reads and answers nothing and holds its last torque at zero.</summary>
    public bool NoReply { get; set; }

    /// <summary>Raises a drive fault with <paramref name="errorCode"/> (EMCY sent at the next step), e.g. 0x2310 over-current.</summary>
    public void InjectFault(ushort errorCode = 0x2310) => _pendingFault = errorCode;

    /// <summary>One tick: handle received frames, run the servo law on the plant, send heartbeat when due.</summary>
    public void Step(long nowNs)
    {
        if (NoReply)
        {
            while (_channel.TryReceive(out _)) { }
            ApplyTorque(0);
            return;
        }
        if (!_booted)
        {
            _booted = true;
            _channel.TrySend(Nmt.Heartbeat(NodeId, NmtState.BootUp));
        }
        while (_channel.TryReceive(out var frame)) Handle(frame, nowNs);
        if (_pendingFault != 0)
        {
            Fault(_pendingFault, errorRegister: 0x03);
            _pendingFault = 0;
        }
        Control();
        if (NmtState != NmtState.Operational) Sample();
        if (_heartbeat is not null && !SilenceHeartbeat && _heartbeat.TryProduce(nowNs, NmtState, out var beat)) _channel.TrySend(beat);
    }

    private void Handle(in CanFrame frame, long nowNs)
    {
        if (frame.IsError || frame.IsExtended) return;
        if (Nmt.TryDecodeCommand(frame, out var command, out byte target))
        {
            if (target == 0 || target == NodeId) OnNmt(command);
            return;
        }
        if (_sdo.TryHandle(frame, out var response))
        {
            _channel.TrySend(response);
            return;
        }
        if (NmtState != NmtState.Operational) return;
        if (Sync.IsSync(frame, out _))
        {
            OnSync();
            return;
        }
        foreach (var rpdo in Dictionary.Rpdos)
        {
            if (rpdo.IsActive && rpdo.CobId == frame.Id)
            {
                Dictionary.Unpack(rpdo, ((ReadOnlySpan<byte>)frame.Data)[..frame.Length]);
                return;
            }
        }
    }

    private void OnNmt(NmtCommand command)
    {
        if (command is NmtCommand.ResetNode or NmtCommand.ResetCommunication)
        {
            if (command == NmtCommand.ResetNode)
            {
                StateMachine = new Cia402DriveStateMachine();
                StateMachine.CompleteInitialisation();
            }
            _channel.TrySend(Nmt.Heartbeat(NodeId, NmtState.BootUp));
        }
        NmtState = Nmt.StateAfter(command);
        _heartbeat?.Reset();
    }

    private void OnSync()
    {
        _syncSeen = true;
        SyncCount++;
        ApplyControlword();
        Sample();
        Span<byte> data = stackalloc byte[8];
        foreach (var tpdo in Dictionary.Tpdos)
        {
            if (!tpdo.IsActive || tpdo.TransmissionType == 0 || tpdo.TransmissionType > 240) continue;
            if (SyncCount % tpdo.TransmissionType != 0) continue;
            Dictionary.Pack(tpdo, data);
            var frame = new CanFrame { Id = tpdo.CobId & CanFrame.MaxStandardId, Length = (byte)tpdo.Length };
            data[..tpdo.Length].CopyTo(frame.Data);
            _channel.TrySend(frame);
        }
    }

    private void OnSdoWrite(ushort index, byte subIndex)
    {
        if (index == 0x1017) _heartbeat = _heartbeatMs.Value > 0 ? new HeartbeatProducer(NodeId, _heartbeatMs.Value * 1_000_000) : null;
        else if (index == Cia402Objects.Controlword) ApplyControlword();
        Sample();
    }

    private void ApplyControlword()
    {
        if (StateMachine.Apply((ushort)_controlword.Value) != 15) return;
        // Fault reset: the error is gone, and the drive says so with an "error reset" EMCY.
        _errorCode.Value = 0;
        _errorRegister.Value = 0;
        _channel.TrySend(new EmergencyMessage(NodeId, 0, 0).ToFrame());
    }

    private void Sample()
    {
        double q = _plant.GetPositionRad(_joint);
        double qd = _plant.GetVelocityRadPerSec(_joint);
        _position.Value = _scaling.PositionToIncrements(q);
        _velocity.Value = _scaling.VelocityToIncrementsPerSec(qd);
        _torque.Value = _scaling.TorqueToPerMille(AppliedTorqueNm);
        var mode = (Cia402Mode)(sbyte)_mode.Value;
        bool positionMode = mode is Cia402Mode.CyclicSyncPosition or Cia402Mode.ProfilePosition;
        _followingError.Value = positionMode && StateMachine.FollowsSetPoints ? _targetPosition.Value - _position.Value : 0;
        _modeDisplay.Value = _mode.Value;
        ushort statusword = (ushort)(Cia402Statusword.Encode(StateMachine.State) | Cia402Statusword.Remote);
        if (StateMachine.FollowsSetPoints && mode is Cia402Mode.CyclicSyncPosition or Cia402Mode.CyclicSyncVelocity or Cia402Mode.CyclicSyncTorque)
            statusword |= Cia402Statusword.OperationModeSpecific12;
        if (_errorCode.Value == 0x8611) statusword |= Cia402Statusword.OperationModeSpecific13;
        _statusword.Value = statusword;
    }

    private void Control()
    {
        double q = _plant.GetPositionRad(_joint);
        double qd = _plant.GetVelocityRadPerSec(_joint);
        switch (StateMachine.State)
        {
            case Cia402State.FaultReactionActive:
                ApplyTorque(0);
                StateMachine.CompleteFaultReaction();
                return;
            case Cia402State.QuickStopActive:
                ApplyTorque(-_options.VelocityGainNmsPerRad * qd);
                if (Math.Abs(qd) < _options.StoppedBelowRadPerSec) StateMachine.CompleteQuickStop();
                return;
            case Cia402State.OperationEnabled when _syncSeen:
                break;
            default:
                ApplyTorque(0);
                return;
        }
        double torque;
        switch ((Cia402Mode)(sbyte)_mode.Value)
        {
            case Cia402Mode.CyclicSyncPosition or Cia402Mode.ProfilePosition:
                double target = _scaling.IncrementsToPositionRad((int)_targetPosition.Value);
                long window = _followingWindow.Value;
                if (window > 0 && Math.Abs(_targetPosition.Value - _scaling.PositionToIncrements(q)) > window)
                {
                    Fault(0x8611, errorRegister: 0x21);
                    return;
                }
                torque = _options.PositionGainNmPerRad * (target - q) - _options.VelocityGainNmsPerRad * qd
                    + _scaling.PerMilleToTorqueNm((short)_torqueOffset.Value);
                break;
            case Cia402Mode.CyclicSyncVelocity or Cia402Mode.ProfileVelocity:
                torque = _options.VelocityGainNmsPerRad * (_scaling.IncrementsPerSecToVelocityRadPerSec((int)_targetVelocity.Value) - qd)
                    + _scaling.PerMilleToTorqueNm((short)_torqueOffset.Value);
                break;
            case Cia402Mode.CyclicSyncTorque:
                torque = _scaling.PerMilleToTorqueNm((short)_targetTorque.Value);
                break;
            default:
                torque = -_options.VelocityGainNmsPerRad * qd; // an unsupported mode holds still
                break;
        }
        double limit = _scaling.PerMilleToTorqueNm((short)Math.Min(_maxTorque.Value, short.MaxValue));
        ApplyTorque(Math.Clamp(torque, -limit, limit));
    }

    private void Fault(ushort errorCode, byte errorRegister)
    {
        if (Cia402Commander.IsFaulted(StateMachine.State)) return;
        StateMachine.RaiseFault();
        _errorCode.Value = errorCode;
        _errorRegister.Value = errorRegister;
        ApplyTorque(0);
        _channel.TrySend(new EmergencyMessage(NodeId, errorCode, errorRegister).ToFrame());
    }

    private void ApplyTorque(double torqueNm)
    {
        AppliedTorqueNm = torqueNm;
        _plant.SetActuatorTorqueNm(_joint, torqueNm);
    }
}
