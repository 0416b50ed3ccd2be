using System.Buffers.Binary;
using System.Diagnostics;
using Controller.Hardware.Protocols.Feetech;
using Controller.Hardware.Transports.Serial;
using Controller.Pipeline.Messages;

namespace Controller.Hardware.Devices.Feetech;

/// <summary>
/// N Feetech STS3215 servos on one serial line (LeRobot's SO-100/SO-101 arms), served each cycle by ONE Sync Write
/// (0x83) of Goal Position (or Goal Velocity) and ONE Sync Read (0x82) of Present Position, Velocity and Load
/// (addresses 56..61), answered by one status packet per servo.
/// </summary>
/// <remarks>
/// Cycle path (<see cref="Read"/>, <see cref="Write"/>): preallocated buffers, no allocation, no exception. A servo
/// that does not answer in time is a <see cref="BusStatus.Timeout"/>, a damaged reply a
/// <see cref="BusStatus.ChecksumError"/>, an error bit in a status (voltage, angle, overheat, over-current,
/// overload) a <see cref="BusStatus.DeviceFault"/>, and <see cref="FeetechBusOptions.LostAfterMissedReplies"/>
/// missed cycles in a row a <see cref="BusStatus.DeviceLost"/>; each is counted. Stale joints keep their last values
/// with their FreshMask bit cleared. NaN set-points are replaced by the hold value and counted. Positions are joint
/// radians through each servo's LeRobot calibration (<see cref="FeetechMotorCalibration"/>), or step 2048 = 0 rad.
/// Lifecycle: Open pings every ID, checks its model number and writes calibrations that differ; EnableDrives writes
/// the operating mode, sets the goal to the present position (no jump), then torque on; ClearFaults releases the
/// torque of servos reporting an error and checks the error is gone.
/// </remarks>
public sealed class FeetechGroupDriver : IJointBusDriver
{
    private const int FeedbackBytes = 6;
    private readonly FeetechBusOptions _options;
    private readonly byte[] _ids;
    private readonly int[] _indexOfId = new int[256];
    private readonly double[] _centerStep;
    private readonly int[] _sign;
    private readonly int[] _minStep;
    private readonly int[] _maxStep;
    private readonly byte[] _readRequest = new byte[FeetechPacket.OverheadBytes + 2 + 64];
    private readonly byte[] _writePacket;
    private readonly byte[] _writeData;
    private readonly byte[] _parameters = new byte[FeetechPacket.MaxPacketBytes];
    private readonly FeetechStreamDecoder _decoder = new();
    private readonly int[] _lastSteps;
    private readonly int[] _holdSteps;
    private readonly int[] _missedCycles;
    private readonly bool[] _answered;
    private readonly bool[] _fresh;
    private readonly int[] _lastErrors;
    private readonly FeetechRegister _goalRegister;
    private readonly long _replyTimeoutTicks;
    private readonly bool _ownsLink;
    private ISerialLink? _link;
    private FeetechCommander? _commander;
    private int _readRequestLength;
    private bool _holding;
    private long _timeouts, _checksumErrors, _servoErrors, _lostEvents, _rejectedSetPoints, _cycles, _bytesOnWire;

    /// <summary>A driver that opens <see cref="FeetechBusOptions.PortName"/> itself (a <see cref="SerialTransport"/>) on Open.</summary>
    /// <exception cref="ArgumentException">Invalid options (see <see cref="FeetechBusOptions.Validate"/>) or no port name.</exception>
    public FeetechGroupDriver(FeetechBusOptions options) : this(options, null)
    {
        if (string.IsNullOrWhiteSpace(options.PortName))
            throw new ArgumentException($"feetech bus '{options.Name}': a port name is required.", nameof(options));
    }

    /// <summary>A driver on an already open link (not disposed by the driver), e.g. a shared adapter or a test transport.</summary>
    /// <exception cref="ArgumentException">Invalid options.</exception>
    public FeetechGroupDriver(FeetechBusOptions options, ISerialLink? link)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _link = link;
        _ownsLink = link is null;
        int count = options.Servos.Count;
        _ids = options.Servos.Select(s => s.Id).ToArray();
        Array.Fill(_indexOfId, -1);
        for (int i = 0; i < count; i++) _indexOfId[_ids[i]] = i;
        _centerStep = options.Servos.Select(s => s.Calibration?.CenterStep ?? FeetechUnits.CenterStep).ToArray();
        _sign = options.Servos.Select(s => s.Calibration?.Sign ?? 1).ToArray();
        _minStep = options.Servos.Select(s => s.Calibration?.RangeMin ?? 0).ToArray();
        _maxStep = options.Servos.Select(s => s.Calibration?.RangeMax ?? FeetechUnits.MaxStep).ToArray();
        _goalRegister = options.OperatingMode == FeetechOperatingMode.Velocity ? StsControlTable.GoalVelocity : StsControlTable.GoalPosition;
        _writeData = new byte[count * _goalRegister.Size];
        _writePacket = new byte[FeetechPacket.OverheadBytes + 2 + count * (1 + _goalRegister.Size)];
        _lastSteps = new int[count];
        _holdSteps = new int[count];
        _missedCycles = new int[count];
        _answered = new bool[count];
        _fresh = new bool[count];
        _lastErrors = new int[count];
        _replyTimeoutTicks = (long)(options.ReplyTimeout.TotalSeconds * Stopwatch.Frequency);
        SupportedModes = options.OperatingMode == FeetechOperatingMode.Velocity ? ActuatorModes.Velocity : ActuatorModes.Position;
    }

    /// <inheritdoc />
    public string Name => _options.Name;

    /// <inheritdoc />
    public int JointCount => _ids.Length;

    /// <inheritdoc />
    public ActuatorModes SupportedModes { get; }

    /// <summary>Servo replies missing at the end of a cycle's read.</summary>
    public long Timeouts => Volatile.Read(ref _timeouts);

    /// <summary>Replies dropped for a bad checksum.</summary>
    public long ChecksumErrors => Volatile.Read(ref _checksumErrors);

    /// <summary>Replies carrying error bits (voltage, angle, overheat, over-current, overload) or a wrong length.</summary>
    public long ServoErrors => Volatile.Read(ref _servoErrors);

    /// <summary>Times a servo was declared lost after too many missed cycles.</summary>
    public long LostEvents => Volatile.Read(ref _lostEvents);

    /// <summary>NaN set-points replaced by the hold value.</summary>
    public long RejectedSetPoints => Volatile.Read(ref _rejectedSetPoints);

    /// <summary>Cycle reads done.</summary>
    public long Cycles => Volatile.Read(ref _cycles);

    /// <summary>Bytes sent and received by the cycle path (for wire-time accounting).</summary>
    public long BytesOnWire => Volatile.Read(ref _bytesOnWire);

    /// <summary>The error bits of the last status servo <paramref name="servo"/> (its index in <see cref="FeetechBusOptions.Servos"/>) sent; for diagnostics off the loop thread.</summary>
    public FeetechStatusErrors LastErrors(int servo) => (FeetechStatusErrors)Volatile.Read(ref _lastErrors[servo]);

    /// <inheritdoc />
    public void Open()
    {
        _link ??= SerialTransport.Open(_options.PortName, _options.BaudRate);
        var lifecycleTimeout = TimeSpan.FromTicks(Math.Max(_options.ReplyTimeout.Ticks * 4, TimeSpan.FromMilliseconds(50).Ticks));
        _commander = new FeetechCommander(_link, Name, lifecycleTimeout);
        foreach (var servo in _options.Servos)
        {
            if (_commander.Ping(servo.Id, _options.PingAttempts) is null)
                throw new IOException($"feetech bus '{Name}' on {_options.PortName} at {_options.BaudRate} baud: servo id {servo.Id} did not answer {_options.PingAttempts} pings (check ID, baud rate, power, wiring).");
            int model = _commander.Read(servo.Id, StsControlTable.ModelNumber);
            if (model != _options.ModelNumber)
                throw new IOException($"feetech bus '{Name}': servo id {servo.Id} is model number {model}; the configuration expects {_options.ModelNumber}{(_options.ModelNumber == StsControlTable.Sts3215ModelNumber ? " (STS3215)" : "")}.");
            if (servo.Calibration is { } c && _options.WriteCalibration) WriteCalibrationIfDifferent(_commander, servo.Id, c);
        }
        _readRequestLength = FeetechInstructions.SyncRead(_readRequest, StsControlTable.FeedbackBlock.Address, StsControlTable.FeedbackBlock.Size, _ids);
        for (int i = 0; i < _ids.Length; i++) _lastSteps[i] = _commander.Read(_ids[i], StsControlTable.PresentPosition);
    }

    private static void WriteCalibrationIfDifferent(FeetechCommander c, byte id, FeetechMotorCalibration calibration)
    {
        if (c.Read(id, StsControlTable.HomingOffset) == calibration.HomingOffset
            && c.Read(id, StsControlTable.MinPositionLimit) == calibration.RangeMin
            && c.Read(id, StsControlTable.MaxPositionLimit) == calibration.RangeMax) return;
        // As LeRobot's disable_torque + write_calibration: torque off and EEPROM unlocked before the EEPROM items.
        c.Write(id, StsControlTable.TorqueEnable, 0);
        c.Write(id, StsControlTable.Lock, 0);
        c.Write(id, StsControlTable.HomingOffset, calibration.HomingOffset);
        c.Write(id, StsControlTable.MinPositionLimit, calibration.RangeMin);
        c.Write(id, StsControlTable.MaxPositionLimit, calibration.RangeMax);
        c.Write(id, StsControlTable.Lock, 1);
    }

    /// <inheritdoc />
    public void EnableDrives()
    {
        var c = Commander();
        for (int i = 0; i < _ids.Length; i++)
        {
            byte id = _ids[i];
            c.Write(id, StsControlTable.TorqueEnable, 0);
            c.Write(id, StsControlTable.Lock, 0);
            c.Write(id, StsControlTable.OperatingMode, (int)_options.OperatingMode);
            int present = c.Read(id, StsControlTable.PresentPosition);
            _lastSteps[i] = present;
            if (_goalRegister == StsControlTable.GoalPosition) c.Write(id, StsControlTable.GoalPosition, Math.Clamp(present, _minStep[i], _maxStep[i]));
            else c.Write(id, StsControlTable.GoalVelocity, 0);
            c.Write(id, StsControlTable.TorqueEnable, 1);
            c.Write(id, StsControlTable.Lock, 1);
            _missedCycles[i] = 0;
        }
        _holding = false;
    }

    /// <inheritdoc />
    public void DisableDrives()
    {
        if (_commander is null) return;
        try
        {
            Span<byte> off = stackalloc byte[64];
            off.Clear();
            Span<byte> packet = stackalloc byte[FeetechPacket.OverheadBytes + 2 + 2 * 64];
            int n = FeetechInstructions.SyncWrite(packet, StsControlTable.TorqueEnable.Address, 1, _ids, off[.._ids.Length]);
            _commander.Send(packet[..n]);
        }
        catch (Exception e) when (e is IOException or ArgumentException)
        {
            // Must not throw: the line may already be gone.
        }
    }

    /// <inheritdoc />
    public void ClearFaults()
    {
        var c = Commander();
        foreach (byte id in _ids)
        {
            var error = c.Ping(id, _options.PingAttempts);
            if (error is null or FeetechStatusErrors.None) continue;
            // An STS protects itself by releasing torque; writing Torque_Enable 0 acknowledges it, EnableDrives re-arms.
            c.Write(id, StsControlTable.TorqueEnable, 0);
            var left = c.Ping(id, _options.PingAttempts);
            if (left is null)
                throw new IOException($"feetech bus '{Name}': servo id {id} stopped answering while its fault ({error}) was cleared.");
            if (left != FeetechStatusErrors.None)
                throw new IOException($"feetech bus '{Name}': servo id {id} still reports {left} after its torque was released (check load, supply voltage and temperature).");
        }
        Array.Clear(_missedCycles);
    }

    /// <inheritdoc />
    public void Close()
    {
        if (_ownsLink && _link is IDisposable d) d.Dispose();
        if (_ownsLink) _link = null;
        _commander = null;
        _readRequestLength = 0;
    }

    /// <inheritdoc />
    public BusStatus Read(ref JointState state, int offset)
    {
        var link = _link;
        if (link is null || _readRequestLength == 0) return BusStatus.NotActive;
        _cycles++;
        _decoder.Clear();
        link.DiscardInput();
        long checksumBefore = _decoder.ChecksumMismatches;
        Array.Clear(_answered);
        Array.Clear(_fresh);
        int answered = 0, faults = 0, received = 0;
        long deadline = Stopwatch.GetTimestamp() + _replyTimeoutTicks;
        if (link.Write(_readRequest.AsSpan(0, _readRequestLength), deadline))
        {
            while (answered + (int)(_decoder.ChecksumMismatches - checksumBefore) < _ids.Length)
            {
                int n = link.Read(_decoder.GetWriteSpace(), deadline);
                if (n == 0) break;
                received += n;
                _decoder.Commit(n);
                FeetechDecodeResult result;
                while ((result = _decoder.TryNext(_parameters, out var info)) != FeetechDecodeResult.NeedMoreData)
                {
                    if (result != FeetechDecodeResult.Packet) continue;
                    int index = _indexOfId[info.Id];
                    if (index < 0 || _answered[index]) continue;
                    _answered[index] = true;
                    answered++;
                    _lastErrors[index] = (int)info.Error;
                    if (info.Error != FeetechStatusErrors.None || info.ParameterLength != FeedbackBytes) { faults++; continue; }
                    Publish(ref state, offset, index);
                }
            }
        }
        _bytesOnWire += _readRequestLength + received;

        int damaged = (int)(_decoder.ChecksumMismatches - checksumBefore);
        int missing = _ids.Length - answered;
        bool lost = false;
        for (int i = 0; i < _ids.Length; i++)
        {
            int bit = offset + i;
            if (_fresh[i]) { _missedCycles[i] = 0; continue; }
            if (bit < 64) state.FreshMask &= ~(1UL << bit);
            if (_answered[i]) continue;
            if (++_missedCycles[i] == _options.LostAfterMissedReplies) { lost = true; _lostEvents++; }
            else if (_missedCycles[i] > _options.LostAfterMissedReplies) lost = true;
        }
        _checksumErrors += damaged;
        _timeouts += Math.Max(0, missing - damaged);
        _servoErrors += faults;

        if (faults > 0) return BusStatus.DeviceFault;
        if (lost) return BusStatus.DeviceLost;
        if (damaged > 0) return BusStatus.ChecksumError;
        return missing > 0 ? BusStatus.Timeout : BusStatus.Ok;
    }

    /// <inheritdoc />
    public BusStatus Write(in JointCommand command, int offset)
    {
        var link = _link;
        if (link is null) return BusStatus.NotActive;
        bool hold = command.Mode == ControlMode.Hold;
        if (!hold && !Accepts(command.Mode)) return BusStatus.UnsupportedMode;
        if (hold && !_holding) Array.Copy(_lastSteps, _holdSteps, _ids.Length);
        _holding = hold;

        bool velocityMode = _options.OperatingMode == FeetechOperatingMode.Velocity;
        for (int i = 0; i < _ids.Length; i++)
        {
            var slot = _writeData.AsSpan(i * 2, 2);
            int j = offset + i;
            int raw;
            if (velocityMode)
            {
                double velocity = hold ? 0 : command.Velocity[j];
                if (double.IsNaN(velocity)) { velocity = 0; _rejectedSetPoints++; }
                int steps = FeetechUnits.RadPerSecToStepsPerSec(_sign[i] * velocity);
                raw = FeetechSignMagnitude.Encode(steps, StsControlTable.GoalVelocity.SignBit);
            }
            else
            {
                int steps;
                if (hold) steps = _holdSteps[i];
                else if (double.IsNaN(command.Position[j])) { steps = _lastSteps[i]; _rejectedSetPoints++; }
                else steps = RadToSteps(i, command.Position[j]);
                raw = Math.Clamp(steps, _minStep[i], _maxStep[i]);
            }
            BinaryPrimitives.WriteUInt16LittleEndian(slot, (ushort)raw);
        }
        int n = FeetechInstructions.SyncWrite(_writePacket, _goalRegister.Address, _goalRegister.Size, _ids, _writeData);
        _bytesOnWire += n;
        long deadline = Stopwatch.GetTimestamp() + _replyTimeoutTicks;
        return link.Write(_writePacket.AsSpan(0, n), deadline) ? BusStatus.Ok : BusStatus.Timeout;
    }

    private int RadToSteps(int index, double rad)
    {
        double steps = _centerStep[index] + _sign[index] * rad / FeetechUnits.RadPerStep;
        // Infinite or huge requests saturate instead of overflowing the cast.
        return (int)Math.Round(Math.Clamp(steps, -1, FeetechUnits.StepsPerTurn));
    }

    private void Publish(ref JointState state, int offset, int index)
    {
        int steps = BinaryPrimitives.ReadUInt16LittleEndian(_parameters);
        int velocity = FeetechSignMagnitude.Decode(BinaryPrimitives.ReadUInt16LittleEndian(_parameters.AsSpan(2)), StsControlTable.PresentVelocity.SignBit);
        int load = FeetechSignMagnitude.Decode(BinaryPrimitives.ReadUInt16LittleEndian(_parameters.AsSpan(4)), StsControlTable.PresentLoad.SignBit);
        _lastSteps[index] = steps;
        _fresh[index] = true;
        int j = offset + index;
        int sign = _sign[index];
        state.Position[j] = sign * FeetechUnits.StepsToRad(steps, _centerStep[index]);
        state.Velocity[j] = sign * FeetechUnits.StepsPerSecToRadPerSec(velocity);
        state.Effort[j] = sign * FeetechUnits.LoadToTorqueNm(load);
        if (j < 64) state.FreshMask |= 1UL << j;
    }

    private bool Accepts(ControlMode mode) => mode switch
    {
        ControlMode.Position => SupportedModes == ActuatorModes.Position,
        ControlMode.Velocity => SupportedModes == ActuatorModes.Velocity,
        _ => false,
    };

    private FeetechCommander Commander() =>
        _commander ?? throw new InvalidOperationException($"feetech bus '{Name}': Open must succeed before this call.");
}
