using System.Diagnostics;
using Controller.Hardware.Protocols.Modbus;
using Controller.Hardware.Protocols.Robotiq;
using Controller.Hardware.Transports.Serial;

namespace Controller.Hardware.Simulation.Robotiq;

/// <summary>
/// A simulated Robotiq FT 300 on the master side of a <see cref="PseudoTerminal"/>, on a thread of its own. Modbus RTU
/// mode: answers Read Holding Registers (force/moment 180..185 live from the plant, firmware 500..502, serial
/// 510..513, year 514) and Write Multiple Registers (0x0200 to 410 starts the stream). Stream mode: a 16-byte frame
/// every 10 ms with the wrench from <see cref="ISimulatedPlant.GetSensorWrench"/>, until a run of 0xFF bytes stops it.
/// Faults on demand through <see cref="Faults"/>.
/// </summary>
public sealed class Ft300Twin : IDisposable
{
    private readonly PseudoTerminal _pty;
    private readonly bool _ownsPty;
    private readonly ISimulatedPlant _plant;
    private readonly Ft300TwinOptions _options;
    private readonly ushort[] _firmware;
    private readonly ushort[] _serial;
    private readonly byte[] _input = new byte[1024];
    private readonly byte[] _request = new byte[2 * ModbusRtu.MaxFrameBytes];
    private readonly byte[] _reply = new byte[ModbusRtu.MaxFrameBytes];
    private readonly ushort[] _registers = new ushort[ModbusRtu.MaxReadRegisters];
    private readonly long _framePeriodTicks;
    private int _requestLength;
    private Thread? _thread;
    private volatile bool _stop;
    private volatile bool _streaming;
    private int _faults;
    private int _ffRun;
    private long _nextFrameTimestamp;
    private long _framesSent, _requestsAnswered, _corruptRequests;

    /// <summary>Builds the twin on <paramref name="pty"/> (owned when <paramref name="ownsPty"/>); call <see cref="Start"/>.</summary>
    /// <exception cref="ArgumentException">The plant has no such sensor, or the options are invalid.</exception>
    public Ft300Twin(PseudoTerminal pty, ISimulatedPlant plant, Ft300TwinOptions? options = null, bool ownsPty = false)
    {
        _pty = pty ?? throw new ArgumentNullException(nameof(pty));
        _plant = plant ?? throw new ArgumentNullException(nameof(plant));
        _options = options ?? new Ft300TwinOptions();
        _ownsPty = ownsPty;
        if ((uint)_options.Sensor >= (uint)plant.SensorCount)
            throw new ArgumentException($"ft300 twin: sensor {_options.Sensor} is not in the plant's [0, {plant.SensorCount}).", nameof(options));
        if (!(_options.StreamRateHz is > 0 and <= 1000))
            throw new ArgumentException($"ft300 twin: stream rate must be in (0, 1000] Hz; it is {_options.StreamRateHz}.", nameof(options));
        if (_options.StopStreamRun is < 1 or > 1000)
            throw new ArgumentException($"ft300 twin: stop-stream run must be in [1, 1000]; it is {_options.StopStreamRun}.", nameof(options));
        _firmware = Ft300Identity.FirmwareRegisters(_options.Firmware.Prefix, _options.Firmware.Major, _options.Firmware.Minor, _options.Firmware.Build);
        _serial = Ft300Identity.SerialNumberRegisters(_options.SerialNumber.Prefix, _options.SerialNumber.Number);
        _framePeriodTicks = (long)(Stopwatch.Frequency / _options.StreamRateHz);
        _streaming = _options.StreamOnStart;
    }

    /// <summary>Creates a pseudo-terminal, builds the twin on it and starts it.</summary>
    public static Ft300Twin StartOnNewPseudoTerminal(ISimulatedPlant plant, Ft300TwinOptions? options = null)
    {
        var pty = PseudoTerminal.Open();
        try
        {
            var twin = new Ft300Twin(pty, plant, options, ownsPty: true);
            twin.Start();
            return twin;
        }
        catch
        {
            pty.Dispose();
            throw;
        }
    }

    /// <summary>The serial device to open (e.g. <c>/dev/pts/4</c>) at 19 200 baud.</summary>
    public string PortPath => _pty.SecondaryPath;

    /// <summary>True while the twin is in stream mode.</summary>
    public bool Streaming => _streaming;

    /// <summary>The faults shown from now on (any thread).</summary>
    public Ft300TwinFaults Faults
    {
        get => (Ft300TwinFaults)Volatile.Read(ref _faults);
        set => Volatile.Write(ref _faults, (int)value);
    }

    /// <summary>Stream frames sent.</summary>
    public long FramesSent => Interlocked.Read(ref _framesSent);

    /// <summary>Modbus requests answered.</summary>
    public long RequestsAnswered => Interlocked.Read(ref _requestsAnswered);

    /// <summary>Requests dropped for a bad CRC (a real slave stays silent).</summary>
    public long CorruptRequests => Interlocked.Read(ref _corruptRequests);

    /// <summary>Starts the twin's thread.</summary>
    public void Start()
    {
        if (_thread is not null) throw new InvalidOperationException("the twin is already started.");
        _nextFrameTimestamp = Stopwatch.GetTimestamp();
        _thread = new Thread(Run) { IsBackground = true, Name = "ft300-twin" };
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
        while (!_stop)
        {
            int n = _pty.ReadMaster(_input, 1);
            var faults = Faults;
            if ((faults & Ft300TwinFaults.Disconnected) != 0)
            {
                _requestLength = 0;
                continue;
            }
            if (_streaming) WatchForStop(_input.AsSpan(0, n));
            else ServeModbus(_input.AsSpan(0, n), faults);
            if (_streaming) StreamIfDue(faults);
        }
    }

    private void WatchForStop(ReadOnlySpan<byte> bytes)
    {
        foreach (byte b in bytes)
        {
            _ffRun = b == Ft300Registers.StopStreamByte ? _ffRun + 1 : 0;
            if (_ffRun < _options.StopStreamRun) continue;
            _streaming = false;
            _ffRun = 0;
            _requestLength = 0;  // the rest of the 0xFF run is noise to the Modbus side, which skips it
        }
    }

    private void StreamIfDue(Ft300TwinFaults faults)
    {
        long now = Stopwatch.GetTimestamp();
        if (now < _nextFrameTimestamp) return;
        _nextFrameTimestamp += _framePeriodTicks;
        if (now - _nextFrameTimestamp > 10 * _framePeriodTicks) _nextFrameTimestamp = now + _framePeriodTicks;
        if ((faults & Ft300TwinFaults.StopStreaming) != 0) return;
        var w = _plant.GetSensorWrench(_options.Sensor);
        var sample = Ft300Sample.FromSi(w.ForceXN, w.ForceYN, w.ForceZN, w.TorqueXNm, w.TorqueYNm, w.TorqueZNm);
        Span<byte> frame = stackalloc byte[Ft300StreamFrame.Length];
        Ft300StreamFrame.Encode(frame, sample);
        if ((faults & Ft300TwinFaults.CorruptCrc) != 0) frame[^1] ^= 0x5A;
        _pty.WriteMaster(frame);
        Interlocked.Increment(ref _framesSent);
    }

    private void ServeModbus(ReadOnlySpan<byte> bytes, Ft300TwinFaults faults)
    {
        int room = Math.Min(bytes.Length, _request.Length - _requestLength);
        bytes[..room].CopyTo(_request.AsSpan(_requestLength));
        _requestLength += room;
        int start = 0;
        while (start < _requestLength)
        {
            var result = ModbusRtu.DecodeRequest(_request.AsSpan(start, _requestLength - start), out var frame);
            if (result == ModbusDecodeResult.NeedMoreData) break;
            if (result != ModbusDecodeResult.Frame)
            {
                if (result == ModbusDecodeResult.CrcMismatch) Interlocked.Increment(ref _corruptRequests);
                start++;
                continue;
            }
            if (frame.Slave == _options.SlaveId) Answer(_request.AsSpan(start, frame.Length), frame, faults);
            start += frame.Length;
            if (_streaming) { start = _requestLength; break; }
        }
        _request.AsSpan(start, _requestLength - start).CopyTo(_request);
        _requestLength -= start;
        if (_requestLength == _request.Length) _requestLength = 0;
    }

    private void Answer(ReadOnlySpan<byte> request, in ModbusFrame frame, Ft300TwinFaults faults)
    {
        int n;
        bool startStream = false;
        if (frame.Function == (byte)ModbusFunction.ReadHoldingRegisters)
        {
            var values = _registers.AsSpan(0, frame.Count);
            n = ReadRegisters(frame.Address, values)
                ? ModbusRtu.ReadHoldingRegistersResponse(_reply, _options.SlaveId, values)
                : ModbusRtu.ExceptionResponse(_reply, _options.SlaveId, frame.Function, 2);
        }
        else if (frame.Address == Ft300Registers.StreamControl && frame.Count == 1)
        {
            ushort value = ModbusRtu.Register(request, frame, 0);
            startStream = value == Ft300Registers.StartStreamValue;
            n = startStream
                ? ModbusRtu.WriteMultipleRegistersResponse(_reply, _options.SlaveId, frame.Address, frame.Count)
                : ModbusRtu.ExceptionResponse(_reply, _options.SlaveId, frame.Function, 3);
        }
        else
        {
            n = ModbusRtu.ExceptionResponse(_reply, _options.SlaveId, frame.Function, 2);
        }

        if ((faults & Ft300TwinFaults.NoReply) == 0)
        {
            if ((faults & Ft300TwinFaults.CorruptCrc) != 0) _reply[n - 1] ^= 0x5A;
            _pty.WriteMaster(_reply.AsSpan(0, n));
            Interlocked.Increment(ref _requestsAnswered);
        }
        if (startStream)
        {
            _nextFrameTimestamp = Stopwatch.GetTimestamp() + _framePeriodTicks;
            _ffRun = 0;
            _streaming = true;
        }
    }

    /// <summary>Fills <paramref name="values"/> from <paramref name="address"/>; false when any register is not in the map (exception 2).</summary>
    private bool ReadRegisters(ushort address, Span<ushort> values)
    {
        var w = _plant.GetSensorWrench(_options.Sensor);
        var sample = Ft300Sample.FromSi(w.ForceXN, w.ForceYN, w.ForceZN, w.TorqueXNm, w.TorqueYNm, w.TorqueZNm);
        for (int i = 0; i < values.Length; i++)
        {
            int register = address + i;
            int? value = register switch
            {
                >= Ft300Registers.ForceX and < Ft300Registers.ForceX + 6 => (register - Ft300Registers.ForceX) switch
                {
                    0 => sample.ForceX,
                    1 => sample.ForceY,
                    2 => sample.ForceZ,
                    3 => sample.TorqueX,
                    4 => sample.TorqueY,
                    _ => sample.TorqueZ,
                },
                >= Ft300Registers.FirmwareVersion and < Ft300Registers.FirmwareVersion + Ft300Registers.FirmwareVersionCount => _firmware[register - Ft300Registers.FirmwareVersion],
                >= Ft300Registers.SerialNumber and < Ft300Registers.SerialNumber + Ft300Registers.SerialNumberCount => _serial[register - Ft300Registers.SerialNumber],
                Ft300Registers.ProductionYear => _options.ProductionYear,
                _ => null,
            };
            if (value is null) return false;
            values[i] = (ushort)value.Value;
        }
        return true;
    }
}
