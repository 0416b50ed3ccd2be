using System.Diagnostics;
using Controller.Hardware.Protocols.Feetech;
using Controller.Hardware.Transports.Serial;

namespace Controller.Hardware.Simulation.Feetech;

/// <summary>
/// A chain of simulated Feetech STS3215 servos answering the SCServo protocol on the master side of a
/// <see cref="PseudoTerminal"/>, on a thread of its own: anything that opens <see cref="PortPath"/> as a serial port
/// (this runtime's driver, LeRobot, Feetech's FD tool under Wine, a Python script) talks to it as to a real chain.
/// Each servo has a memory table and its own control loop driving a joint of an <see cref="ISimulatedPlant"/>.
/// Faults on demand: <see cref="InjectFault"/> per servo (no reply, corrupted checksum, overload, error bits) and
/// <see cref="Disconnected"/> for the chain.
/// </summary>
public sealed class FeetechChainTwin : IDisposable
{
    private readonly PseudoTerminal _pty;
    private readonly bool _ownsPty;
    private readonly ISimulatedPlant _plant;
    private readonly FeetechTwinOptions _options;
    private readonly FeetechServoTwin[] _servos;
    private readonly FeetechStreamDecoder _decoder = new();
    private readonly byte[] _parameters = new byte[FeetechPacket.MaxPacketBytes];
    private readonly byte[] _reply = new byte[64 * 16 + 2 * FeetechPacket.MaxPacketBytes];
    private readonly byte[] _scratch = new byte[FeetechPacket.MaxPacketBytes];
    private Thread? _thread;
    private volatile bool _stop;
    private volatile bool _disconnected;
    private int _replyLength;
    private long _lastStepTimestamp;
    private long _instructionsReceived;

    /// <summary>Builds a chain on <paramref name="pty"/> (owned when <paramref name="ownsPty"/>); call <see cref="Start"/> to answer.</summary>
    /// <exception cref="ArgumentException">No servos, a duplicate or invalid ID, or a joint the plant does not have.</exception>
    public FeetechChainTwin(PseudoTerminal pty, ISimulatedPlant plant, IReadOnlyList<FeetechTwinServo> servos, FeetechTwinOptions? options = null, bool ownsPty = false)
    {
        _pty = pty ?? throw new ArgumentNullException(nameof(pty));
        _plant = plant ?? throw new ArgumentNullException(nameof(plant));
        _options = options ?? new FeetechTwinOptions();
        _ownsPty = ownsPty;
        if (servos.Count is 0 or > 64) throw new ArgumentException($"a chain needs 1 to 64 servos; it has {servos.Count}.", nameof(servos));
        foreach (var s in servos)
        {
            if (s.Id > FeetechPacket.MaxDeviceId) throw new ArgumentException($"servo id {s.Id} is not a device ID (0..{FeetechPacket.MaxDeviceId}).", nameof(servos));
            if ((uint)s.Joint >= (uint)plant.JointCount) throw new ArgumentException($"servo id {s.Id}: joint {s.Joint} is not in the plant's [0, {plant.JointCount}).", nameof(servos));
        }
        var duplicate = servos.GroupBy(s => s.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new ArgumentException($"servo id {duplicate.Key} appears twice.", nameof(servos));
        _servos = servos.Select(s => new FeetechServoTwin(s)).ToArray();
    }

    /// <summary>Creates a pseudo-terminal, builds the chain on it and starts answering.</summary>
    public static FeetechChainTwin StartOnNewPseudoTerminal(ISimulatedPlant plant, IReadOnlyList<FeetechTwinServo> servos, FeetechTwinOptions? options = null)
    {
        var pty = PseudoTerminal.Open();
        try
        {
            var twin = new FeetechChainTwin(pty, plant, servos, options, ownsPty: true);
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
    public IReadOnlyList<FeetechServoTwin> Servos => _servos;

    /// <summary>While true the chain neither executes nor answers anything, as with its cable pulled.</summary>
    public bool Disconnected
    {
        get => _disconnected;
        set => _disconnected = value;
    }

    /// <summary>Instruction packets received intact.</summary>
    public long InstructionsReceived => Volatile.Read(ref _instructionsReceived);

    /// <summary>Instruction packets dropped for a bad checksum (a real servo stays silent).</summary>
    public long CorruptInstructions => _decoder.ChecksumMismatches;

    /// <summary>The servo with <paramref name="id"/>.</summary>
    /// <exception cref="ArgumentException">No such servo.</exception>
    public FeetechServoTwin Servo(byte id) => Find(id) ?? throw new ArgumentException($"no servo with id {id} in this chain.", nameof(id));

    /// <summary>
    /// Sets the faults servo <paramref name="id"/> shows from now on. <see cref="FeetechTwinFaults.None"/> clears all
    /// but a tripped overload, which stays until the host writes Torque_Enable.
    /// </summary>
    public void InjectFault(byte id, FeetechTwinFaults faults) => Servo(id).SetFaults(faults, Servo(id).ErrorBits);

    /// <summary>Makes servo <paramref name="id"/> report <paramref name="errors"/> in every status (voltage, angle, overheat, ...) until cleared with <see cref="FeetechStatusErrors.None"/>.</summary>
    public void SetErrorBits(byte id, FeetechStatusErrors errors)
    {
        var s = Servo(id);
        var faults = errors == FeetechStatusErrors.None ? s.Faults & ~FeetechTwinFaults.ErrorBits : s.Faults | FeetechTwinFaults.ErrorBits;
        s.SetFaults(faults, errors);
    }

    /// <summary>Starts the twin's thread.</summary>
    /// <exception cref="InvalidOperationException">Already started.</exception>
    public void Start()
    {
        if (_thread is not null) throw new InvalidOperationException("the twin is already started.");
        _lastStepTimestamp = Stopwatch.GetTimestamp();
        _thread = new Thread(Run) { IsBackground = true, Name = "feetech-twin" };
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
            FeetechDecodeResult result;
            while ((result = _decoder.TryNext(_parameters, out var info)) != FeetechDecodeResult.NeedMoreData)
            {
                if (result != FeetechDecodeResult.Packet) continue;
                Interlocked.Increment(ref _instructionsReceived);
                _replyLength = 0;
                Handle(info.Id, (FeetechInstruction)info.Command, _parameters.AsSpan(0, info.ParameterLength));
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
        foreach (var servo in _servos) servo.Step(_plant, dt, _options);
    }

    private void Handle(byte id, FeetechInstruction instruction, ReadOnlySpan<byte> p)
    {
        bool broadcast = id == FeetechPacket.BroadcastId;
        switch (instruction)
        {
            case FeetechInstruction.Ping:
                foreach (var s in _servos)
                    if (broadcast || s.Id == id) ReplyStatus(s, []);
                break;
            case FeetechInstruction.Read when !broadcast && p.Length == 2:
                if (Find(id) is { } reader) ReplyRead(reader, p[0], p[1]);
                break;
            case FeetechInstruction.Write when p.Length >= 2:
            case FeetechInstruction.RegWrite when p.Length >= 2:
            case FeetechInstruction.Action:
                foreach (var s in _servos)
                {
                    if (!broadcast && s.Id != id) continue;
                    if (instruction == FeetechInstruction.Write) s.Write(p[0], p[1..]);
                    else if (instruction == FeetechInstruction.RegWrite) s.RegisterWrite(p[0], p[1..]);
                    else s.Action();
                    if (!broadcast) ReplyStatus(s, []);
                }
                break;
            case FeetechInstruction.SyncRead when broadcast && p.Length >= 3:
                for (int i = 2; i < p.Length; i++)
                    if (Find(p[i]) is { } s) ReplyRead(s, p[0], p[1]);
                break;
            case FeetechInstruction.SyncWrite when broadcast && p.Length >= 2 && p[1] > 0:
                for (int at = 2; at + 1 + p[1] <= p.Length; at += 1 + p[1])
                    Find(p[at])?.Write(p[0], p.Slice(at + 1, p[1]));
                break;
            // Anything else (unknown instruction, wrong parameter count): a real STS stays silent.
        }
    }

    private void ReplyRead(FeetechServoTwin s, int address, int length)
    {
        var data = _scratch.AsSpan(0, Math.Min(length, _scratch.Length));
        // Out-of-table reads: the STS answers with no data; the host sees a short reply.
        ReplyStatus(s, s.Read(address, length, data) ? data : []);
    }

    private void ReplyStatus(FeetechServoTwin s, ReadOnlySpan<byte> parameters)
    {
        var faults = s.Faults;
        if ((faults & FeetechTwinFaults.NoReply) != 0) return;
        var slot = _reply.AsSpan(_replyLength);
        if (slot.Length < parameters.Length + FeetechPacket.OverheadBytes) return;
        int n = FeetechInstructions.Status(slot, s.Id, s.StatusError, parameters);
        if ((faults & FeetechTwinFaults.CorruptChecksum) != 0) slot[n - 1] ^= 0x5A;
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

    private FeetechServoTwin? Find(byte id)
    {
        foreach (var s in _servos)
            if (s.Id == id) return s;
        return null;
    }
}
