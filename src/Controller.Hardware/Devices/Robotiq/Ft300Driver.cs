using System.Diagnostics;
using Controller.Hardware.Devices.ForceTorque;
using Controller.Hardware.Protocols.Robotiq;
using Controller.Hardware.Transports.Serial;
using Controller.Pipeline.Messages;

namespace Controller.Hardware.Devices.Robotiq;

/// <summary>
/// A Robotiq FT 300 behind <see cref="IForceTorqueDriver"/>. <see cref="Open"/>: stops a stream the sensor may be
/// sending since power-up (a run of 0xFF), reads its firmware version, serial number and production year over
/// Modbus RTU, then writes 0x0200 to register 410 to start the 100 Hz stream. <see cref="Read"/> (loop thread):
/// takes whatever bytes arrived without waiting, decodes the newest valid frame, and turns silence into
/// <see cref="BusStatus.Timeout"/> then <see cref="BusStatus.DeviceLost"/>.
/// </summary>
public sealed class Ft300Driver : IForceTorqueDriver, IDisposable
{
    private readonly Ft300Options _options;
    private readonly Ft300StreamDecoder _decoder = new();
    private readonly long _timeoutTicks;
    private readonly long _lostTicks;
    private readonly bool _ownsLink;
    private ISerialLink? _link;
    private long _lastFrameTimestamp;
    private long _sequence;
    private bool _lost;
    private long _timeoutCycles, _lostEvents, _checksumCycles;

    /// <summary>A driver that opens <see cref="Ft300Options.PortName"/> itself (a <see cref="SerialTransport"/>) on Open.</summary>
    public Ft300Driver(Ft300Options options) : this(options, null)
    {
        if (string.IsNullOrWhiteSpace(options.PortName))
            throw new ArgumentException($"ft300 '{options.Name}': a port name is required.", nameof(options));
    }

    /// <summary>A driver on an already open link (not disposed by the driver); null: open <see cref="Ft300Options.PortName"/>.</summary>
    public Ft300Driver(Ft300Options options, ISerialLink? link)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _link = link;
        _ownsLink = link is null;
        _timeoutTicks = (long)(options.StreamTimeout.TotalSeconds * Stopwatch.Frequency);
        _lostTicks = (long)(options.LostAfter.TotalSeconds * Stopwatch.Frequency);
    }

    /// <inheritdoc />
    public string Name => _options.Name;

    /// <inheritdoc />
    public ForceTorqueRange RatedRange => _options.RatedRange;

    /// <inheritdoc />
    public double SampleRateHz => Ft300Registers.StreamRateHz;

    /// <summary>Firmware version read at Open, e.g. "FTS-1.0.3".</summary>
    public string? FirmwareVersion { get; private set; }

    /// <summary>Serial number read at Open.</summary>
    public string? SerialNumber { get; private set; }

    /// <summary>Production year read at Open.</summary>
    public int ProductionYear { get; private set; }

    /// <summary>Valid stream frames received.</summary>
    public long Frames => _decoder.Frames;

    /// <summary>Stream frames that failed their CRC.</summary>
    public long CrcErrors => _decoder.CrcMismatches;

    /// <summary>Bytes skipped while resynchronising.</summary>
    public long SkippedBytes => _decoder.SkippedBytes;

    /// <summary>Cycles reported as <see cref="BusStatus.Timeout"/>.</summary>
    public long TimeoutCycles => _timeoutCycles;

    /// <summary>Cycles reported as <see cref="BusStatus.ChecksumError"/> (only damaged frames arrived).</summary>
    public long ChecksumCycles => _checksumCycles;

    /// <summary>Times the stream was declared lost.</summary>
    public long LostEvents => _lostEvents;

    /// <inheritdoc />
    /// <exception cref="TimeoutException">The sensor does not answer Modbus (wrong port, not powered, another program streaming).</exception>
    /// <exception cref="IOException">The port cannot be opened or the sensor refuses a request.</exception>
    public void Open()
    {
        _link ??= SerialTransport.Open(_options.PortName!, _options.BaudRate);
        StopStream(_link);
        var modbus = new ModbusRtuClient(_link, _options.ModbusReplyTimeout);
        Span<ushort> registers = stackalloc ushort[4];
        modbus.ReadHoldingRegisters(_options.SlaveId, Ft300Registers.FirmwareVersion, registers[..Ft300Registers.FirmwareVersionCount]);
        FirmwareVersion = Ft300Identity.FormatFirmware(registers);
        modbus.ReadHoldingRegisters(_options.SlaveId, Ft300Registers.SerialNumber, registers[..Ft300Registers.SerialNumberCount]);
        SerialNumber = Ft300Identity.FormatSerialNumber(registers);
        modbus.ReadHoldingRegisters(_options.SlaveId, Ft300Registers.ProductionYear, registers[..1]);
        ProductionYear = registers[0];
        _decoder.Clear();
        StartStream(modbus, _link);
        _lastFrameTimestamp = Stopwatch.GetTimestamp();
        _lost = false;
    }

    /// <inheritdoc />
    public void Close()
    {
        var link = _link;
        if (link is null) return;
        try
        {
            StopStream(link, waitForSilence: false);
        }
        catch (Exception e) when (e is IOException or TimeoutException)
        {
            // the sensor may already be gone; closing must not throw
        }
        if (_ownsLink)
        {
            (link as IDisposable)?.Dispose();
            _link = null;
        }
    }

    /// <summary>Same as <see cref="Close"/>.</summary>
    public void Dispose() => Close();

    /// <inheritdoc />
    public BusStatus Read(ref Wrench wrench)
    {
        var link = _link;
        if (link is null) return BusStatus.NotActive;
        int n;
        while ((n = link.Read(_decoder.GetWriteSpace(), 0)) > 0) _decoder.Commit(n);

        bool got = false, damaged = false;
        Ft300Sample newest = default;
        Ft300StreamResult result;
        while ((result = _decoder.TryNext(out var sample)) != Ft300StreamResult.NeedMoreData)
        {
            if (result == Ft300StreamResult.Frame) { newest = sample; got = true; }
            else damaged = true;
        }

        long now = Stopwatch.GetTimestamp();
        if (got)
        {
            _lastFrameTimestamp = now;
            _lost = false;
            wrench.Header = new MessageHeader(++_sequence, (long)(now * (1e9 / Stopwatch.Frequency)));
            wrench.Flags &= ~WrenchFlags.Stale;
            wrench.ForceXN = newest.ForceXN;
            wrench.ForceYN = newest.ForceYN;
            wrench.ForceZN = newest.ForceZN;
            wrench.TorqueXNm = newest.TorqueXNm;
            wrench.TorqueYNm = newest.TorqueYNm;
            wrench.TorqueZNm = newest.TorqueZNm;
            return BusStatus.Ok;
        }

        wrench.Flags |= WrenchFlags.Stale;
        long silence = now - _lastFrameTimestamp;
        if (silence >= _lostTicks)
        {
            if (!_lost) { _lost = true; _lostEvents++; }
            return BusStatus.DeviceLost;
        }
        if (damaged) { _checksumCycles++; return BusStatus.ChecksumError; }
        if (silence >= _timeoutTicks) { _timeoutCycles++; return BusStatus.Timeout; }
        return BusStatus.Ok;
    }

    /// <summary>
    /// Writes 0x0200 to register 410. Like Robotiq's own software, a missing echo is accepted when stream frames
    /// arrive instead (the sensor may switch to streaming before its reply is complete).
    /// </summary>
    private void StartStream(ModbusRtuClient modbus, ISerialLink link)
    {
        try
        {
            modbus.WriteMultipleRegisters(_options.SlaveId, Ft300Registers.StreamControl, [Ft300Registers.StartStreamValue]);
        }
        catch (TimeoutException)
        {
            long giveUp = Stopwatch.GetTimestamp() + Stopwatch.Frequency / 5;
            while (Stopwatch.GetTimestamp() < giveUp)
            {
                int n = link.Read(_decoder.GetWriteSpace(), giveUp);
                _decoder.Commit(n);
                if (_decoder.TryNext(out _) == Ft300StreamResult.Frame) return;
            }
            throw;
        }
    }

    /// <summary>Sends the 0xFF run that stops the stream and, when asked, waits until the line has been quiet for 50 ms (at most 1 s).</summary>
    private static void StopStream(ISerialLink link, bool waitForSilence = true)
    {
        Span<byte> jam = stackalloc byte[Ft300Registers.StopStreamLength];
        jam.Fill(Ft300Registers.StopStreamByte);
        long second = Stopwatch.Frequency;
        link.Write(jam, Stopwatch.GetTimestamp() + second);
        if (!waitForSilence) return;
        Span<byte> sink = stackalloc byte[256];
        long giveUp = Stopwatch.GetTimestamp() + second;
        while (Stopwatch.GetTimestamp() < giveUp && link.Read(sink, Stopwatch.GetTimestamp() + second / 20) > 0) { }
        link.DiscardInput();
    }
}
