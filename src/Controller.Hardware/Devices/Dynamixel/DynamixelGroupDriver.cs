using System.Buffers.Binary;
using System.Diagnostics;
using Controller.Hardware.Protocols.Dynamixel;
using Controller.Hardware.Transports.Serial;
using Controller.Pipeline.Messages;

namespace Controller.Hardware.Devices.Dynamixel;

/// <summary>
/// N Dynamixel X-series servos on one serial line, served each cycle by ONE Sync Write of the set-points (Goal
/// Position, Goal Velocity or Goal Current, by operating mode) and ONE Sync Read of Present Current, Velocity and
/// Position (addresses 126..135, one contiguous block), answered by one status packet per servo.
/// </summary>
/// <remarks>
/// Cycle path (<see cref="Read"/>, <see cref="Write"/>): preallocated buffers, no allocation, no exception. A servo
/// that does not answer in time is a <see cref="BusStatus.Timeout"/>, a damaged reply a
/// <see cref="BusStatus.ChecksumError"/>, the status alert bit (hardware error: overload, overheating, voltage, ...)
/// a <see cref="BusStatus.DeviceFault"/>, and <see cref="DynamixelBusOptions.LostAfterMissedReplies"/> missed cycles
/// in a row a <see cref="BusStatus.DeviceLost"/>; each is counted. Stale joints keep their last values with their
/// FreshMask bit cleared. NaN set-points are replaced by the hold value and counted.
/// Lifecycle: Open pings every ID and checks its model number; EnableDrives writes the operating mode, sets the
/// goal to the present position (no jump), then torque on; ClearFaults reboots servos with a hardware error.
/// </remarks>
public sealed class DynamixelGroupDriver : IJointBusDriver
{
    private readonly DynamixelBusOptions _options;
    private readonly byte[] _ids;
    private readonly DynamixelModel[] _models;
    private readonly int[] _indexOfId = new int[256];
    private readonly byte[] _readRequest = new byte[64 + 64];
    private readonly byte[] _writePacket;
    private readonly byte[] _writeData;
    private readonly byte[] _body = new byte[DynamixelPacket.MaxPacketBytes];
    private readonly DynamixelStreamDecoder _decoder = new();
    private readonly int[] _lastPulses;
    private readonly int[] _missedCycles;
    private readonly bool[] _answered;
    private readonly bool[] _fresh;
    private readonly DynamixelRegister _goalRegister;
    private readonly long _replyTimeoutTicks;
    private ISerialLink? _link;
    private readonly bool _ownsLink;
    private DynamixelCommander? _commander;
    private int _readRequestLength;
    private bool _holding;
    private readonly int[] _holdPulses;
    private long _timeouts, _checksumErrors, _hardwareAlerts, _statusErrors, _lostEvents, _rejectedSetPoints, _cycles;

    /// <summary>A driver that opens <see cref="DynamixelBusOptions.PortName"/> itself (a <see cref="SerialTransport"/>) on Open.</summary>
    /// <exception cref="ArgumentException">Invalid options (see <see cref="DynamixelBusOptions.Validate"/>).</exception>
    public DynamixelGroupDriver(DynamixelBusOptions options) : this(options, null)
    {
        if (string.IsNullOrWhiteSpace(options.PortName))
            throw new ArgumentException($"dynamixel bus '{options.Name}': a port name is required.", nameof(options));
    }

    /// <summary>A driver on an already open link (not disposed by the driver), e.g. a shared adapter or a test transport.</summary>
    public DynamixelGroupDriver(DynamixelBusOptions options, ISerialLink? link)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _link = link;
        _ownsLink = link is null;
        _ids = options.Servos.Select(s => s.Id).ToArray();
        _models = options.Servos.Select(s => s.Model).ToArray();
        Array.Fill(_indexOfId, -1);
        for (int i = 0; i < _ids.Length; i++) _indexOfId[_ids[i]] = i;
        _goalRegister = options.OperatingMode switch
        {
            DynamixelOperatingMode.Current => XSeriesControlTable.GoalCurrent,
            DynamixelOperatingMode.Velocity => XSeriesControlTable.GoalVelocity,
            _ => XSeriesControlTable.GoalPosition,
        };
        _writeData = new byte[_ids.Length * _goalRegister.Size];
        _writePacket = new byte[2 * (DynamixelPacket.OverheadBytes + 4 + _ids.Length * (1 + _goalRegister.Size)) + 16];
        _lastPulses = new int[_ids.Length];
        _holdPulses = new int[_ids.Length];
        _missedCycles = new int[_ids.Length];
        _answered = new bool[_ids.Length];
        _fresh = new bool[_ids.Length];
        _replyTimeoutTicks = (long)(options.ReplyTimeout.TotalSeconds * Stopwatch.Frequency);
        SupportedModes = options.OperatingMode switch
        {
            DynamixelOperatingMode.Current => ActuatorModes.Torque,
            DynamixelOperatingMode.Velocity => ActuatorModes.Velocity,
            _ => ActuatorModes.Position,
        };
    }

    /// <inheritdoc />
    public string Name => _options.Name;

    /// <inheritdoc />
    public int JointCount => _ids.Length;

    /// <inheritdoc />
    public ActuatorModes SupportedModes { get; }

    /// <summary>Servo replies missing at the end of a cycle's read.</summary>
    public long Timeouts => Volatile.Read(ref _timeouts);

    /// <summary>Replies dropped for a bad CRC, and servos reporting they received a damaged request.</summary>
    public long ChecksumErrors => Volatile.Read(ref _checksumErrors);

    /// <summary>Replies carrying the hardware-error alert bit.</summary>
    public long HardwareAlerts => Volatile.Read(ref _hardwareAlerts);

    /// <summary>Replies with another error number (result fail, access, range, ...).</summary>
    public long StatusErrors => Volatile.Read(ref _statusErrors);

    /// <summary>Times a servo was declared lost after too many missed cycles.</summary>
    public long LostEvents => Volatile.Read(ref _lostEvents);

    /// <summary>NaN set-points replaced by the hold value.</summary>
    public long RejectedSetPoints => Volatile.Read(ref _rejectedSetPoints);

    /// <summary>Cycle reads done.</summary>
    public long Cycles => Volatile.Read(ref _cycles);

    /// <inheritdoc />
    public void Open()
    {
        _link ??= SerialTransport.Open(_options.PortName, _options.BaudRate);
        var lifecycleTimeout = TimeSpan.FromTicks(Math.Max(_options.ReplyTimeout.Ticks * 4, TimeSpan.FromMilliseconds(50).Ticks));
        _commander = new DynamixelCommander(_link, Name, lifecycleTimeout);
        foreach (var servo in _options.Servos)
        {
            var answer = _commander.Ping(servo.Id, _options.PingAttempts)
                ?? throw new IOException($"dynamixel bus '{Name}' on {_options.PortName} at {_options.BaudRate} baud: servo id {servo.Id} did not answer {_options.PingAttempts} pings (check ID, baud rate, power, wiring).");
            if (answer.ModelNumber != servo.Model.ModelNumber)
            {
                string found = DynamixelModels.FindByNumber(answer.ModelNumber)?.Name ?? "unknown model";
                throw new IOException($"dynamixel bus '{Name}': servo id {servo.Id} is model number {answer.ModelNumber} ({found}); the configuration expects {servo.Model.ModelNumber} ({servo.Model.Name}).");
            }
        }
        _readRequestLength = DynamixelInstructions.SyncRead(_readRequest, XSeriesControlTable.FeedbackBlock.Address, XSeriesControlTable.FeedbackBlock.Size, _ids);
        for (int i = 0; i < _ids.Length; i++) _lastPulses[i] = _commander.Read(_ids[i], XSeriesControlTable.PresentPosition);
    }

    /// <inheritdoc />
    public void EnableDrives()
    {
        var c = Commander();
        for (int i = 0; i < _ids.Length; i++)
        {
            byte id = _ids[i];
            c.Write(id, XSeriesControlTable.TorqueEnable, 0);
            c.Write(id, XSeriesControlTable.OperatingMode, (int)_options.OperatingMode);
            int present = c.Read(id, XSeriesControlTable.PresentPosition);
            _lastPulses[i] = present;
            int goal = _goalRegister == XSeriesControlTable.GoalPosition ? present : 0;
            c.Write(id, _goalRegister, goal);
            c.Write(id, XSeriesControlTable.TorqueEnable, 1);
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
            off[.._ids.Length].Clear();
            Span<byte> packet = stackalloc byte[DynamixelPacket.OverheadBytes + 4 + 2 * 64 + 8];
            int n = DynamixelInstructions.SyncWrite(packet, XSeriesControlTable.TorqueEnable.Address, 1, _ids, off[.._ids.Length]);
            _commander.Send(packet[..n]);
        }
        catch (Exception e) when (e is IOException or ArgumentException)
        {
            // Must not throw: the line may already be gone; servos with a bus watchdog stop on their own.
        }
    }

    /// <inheritdoc />
    public void ClearFaults()
    {
        var c = Commander();
        foreach (byte id in _ids)
        {
            if (c.Ping(id, _options.PingAttempts) is null || c.Read(id, XSeriesControlTable.HardwareErrorStatus) == 0) continue;
            c.Reboot(id);
            // A real X-series servo is silent for a few hundred milliseconds while it restarts.
            if (c.Ping(id, 20) is null)
                throw new IOException($"dynamixel bus '{Name}': servo id {id} did not come back after a reboot.");
            int left = c.Read(id, XSeriesControlTable.HardwareErrorStatus);
            if (left != 0)
                throw new IOException($"dynamixel bus '{Name}': servo id {id} still reports hardware error {(DynamixelHardwareErrors)left} after a reboot.");
        }
        Array.Clear(_missedCycles);
    }

    /// <inheritdoc />
    public void Close()
    {
        if (_ownsLink && _link is IDisposable d) d.Dispose();
        if (_ownsLink) _link = null;
        _commander = null;
    }

    /// <inheritdoc />
    public BusStatus Read(ref JointState state, int offset)
    {
        var link = _link;
        if (link is null || _readRequestLength == 0) return BusStatus.NotActive;
        _cycles++;
        _decoder.Clear();
        link.DiscardInput();
        long crcBefore = _decoder.CrcMismatches;
        Array.Clear(_answered);
        Array.Clear(_fresh);
        int answered = 0, alerts = 0, errors = 0, requestsDamaged = 0;
        long deadline = Stopwatch.GetTimestamp() + _replyTimeoutTicks;
        if (link.Write(_readRequest.AsSpan(0, _readRequestLength), deadline))
        {
            while (answered + (int)(_decoder.CrcMismatches - crcBefore) < _ids.Length)
            {
                int n = link.Read(_decoder.GetWriteSpace(), deadline);
                if (n == 0) break;
                _decoder.Commit(n);
                DynamixelDecodeResult result;
                while ((result = _decoder.TryNext(_body, out var info)) != DynamixelDecodeResult.NeedMoreData)
                {
                    if (result != DynamixelDecodeResult.Packet || !info.IsStatus) continue;
                    int index = _indexOfId[info.Id];
                    if (index < 0 || _answered[index]) continue;
                    _answered[index] = true;
                    answered++;
                    byte error = _body[0];
                    if (DynamixelStatusErrors.HasHardwareAlert(error)) alerts++;
                    var code = DynamixelStatusErrors.Code(error);
                    if (code == DynamixelStatusError.CrcError) { requestsDamaged++; continue; }
                    if (code != DynamixelStatusError.None) { errors++; continue; }
                    if (info.StatusParameterLength != XSeriesControlTable.FeedbackBlock.Size) { errors++; continue; }
                    Publish(ref state, offset, index, _body.AsSpan(1, XSeriesControlTable.FeedbackBlock.Size));
                }
            }
        }

        int damagedReplies = (int)(_decoder.CrcMismatches - crcBefore);
        int checksum = damagedReplies + requestsDamaged;
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
        _checksumErrors += checksum;
        _timeouts += Math.Max(0, missing - damagedReplies);
        _hardwareAlerts += alerts;
        _statusErrors += errors;

        if (alerts > 0) return BusStatus.DeviceFault;
        if (lost) return BusStatus.DeviceLost;
        if (checksum > 0) return BusStatus.ChecksumError;
        if (missing > 0) return BusStatus.Timeout;
        return errors > 0 ? BusStatus.DeviceFault : BusStatus.Ok;
    }

    /// <inheritdoc />
    public BusStatus Write(in JointCommand command, int offset)
    {
        var link = _link;
        if (link is null) return BusStatus.NotActive;
        bool hold = command.Mode == ControlMode.Hold;
        if (!hold && !Accepts(command.Mode)) return BusStatus.UnsupportedMode;
        if (hold && !_holding) Array.Copy(_lastPulses, _holdPulses, _ids.Length);
        _holding = hold;

        int size = _goalRegister.Size;
        for (int i = 0; i < _ids.Length; i++)
        {
            var slot = _writeData.AsSpan(i * size, size);
            int j = offset + i;
            switch (_options.OperatingMode)
            {
                case DynamixelOperatingMode.Current:
                    double effort = hold ? 0 : command.Effort[j];
                    if (double.IsNaN(effort)) { effort = 0; _rejectedSetPoints++; }
                    BinaryPrimitives.WriteInt16LittleEndian(slot, DynamixelUnits.TorqueNmToCurrentUnits(effort, _models[i]));
                    break;
                case DynamixelOperatingMode.Velocity:
                    double velocity = hold ? 0 : command.Velocity[j];
                    if (double.IsNaN(velocity)) { velocity = 0; _rejectedSetPoints++; }
                    BinaryPrimitives.WriteInt32LittleEndian(slot, DynamixelUnits.RadPerSecToVelocityUnits(velocity));
                    break;
                default:
                    double position = hold ? double.NaN : command.Position[j];
                    int pulses;
                    if (hold) pulses = _holdPulses[i];
                    else if (double.IsNaN(position)) { pulses = _lastPulses[i]; _rejectedSetPoints++; }
                    else pulses = DynamixelUnits.RadToPulses(position);
                    BinaryPrimitives.WriteInt32LittleEndian(slot, pulses);
                    break;
            }
        }
        int n = DynamixelInstructions.SyncWrite(_writePacket, _goalRegister.Address, (ushort)size, _ids, _writeData);
        long deadline = Stopwatch.GetTimestamp() + _replyTimeoutTicks;
        return link.Write(_writePacket.AsSpan(0, n), deadline) ? BusStatus.Ok : BusStatus.Timeout;
    }

    private void Publish(ref JointState state, int offset, int index, ReadOnlySpan<byte> block)
    {
        short current = BinaryPrimitives.ReadInt16LittleEndian(block);
        int velocity = BinaryPrimitives.ReadInt32LittleEndian(block[2..]);
        int pulses = BinaryPrimitives.ReadInt32LittleEndian(block[6..]);
        _lastPulses[index] = pulses;
        _fresh[index] = true;
        int j = offset + index;
        state.Position[j] = DynamixelUnits.PulsesToRad(pulses);
        state.Velocity[j] = DynamixelUnits.VelocityUnitsToRadPerSec(velocity);
        state.Effort[j] = DynamixelUnits.CurrentUnitsToTorqueNm(current, _models[index]);
        if (j < 64) state.FreshMask |= 1UL << j;
    }

    private bool Accepts(ControlMode mode) => mode switch
    {
        ControlMode.Position => SupportedModes == ActuatorModes.Position,
        ControlMode.Velocity => SupportedModes == ActuatorModes.Velocity,
        ControlMode.Effort => SupportedModes == ActuatorModes.Torque,
        _ => false,
    };

    private DynamixelCommander Commander() =>
        _commander ?? throw new InvalidOperationException($"dynamixel bus '{Name}': Open must succeed before this call.");
}
