using System.Buffers.Binary;
using System.Diagnostics;
using Controller.Hardware.Protocols.Dynamixel;
using Controller.Hardware.Transports.Serial;

namespace Controller.Hardware.Simulation.Dynamixel;

/// <summary>
/// A chain of simulated Dynamixel X-series servos answering Protocol 2.0 on the master side of a
/// <see cref="PseudoTerminal"/>, on a thread of its own: anything that opens <see cref="PortPath"/> as a serial port
/// (this runtime's driver, the Dynamixel Wizard, a Python script) talks to it as to a real chain. Each servo has a
/// register file and its own control loop driving a joint of an <see cref="ISimulatedPlant"/>. Faults on demand:
/// <see cref="InjectFault"/> per servo (no reply, corrupted CRC, overload) and <see cref="Disconnected"/> for the chain.
/// </summary>
public sealed class DynamixelChainTwin : IDisposable
{
    private readonly PseudoTerminal _pty;
    private readonly bool _ownsPty;
    private readonly ISimulatedPlant _plant;
    private readonly DynamixelTwinOptions _options;
    private readonly DynamixelServoTwin[] _servos;
    private readonly DynamixelStreamDecoder _decoder = new();
    private readonly byte[] _body = new byte[DynamixelPacket.MaxPacketBytes];
    private readonly byte[] _reply = new byte[16 * DynamixelPacket.MaxPacketBytes];
    private readonly byte[] _scratch = new byte[DynamixelPacket.MaxPacketBytes];
    private Thread? _thread;
    private volatile bool _stop;
    private volatile bool _disconnected;
    private int _replyLength;
    private long _lastStepTimestamp;

    /// <summary>Builds a chain on <paramref name="pty"/> (owned when <paramref name="ownsPty"/>); call <see cref="Start"/> to answer.</summary>
    /// <exception cref="ArgumentException">No servos, a duplicate or invalid ID, or a joint the plant does not have.</exception>
    public DynamixelChainTwin(PseudoTerminal pty, ISimulatedPlant plant, IReadOnlyList<DynamixelTwinServo> servos, DynamixelTwinOptions? options = null, bool ownsPty = false)
    {
        _pty = pty ?? throw new ArgumentNullException(nameof(pty));
        _plant = plant ?? throw new ArgumentNullException(nameof(plant));
        _options = options ?? new DynamixelTwinOptions();
        _ownsPty = ownsPty;
        if (servos.Count == 0) throw new ArgumentException("a chain needs at least one servo.", nameof(servos));
        foreach (var s in servos)
        {
            if (!DynamixelPacket.IsDeviceId(s.Id)) throw new ArgumentException($"servo id {s.Id} is not a device ID (0..252).", nameof(servos));
            if ((uint)s.Joint >= (uint)plant.JointCount) throw new ArgumentException($"servo id {s.Id}: joint {s.Joint} is not in the plant's [0, {plant.JointCount}).", nameof(servos));
        }
        var duplicate = servos.GroupBy(s => s.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new ArgumentException($"servo id {duplicate.Key} appears twice.", nameof(servos));
        _servos = servos.Select(s => new DynamixelServoTwin(s)).ToArray();
    }

    /// <summary>Creates a pseudo-terminal, builds the chain on it and starts answering.</summary>
    public static DynamixelChainTwin StartOnNewPseudoTerminal(ISimulatedPlant plant, IReadOnlyList<DynamixelTwinServo> servos, DynamixelTwinOptions? options = null)
    {
        var pty = PseudoTerminal.Open();
        try
        {
            var twin = new DynamixelChainTwin(pty, plant, servos, options, ownsPty: true);
            twin.Start();
            return twin;
        }
        catch
        {
            pty.Dispose();
            throw;
        }
    }

    /// <summary>The serial device to open (e.g. <c>/dev/pts/4</c>).</summary>
    public string PortPath => _pty.SecondaryPath;

    /// <summary>The servos, in chain order.</summary>
    public IReadOnlyList<DynamixelServoTwin> Servos => _servos;

    /// <summary>While true the chain neither executes nor answers anything, as with its cable pulled.</summary>
    public bool Disconnected
    {
        get => _disconnected;
        set => _disconnected = value;
    }

    /// <summary>Instruction packets received intact.</summary>
    public long InstructionsReceived { get; private set; }

    /// <summary>Instruction packets dropped for a bad CRC (what a real servo does: it stays silent).</summary>
    public long CorruptInstructions => _decoder.CrcMismatches;

    /// <summary>The servo with <paramref name="id"/>.</summary>
    /// <exception cref="ArgumentException">No such servo.</exception>
    public DynamixelServoTwin Servo(byte id) => Find(id) ?? throw new ArgumentException($"no servo with id {id} in this chain.", nameof(id));

    /// <summary>Sets the faults servo <paramref name="id"/> shows from now on (<see cref="DynamixelTwinFaults.None"/> clears all but a latched overload, which needs a reboot).</summary>
    public void InjectFault(byte id, DynamixelTwinFaults faults) => Servo(id).SetFaults(faults);

    /// <summary>Starts the twin's thread.</summary>
    public void Start()
    {
        if (_thread is not null) throw new InvalidOperationException("the twin is already started.");
        _lastStepTimestamp = Stopwatch.GetTimestamp();
        _thread = new Thread(Run) { IsBackground = true, Name = "dynamixel-twin" };
        _thread.Start();
    }

    /// <summary>Stops the thread (and closes the pseudo-terminal when owned).</summary>
    public void Dispose()
    {
        _stop = true;
        _thread?.Join();
        if (_ownsPty) _pty.Dispose();
    }

    private void Run()
    {
        _options.OnThreadStart?.Invoke();
        while (!_stop)
        {
            int n = _pty.ReadMaster(_decoder.GetWriteSpace(), 1);
            if (_disconnected)
            {
                _decoder.Clear();
                StepServos();
                continue;
            }
            _decoder.Commit(n);
            StepServos();
            DynamixelDecodeResult result;
            while ((result = _decoder.TryNext(_body, out var info)) != DynamixelDecodeResult.NeedMoreData)
            {
                if (result != DynamixelDecodeResult.Packet || info.Instruction == DynamixelInstruction.Status) continue;
                InstructionsReceived++;
                _replyLength = 0;
                Handle(info, _body.AsSpan(0, info.BodyLength));
                if (_replyLength > 0) SendReply();
            }
        }
    }

    private void StepServos()
    {
        long now = Stopwatch.GetTimestamp();
        double dt = Math.Min((now - _lastStepTimestamp) / (double)Stopwatch.Frequency, _options.MaxStepSeconds);
        _lastStepTimestamp = now;
        if (dt <= 0) return;
        _options.StepPlant?.Invoke(dt);
        foreach (var servo in _servos) servo.Step(_plant, dt, _options.PositionGainNmPerRad, _options.DampingNmsPerRad);
    }

    private void Handle(DynamixelPacketInfo info, ReadOnlySpan<byte> p)
    {
        byte id = info.Id;
        bool broadcast = id == DynamixelPacket.BroadcastId;
        switch (info.Instruction)
        {
            case DynamixelInstruction.Ping:
                foreach (var s in _servos)
                    if (broadcast || s.Id == id) ReplyPing(s);
                break;
            case DynamixelInstruction.Read when !broadcast && p.Length == 4:
                if (Find(id) is { } reader) ReplyRead(reader, U16(p, 0), U16(p, 2));
                break;
            case DynamixelInstruction.Write when p.Length >= 3:
            case DynamixelInstruction.RegWrite when p.Length >= 3:
            case DynamixelInstruction.Action:
            case DynamixelInstruction.Reboot:
            case DynamixelInstruction.FactoryReset when p.Length == 1 && !(broadcast && p[0] == 0xFF):
                foreach (var s in _servos)
                {
                    if (!broadcast && s.Id != id) continue;
                    var error = Execute(s, info.Instruction, p);
                    if (!broadcast) ReplyStatus(s, (byte)error, []);
                }
                break;
            case DynamixelInstruction.SyncRead when broadcast && p.Length >= 5:
                for (int i = 4; i < p.Length; i++)
                    if (Find(p[i]) is { } s) ReplyRead(s, U16(p, 0), U16(p, 2));
                break;
            case DynamixelInstruction.FastSyncRead when broadcast && p.Length >= 5:
                ReplyFastSyncRead(U16(p, 0), U16(p, 2), p[4..]);
                break;
            case DynamixelInstruction.SyncWrite when broadcast && p.Length >= 4:
                SyncWrite(U16(p, 0), U16(p, 2), p[4..]);
                break;
            case DynamixelInstruction.BulkRead when broadcast:
                for (int i = 0; i + 5 <= p.Length; i += 5)
                    if (Find(p[i]) is { } s) ReplyRead(s, U16(p, i + 1), U16(p, i + 3));
                break;
            case DynamixelInstruction.BulkWrite when broadcast:
                BulkWrite(p);
                break;
            default:
                if (!broadcast && Find(id) is { } target) ReplyStatus(target, (byte)DynamixelStatusError.InstructionError, []);
                break;
        }
    }

    private static DynamixelStatusError Execute(DynamixelServoTwin s, DynamixelInstruction instruction, ReadOnlySpan<byte> p)
    {
        switch (instruction)
        {
            case DynamixelInstruction.Write: return s.Write(U16(p, 0), p[2..]);
            case DynamixelInstruction.RegWrite: return s.RegisterWrite(U16(p, 0), p[2..]);
            case DynamixelInstruction.Action: return s.Action();
            case DynamixelInstruction.Reboot: s.Reboot(); return DynamixelStatusError.None;
            default: s.FactoryReset(p[0]); return DynamixelStatusError.None;
        }
    }

    private void SyncWrite(int address, int length, ReadOnlySpan<byte> blocks)
    {
        if (length <= 0) return;
        for (int at = 0; at + 1 + length <= blocks.Length; at += 1 + length)
            Find(blocks[at])?.Write(address, blocks.Slice(at + 1, length));
    }

    private void BulkWrite(ReadOnlySpan<byte> p)
    {
        int at = 0;
        while (at + 5 <= p.Length)
        {
            int length = U16(p, at + 3);
            if (at + 5 + length > p.Length) return;
            Find(p[at])?.Write(U16(p, at + 1), p.Slice(at + 5, length));
            at += 5 + length;
        }
    }

    private void ReplyPing(DynamixelServoTwin s)
    {
        Span<byte> info = stackalloc byte[3];
        BinaryPrimitives.WriteUInt16LittleEndian(info, s.Config.Model.ModelNumber);
        info[2] = (byte)s.ReadRegister(XSeriesControlTable.FirmwareVersion);
        ReplyStatus(s, 0, info);
    }

    private void ReplyRead(DynamixelServoTwin s, int address, int length)
    {
        var data = _scratch.AsSpan(0, Math.Min(length, _scratch.Length));
        var error = s.Read(address, length, data);
        ReplyStatus(s, (byte)error, error == DynamixelStatusError.None ? data : []);
    }

    private void ReplyFastSyncRead(int address, int length, ReadOnlySpan<byte> ids)
    {
        Span<byte> present = stackalloc byte[ids.Length];
        Span<byte> errors = stackalloc byte[ids.Length];
        int count = 0;
        var data = _scratch.AsSpan();
        foreach (byte id in ids)
        {
            var s = Find(id);
            if (s is null || (s.Faults & DynamixelTwinFaults.NoReply) != 0 || (count + 1) * length > data.Length) continue;
            errors[count] = (byte)((byte)s.Read(address, length, data.Slice(count * length, length)) | s.AlertBits);
            present[count++] = id;
        }
        if (count == 0) return;
        int n = DynamixelFastSyncRead.EncodeReply(_reply.AsSpan(_replyLength), present[..count], errors[..count], data[..(count * length)], length);
        _replyLength += n;
    }

    private void ReplyStatus(DynamixelServoTwin s, byte error, ReadOnlySpan<byte> parameters)
    {
        var faults = s.Faults;
        if ((faults & DynamixelTwinFaults.NoReply) != 0) return;
        var slot = _reply.AsSpan(_replyLength);
        if (slot.Length < parameters.Length + DynamixelPacket.StatusOverheadBytes + 8) return;
        if ((faults & DynamixelTwinFaults.DamagedRequests) != 0)
        {
            error = (byte)DynamixelStatusError.CrcError;
            parameters = [];
        }
        int n = DynamixelInstructions.Status(slot, s.Id, (byte)(error | s.AlertBits), parameters);
        if ((faults & DynamixelTwinFaults.CorruptCrc) != 0) slot[n - 1] ^= 0x5A;
        _replyLength += n;
    }

    private void SendReply()
    {
        if (_options.BaudRate > 0)
        {
            long until = Stopwatch.GetTimestamp() + _replyLength * 10L * Stopwatch.Frequency / _options.BaudRate;
            var spin = new SpinWait();
            while (Stopwatch.GetTimestamp() < until) spin.SpinOnce(-1);
        }
        _pty.WriteMaster(_reply.AsSpan(0, _replyLength));
        _replyLength = 0;
    }

    private DynamixelServoTwin? Find(byte id)
    {
        foreach (var s in _servos)
            if (s.Id == id) return s;
        return null;
    }

    private static int U16(ReadOnlySpan<byte> p, int at) => BinaryPrimitives.ReadUInt16LittleEndian(p[at..]);
}
