using System.Diagnostics;
using Controller.Hardware.Protocols.Mit;
using Controller.Hardware.Transports;
using Controller.Hardware.Transports.Can;
using Controller.Pipeline.Messages;
using Controller.Pipeline.Time;

namespace Controller.Hardware.Devices.Mit;

/// <summary>
/// A group of MIT-mode actuators on one CAN channel, as one <see cref="IJointBusDriver"/>. Every cycle each motor
/// gets one command frame and answers with one reply, which the next <see cref="Read"/> collects.
/// </summary>
/// <remarks>
/// Open sends exit-motor-mode to each motor (it answers with its state without enabling) and requires every
/// reply. While Configured, <see cref="Read"/> keeps asking the same way, so states stay fresh with torque off.
/// Enable sends enter-motor-mode and then holds the position measured at that moment (the twin and the real
/// firmwares start with zero gains, so enabling never moves the joint).
/// Commands: Impedance is sent as given; Position as (p, v ff, Kp, Kd, τ ff) with the configured gains;
/// Velocity as (0, v, 0, Kd, τ ff); Effort as pure torque; Hold as Position at the latched position.
/// Safe reaction: a cycle with a read but no write while enabled (the group is Faulted and writes stopped) sends
/// every motor a pure damping command (Kp = 0, Kd = the configured damping, τ = 0) instead of leaving it applying its
/// last command; the lifecycle's disable then exits motor mode.
/// Cycle faults: a fault in a reply is <see cref="BusStatus.DeviceFault"/>; more than
/// <see cref="MitBusOptions.MaxMissedCycles"/> missing replies or bus-off is <see cref="BusStatus.DeviceLost"/>.
/// </remarks>
public sealed class MitGroupDriver : IJointBusDriver
{
    private readonly ICanChannel _channel;
    private readonly IMonotonicClock _clock;
    private readonly MitActuatorConfig[] _motors;
    private readonly MitBusOptions _options;
    private readonly Motor[] _state;
    private readonly Action _waitDefault = () => Thread.Sleep(1);
    private readonly FutexWord _replyWait = new();
    private long _cycle;
    private long _lastRequestTimestamp;
    private bool _requestOutstanding;
    private int _active;
    private int _lifecycleBusy;
    private int _inRead;
    private int _wroteSinceRead;
    private bool _holding;

    private struct Motor
    {
        public MitReply Reply;
        public long LastReplyCycle;
        public int ConsecutiveMisses;
        public long MissedCycles;
        public long GuardNudges;
        public double HoldPositionRad;
    }

    /// <summary>Creates the driver; nothing is sent until <see cref="Open"/>.</summary>
    public MitGroupDriver(string name, ICanChannel channel, IReadOnlyList<MitActuatorConfig> motors, IMonotonicClock clock, MitBusOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        _channel = channel ?? throw new ArgumentNullException(nameof(channel));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        ArgumentNullException.ThrowIfNull(motors);
        if (motors.Count < 1 || motors.Count > MessageLimits.MaxJoints)
            throw new ArgumentException($"bus '{name}': 1..{MessageLimits.MaxJoints} motors are needed; got {motors.Count}.", nameof(motors));
        _motors = [.. motors];
        for (int i = 0; i < _motors.Length; i++)
        {
            _motors[i].Validate(name);
            for (int j = 0; j < i; j++)
                if (_motors[j].MotorId == _motors[i].MotorId)
                    throw new ArgumentException($"bus '{name}': motor id {_motors[i].MotorId} is configured twice.", nameof(motors));
        }
        _options = options ?? new MitBusOptions();
        if (_options.MaxMissedCycles < 1) throw new ArgumentOutOfRangeException(nameof(options), _options.MaxMissedCycles, "MaxMissedCycles must be ≥ 1.");
        if (_options.ReplyTimeoutNs is < 0 or > 1_000_000_000)
            throw new ArgumentOutOfRangeException(nameof(options), _options.ReplyTimeoutNs, $"bus '{name}': ReplyTimeoutNs must be 0..1 000 000 000 ns (0: do not wait).");
        _state = new Motor[_motors.Length];
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public int JointCount => _motors.Length;

    /// <inheritdoc />
    public ActuatorModes SupportedModes => ActuatorModes.Position | ActuatorModes.Velocity | ActuatorModes.Torque | ActuatorModes.Impedance;

    /// <summary>What the driver knows about motor <paramref name="motor"/> (0-based in configuration order).</summary>
    public MitActuatorStatus GetStatus(int motor)
    {
        ref var m = ref _state[motor];
        return new MitActuatorStatus(_motors[motor].MotorId, m.Reply.TemperatureC, m.Reply.ErrorCode, m.Reply.Faulted, m.MissedCycles, m.GuardNudges);
    }

    /// <inheritdoc />
    public void Open()
    {
        using var busy = new Scope(this);
        Exchange(MitSpecialCommand.ExitMotorMode, "read the motors' state");
    }

    /// <inheritdoc />
    public void EnableDrives()
    {
        using var busy = new Scope(this);
        for (int i = 0; i < _motors.Length; i++)
            if (_state[i].Reply.Faulted)
                throw new InvalidOperationException($"bus '{Name}': motor {_motors[i].MotorId} reports error code {_state[i].Reply.ErrorCode}; clear faults first.");
        Exchange(MitSpecialCommand.EnterMotorMode, "enter motor mode");
        for (int i = 0; i < _motors.Length; i++) _state[i].HoldPositionRad = _state[i].Reply.PositionRad;
        _holding = true;
        Volatile.Write(ref _active, 1);
    }

    /// <inheritdoc />
    public void DisableDrives()
    {
        Volatile.Write(ref _active, 0);
        try
        {
            using var busy = new Scope(this);
            Exchange(MitSpecialCommand.ExitMotorMode, "exit motor mode", throwOnTimeout: false);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or TimeoutException)
        {
            // Must not throw; the caller has already stopped commanding.
        }
    }

    /// <inheritdoc />
    public void ClearFaults()
    {
        using var busy = new Scope(this);
        Exchange(MitSpecialCommand.ClearError, "clear errors", throwOnTimeout: false, onlyDamiao: true);
        Exchange(MitSpecialCommand.ExitMotorMode, "clear faults (exit motor mode)");
        for (int i = 0; i < _motors.Length; i++)
        {
            _state[i].ConsecutiveMisses = 0;
            if (_state[i].Reply.Faulted)
                throw new InvalidOperationException($"bus '{Name}': motor {_motors[i].MotorId} still reports error code {_state[i].Reply.ErrorCode} after clearing.");
        }
    }

    /// <inheritdoc />
    public void Close()
    {
        Volatile.Write(ref _active, 0);
        for (int i = 0; i < _motors.Length; i++) SendSpecial(i, MitSpecialCommand.ExitMotorMode);
    }

    /// <inheritdoc />
    public BusStatus Read(ref JointState state, int offset)
    {
        Interlocked.Exchange(ref _inRead, 1);
        try
        {
            if (Volatile.Read(ref _lifecycleBusy) != 0)
            {
                for (int i = 0; i < _motors.Length; i++) state.FreshMask &= ~(1UL << (offset + i));
                return BusStatus.Ok;
            }
            Drain();
            if (_options.ReplyTimeoutNs > 0 && _requestOutstanding) AwaitMissingReplies();
            _requestOutstanding = false;
            var status = Evaluate(ref state, offset);
            if (Interlocked.Exchange(ref _wroteSinceRead, 0) == 0)
            {
                _cycle++;
                if (Volatile.Read(ref _active) == 0)
                {
                    // Read-only: the exit frame makes each motor report its state without enabling it.
                    for (int i = 0; i < _motors.Length; i++) SendSpecial(i, MitSpecialCommand.ExitMotorMode);
                }
                else
                {
                    // Enabled but nobody writes (the group faulted): an MIT motor would go on applying its last
                    // command, so it gets a pure damping command instead until the lifecycle disables it.
                    SendDamping();
                }
                MarkRequestSent();
            }
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
            for (int i = 0; i < _motors.Length; i++) _state[i].HoldPositionRad = _state[i].Reply.PositionRad;
        _holding = hold;
        _cycle++;
        MarkRequestSent();
        bool ok = true;
        Span<byte> data = stackalloc byte[MitCodec.CommandLength];
        for (int i = 0; i < _motors.Length; i++)
        {
            var config = _motors[i];
            int j = offset + i;
            var mit = command.Mode switch
            {
                ControlMode.Impedance => new MitCommand(command.Position[j], command.Velocity[j], command.Stiffness[j], command.Damping[j], command.Effort[j]),
                ControlMode.Position => new MitCommand(command.Position[j], command.Velocity[j], config.PositionKp, config.PositionKd, command.Effort[j]),
                ControlMode.Velocity => new MitCommand(0, command.Velocity[j], 0, config.PositionKd, command.Effort[j]),
                ControlMode.Effort => new MitCommand(0, 0, 0, 0, command.Effort[j]),
                _ => new MitCommand(_state[i].HoldPositionRad, 0, config.PositionKp, config.PositionKd, 0),
            };
            var frame = new CanFrame { Id = config.MotorId, Length = MitCodec.CommandLength };
            if (MitCodec.EncodeCommand(mit, config.Model, frame.Data)) _state[i].GuardNudges++;
            ok &= _channel.TrySend(frame);
        }
        return ok ? BusStatus.Ok : BusStatus.Timeout;
    }

    private void Drain()
    {
        while (_channel.TryReceive(out var frame))
        {
            if (frame.IsError || frame.IsRemote || frame.IsExtended) continue;
            for (int i = 0; i < _motors.Length; i++)
            {
                var config = _motors[i];
                if (frame.Id != config.ReplyCanId || frame.Length < MitCodec.ReplyLength(config.Model.ReplyLayout)) continue;
                byte id = config.Model.ReplyLayout == MitReplyLayout.Damiao8 ? (byte)(frame.Data[0] & 0xF) : frame.Data[0];
                if (id != (config.Model.ReplyLayout == MitReplyLayout.Damiao8 ? (config.MotorId & 0xF) : config.MotorId)) continue;
                if (MitCodec.TryDecodeReply(frame, config.Model, out var reply))
                {
                    _state[i].Reply = reply;
                    _state[i].LastReplyCycle = _cycle;
                }
                break;
            }
        }
    }

    private void MarkRequestSent()
    {
        _lastRequestTimestamp = Stopwatch.GetTimestamp();
        _requestOutstanding = true;
    }

    /// <summary>Waits, up to <see cref="MitBusOptions.ReplyTimeoutNs"/> after the cycle's frames went out, for replies not yet in.</summary>
    private void AwaitMissingReplies()
    {
        long deadline = _lastRequestTimestamp + (long)(_options.ReplyTimeoutNs * (Stopwatch.Frequency / 1e9));
        while (true)
        {
            bool missing = false;
            for (int i = 0; i < _state.Length && !missing; i++) missing = _state[i].LastReplyCycle != _cycle;
            long left = deadline - Stopwatch.GetTimestamp();
            if (!missing || left <= 0) return;
            _replyWait.SleepFor(Math.Min(50_000, (long)(left * (1e9 / Stopwatch.Frequency)) + 1));
            Drain();
        }
    }

    private BusStatus Evaluate(ref JointState state, int offset)
    {
        var status = _channel.BusState == CanBusState.BusOff ? BusStatus.DeviceLost : BusStatus.Ok;
        for (int i = 0; i < _motors.Length; i++)
        {
            ref var m = ref _state[i];
            int joint = offset + i;
            bool fresh = _cycle > 0 && m.LastReplyCycle == _cycle;
            if (_cycle > 0 && !fresh)
            {
                m.ConsecutiveMisses++;
                m.MissedCycles++;
                status = Worse(status, m.ConsecutiveMisses > _options.MaxMissedCycles ? BusStatus.DeviceLost : BusStatus.Timeout);
            }
            else if (fresh)
            {
                m.ConsecutiveMisses = 0;
            }
            if (m.Reply.Faulted) status = Worse(status, BusStatus.DeviceFault);
            state.Position[joint] = m.Reply.PositionRad;
            state.Velocity[joint] = m.Reply.VelocityRadPerSec;
            state.Effort[joint] = m.Reply.TorqueNm;
            if (fresh) state.FreshMask |= 1UL << joint;
            else state.FreshMask &= ~(1UL << joint);
        }
        return status;
    }

    private static BusStatus Worse(BusStatus a, BusStatus b) => Rank(b) > Rank(a) ? b : a;

    private static int Rank(BusStatus s) => s switch
    {
        BusStatus.DeviceLost => 3,
        BusStatus.DeviceFault => 2,
        BusStatus.Timeout => 1,
        _ => 0,
    };

    private void SendDamping()
    {
        for (int i = 0; i < _motors.Length; i++)
        {
            var frame = new CanFrame { Id = _motors[i].MotorId, Length = MitCodec.CommandLength };
            MitCodec.EncodeCommand(new MitCommand(_state[i].Reply.PositionRad, 0, 0, _motors[i].PositionKd, 0), _motors[i].Model, frame.Data);
            _channel.TrySend(frame);
        }
    }

    private bool SendSpecial(int i, MitSpecialCommand command)
    {
        var frame = new CanFrame { Id = _motors[i].MotorId, Length = MitCodec.CommandLength };
        MitCodec.EncodeSpecial(command, frame.Data);
        return _channel.TrySend(frame);
    }

    private void Exchange(MitSpecialCommand command, string what, bool throwOnTimeout = true, bool onlyDamiao = false)
    {
        var wait = _options.WhileWaiting ?? _waitDefault;
        _cycle++;
        for (int i = 0; i < _motors.Length; i++)
        {
            if (onlyDamiao && _motors[i].Model.ReplyLayout != MitReplyLayout.Damiao8) continue;
            if (!SendSpecial(i, command))
                throw new IOException($"bus '{Name}': channel '{_channel.Name}' refused the {command} frame for motor {_motors[i].MotorId} ({_channel.BusState}).");
        }
        long deadline = _clock.NowNs + _options.LifecycleTimeoutNs;
        while (true)
        {
            wait();
            Drain();
            bool all = true;
            for (int i = 0; i < _motors.Length; i++)
                if (!(onlyDamiao && _motors[i].Model.ReplyLayout != MitReplyLayout.Damiao8)) all &= _state[i].LastReplyCycle == _cycle;
            if (all) return;
            if (_clock.NowNs > deadline)
            {
                if (!throwOnTimeout) return;
                var missing = string.Join(", ", Enumerable.Range(0, _motors.Length).Where(i => _state[i].LastReplyCycle != _cycle).Select(i => _motors[i].MotorId));
                throw new TimeoutException($"bus '{Name}': {what}: no reply from motor id {missing} within {_options.LifecycleTimeoutNs / 1_000_000} ms.");
            }
        }
    }

    private readonly struct Scope : IDisposable
    {
        private readonly MitGroupDriver _driver;

        public Scope(MitGroupDriver driver)
        {
            _driver = driver;
            Interlocked.Exchange(ref driver._lifecycleBusy, 1);
            var spin = new SpinWait();
            while (Volatile.Read(ref driver._inRead) != 0) spin.SpinOnce();
        }

        public void Dispose() => Volatile.Write(ref _driver._lifecycleBusy, 0);
    }
}
