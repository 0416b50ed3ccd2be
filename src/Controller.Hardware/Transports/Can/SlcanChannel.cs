using Controller.Hardware.Protocols.Slcan;
using Controller.Hardware.Transports.Serial;
using Controller.Pipeline.Rings;
using Controller.Pipeline.Time;

namespace Controller.Hardware.Transports.Can;

/// <summary>
/// A CAN channel through an SLCAN (Lawicel ASCII) USB-CAN adapter such as a CANable, over any byte
/// <see cref="Stream"/>: a <c>SerialPort.BaseStream</c> in production, a pseudo-terminal for a twin.
/// </summary>
/// <remarks>
/// A reader thread decodes the adapter's lines into a lock-free receive queue, so <see cref="TryReceive"/> never
/// blocks. <see cref="TrySend"/> encodes into a preallocated buffer and writes the line straight to the stream; it
/// never waits for an acknowledgement, because CANable-family firmware sends none for <c>t</c>/<c>T</c> while
/// Lawicel adapters send <c>z</c>/<c>Z</c>: those are counted (<see cref="TransmitAcks"/>), and a BEL that is not
/// the answer to a command is counted as a refused transmission (<see cref="AdapterErrors"/>).
/// Commands (<see cref="Open"/>, <see cref="Close"/>, <see cref="ReadVersion"/>, <see cref="ReadStatusFlags"/>) block
/// until the adapter answers and throw on refusal or timeout; call them from the lifecycle thread while no frames
/// are being sent, since a stray CR from a transmission could otherwise be taken for the command's answer.
/// The channel owns the stream and disposes it.
/// CAN FD (<see cref="SlcanDialect.CanableFd"/>): <see cref="TrySendFd"/> writes <c>d D b B</c> lines, received FD lines
/// queue with the classic frames in arrival order; <see cref="TryReceive"/> skips an FD frame and counts it as malformed
/// input, so read an FD bus with <see cref="TryReceiveFd"/>. ESI is not carried by SLCAN.
/// </remarks>
public sealed class SlcanChannel : ICanFdChannel
{
    private readonly Stream _stream;
    private readonly IMonotonicClock _clock;
    private readonly SlcanOptions _options;
    private readonly SlcanDecoder _decoder = new();
    private readonly SpscRing<CanFdFrame> _rxRing;
    private readonly SpscProducer<CanFdFrame> _rxProducer;
    private readonly SpscConsumer<CanFdFrame> _rxConsumer;
    private readonly byte[] _sendBuffer = new byte[SlcanEncoder.MaxLineLength];
    private readonly ManualResetEventSlim _replied = new(false);
    private readonly object _commandGate = new();
    private readonly Thread _reader;
    private SlcanMessage _reply;
    private int _awaitingReply;
    private int _writing;
    private int _open;
    private int _disposed;
    private long _transmitAcks;
    private long _adapterErrors;
    private long _lastTimestampMs = -1;
    private long _timestampEpochMs;

    /// <summary>Starts reading the adapter on <paramref name="stream"/>; the channel stays closed until <see cref="Open"/>.</summary>
    /// <param name="name">Name for messages (the port, e.g. <c>/dev/ttyACM0</c>).</param>
    /// <param name="stream">The adapter's byte stream; the channel takes ownership.</param>
    /// <param name="clock">Stamps received frames when adapter timestamps are off.</param>
    /// <param name="options">Dialect, timeouts, timestamps.</param>
    public SlcanChannel(string name, Stream stream, IMonotonicClock clock, SlcanOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        _stream = stream ?? throw new ArgumentNullException(nameof(stream));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _options = options ?? new SlcanOptions();
        if (_options.CommandTimeoutMs <= 0)
            throw new ArgumentOutOfRangeException(nameof(options), _options.CommandTimeoutMs, "CommandTimeoutMs must be > 0.");
        if (_options.TimestampWrapMs <= 0 || _options.TimestampWrapMs > 65_536)
            throw new ArgumentOutOfRangeException(nameof(options), _options.TimestampWrapMs, "TimestampWrapMs must be 1..65536.");
        _rxRing = SpscRing<CanFdFrame>.Create(_options.ReceiveCapacity);
        _rxProducer = _rxRing.TakeProducer();
        _rxConsumer = _rxRing.TakeConsumer();
        _reader = new Thread(ReadLoop) { IsBackground = true, Name = $"slcan {name}" };
        _reader.Start();
    }

    /// <summary>
    /// Opens the serial device <paramref name="portPath"/> (a USB-CAN adapter's <c>/dev/ttyACM0</c>, or the
    /// <c>/dev/pts/N</c> of an adapter twin) with <see cref="SerialTransport"/> and starts a channel on it. The CAN side
    /// stays closed until <see cref="Open"/>.
    /// </summary>
    /// <param name="portPath">The serial device.</param>
    /// <param name="clock">Stamps received frames.</param>
    /// <param name="options">Dialect, timeouts, timestamps.</param>
    /// <param name="baudRate">The serial line's speed; USB CDC adapters (CANable) ignore it, UART adapters need theirs.</param>
    /// <exception cref="IOException">The device cannot be opened; the message names it and why.</exception>
    public static SlcanChannel OnSerialPort(string portPath, IMonotonicClock clock, SlcanOptions? options = null, int baudRate = 115_200)
    {
        var stream = new SerialTransportStream(SerialTransport.Open(portPath, baudRate));
        try
        {
            return new SlcanChannel(portPath, stream, clock, options);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public CanChannelCounters Counters { get; } = new();

    /// <inheritdoc />
    public CanBusState BusState => Volatile.Read(ref _open) != 0 ? CanBusState.ErrorActive : CanBusState.Closed;

    /// <summary>True between a successful <see cref="Open"/> and <see cref="Close"/>.</summary>
    public bool IsOpen => Volatile.Read(ref _open) != 0;

    /// <summary><c>z</c>/<c>Z</c> acknowledgements received (Lawicel adapters only).</summary>
    public long TransmitAcks => Volatile.Read(ref _transmitAcks);

    /// <summary>BEL replies that answered no command: the adapter refused a frame (not open, queue full).</summary>
    public long AdapterErrors => Volatile.Read(ref _adapterErrors);

    /// <summary>
    /// Opens the CAN channel at <paramref name="bitsPerSecond"/>: closes it first (a refusal is fine: it was closed),
    /// sets the bit rate (<c>Sn</c> of the dialect), the FD data bit rate (<c>Yn</c>, only when
    /// <see cref="SlcanOptions.DataBitsPerSecond"/> is set), timestamps (<c>Z1</c>/<c>Z0</c>, only if asked for), then
    /// <c>O</c> (or <c>L</c>).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">When the dialect has no code for the bit rate (or for <see cref="SlcanOptions.DataBitsPerSecond"/>).</exception>
    /// <exception cref="IOException">When the adapter refuses a command (the message names it).</exception>
    /// <exception cref="TimeoutException">When the adapter does not answer.</exception>
    public void Open(int bitsPerSecond)
    {
        Span<byte> bitrate = stackalloc byte[3];
        SlcanEncoder.EncodeBitrate(bitsPerSecond, _options.Dialect, bitrate);
        Command(SlcanEncoder.Command('C'), "C (close)", refusalIsFine: true);
        Command(bitrate, $"S{(char)bitrate[1]} ({bitsPerSecond} bit/s, {_options.Dialect} table)");
        if (_options.DataBitsPerSecond != 0)
        {
            Span<byte> dataBitrate = stackalloc byte[3];
            SlcanEncoder.EncodeDataBitrate(_options.DataBitsPerSecond, _options.Dialect, dataBitrate);
            Command(dataBitrate, $"Y{(char)dataBitrate[1]} (CAN FD data phase {_options.DataBitsPerSecond} bit/s)");
        }
        if (_options.AdapterTimestamps)
            Command(SlcanEncoder.Timestamps(true), "Z1 (timestamps on; CANable-family firmware has no Z command: turn AdapterTimestamps off)");
        Interlocked.Exchange(ref _lastTimestampMs, -1);
        _timestampEpochMs = 0;
        Command(SlcanEncoder.Command(_options.ListenOnly ? 'L' : 'O'), _options.ListenOnly ? "L (open listen-only)" : "O (open)");
        Volatile.Write(ref _open, 1);
    }

    /// <summary>Closes the CAN channel (<c>C</c>); the adapter stays attached and can be opened again.</summary>
    public void Close()
    {
        Volatile.Write(ref _open, 0);
        Command(SlcanEncoder.Command('C'), "C (close)", refusalIsFine: true);
    }

    /// <summary>Asks the adapter's version (<c>V</c>): hardware version in the high byte, software in the low.</summary>
    public ushort ReadVersion() => Expect(Command(SlcanEncoder.Command('V'), "V (version)"), SlcanMessageKind.Version, "V").Value;

    /// <summary>Asks the adapter's status flags (<c>F</c>); see <see cref="SlcanMessageKind.StatusFlags"/> for the bits.</summary>
    public byte ReadStatusFlags() => (byte)Expect(Command(SlcanEncoder.Command('F'), "F (status flags)"), SlcanMessageKind.StatusFlags, "F").Value;

    /// <inheritdoc />
    public bool TrySend(in CanFrame frame) => TrySendFd(CanFdFrame.FromClassic(frame));

    /// <summary>
    /// Writes an FD frame as a <c>d D b B</c> line (a classic one, without FDF, as <c>t T r R</c>); false (and counted)
    /// when closed, another write is in progress, the frame cannot be expressed in SLCAN, the dialect has no FD, or the
    /// write fails.
    /// </summary>
    public bool TrySendFd(in CanFdFrame frame)
    {
        if (frame.IsFd && !SlcanBitrates.SupportsFd(_options.Dialect))
        {
            Counters.Rejected();
            return false;
        }
        if (Volatile.Read(ref _open) == 0 || Interlocked.CompareExchange(ref _writing, 1, 0) != 0)
        {
            Counters.Rejected();
            return false;
        }
        try
        {
            int length = SlcanEncoder.EncodeFdFrame(frame, _sendBuffer);
            if (length == 0)
            {
                Counters.Rejected();
                return false;
            }
            _stream.Write(_sendBuffer, 0, length);
            Counters.Sent();
            return true;
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException or TimeoutException)
        {
            Counters.Rejected();
            return false;
        }
        finally
        {
            Volatile.Write(ref _writing, 0);
        }
    }

    /// <inheritdoc />
    public bool TryReceive(out CanFrame frame)
    {
        while (_rxConsumer.TryRead(out var any))
        {
            if (any.TryToClassic(out frame)) return true;
            Counters.Malformed();
        }
        frame = default;
        return false;
    }

    /// <inheritdoc />
    public bool TryReceiveFd(out CanFdFrame frame) => _rxConsumer.TryRead(out frame);

    /// <summary>Stops the reader, disposes the stream and frees the receive queue.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        Volatile.Write(ref _open, 0);
        _stream.Dispose();
        _reader.Join(_options.CommandTimeoutMs);
        _replied.Dispose();
        if (!_reader.IsAlive)
        {
            _rxProducer.Dispose();
            _rxConsumer.Dispose();
            _rxRing.Dispose();
        }
    }

    private SlcanMessage Command(ReadOnlySpan<byte> bytes, string what, bool refusalIsFine = false)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        lock (_commandGate)
        {
            var spin = new SpinWait();
            while (Interlocked.CompareExchange(ref _writing, 1, 0) != 0) spin.SpinOnce();
            try
            {
                _replied.Reset();
                Volatile.Write(ref _awaitingReply, 1);
                _stream.Write(bytes);
                _stream.Flush();
            }
            finally
            {
                Volatile.Write(ref _writing, 0);
            }
            bool answered = _replied.Wait(_options.CommandTimeoutMs);
            Volatile.Write(ref _awaitingReply, 0);
            if (!answered)
                throw new TimeoutException($"SLCAN adapter on '{Name}' did not answer {what} within {_options.CommandTimeoutMs} ms; " +
                    "check the port, that nothing else holds it, and that the adapter runs SLCAN (not candleLight/gs_usb) firmware.");
            var reply = _reply;
            if (reply.Kind == SlcanMessageKind.Error && !refusalIsFine)
                throw new IOException($"SLCAN adapter on '{Name}' refused {what} (answered BEL).");
            return reply;
        }
    }

    private SlcanMessage Expect(SlcanMessage reply, SlcanMessageKind kind, string command)
    {
        if (reply.Kind != kind)
            throw new IOException($"SLCAN adapter on '{Name}' answered {command} with {reply.Kind}, expected {kind}.");
        return reply;
    }

    private void ReadLoop()
    {
        var buffer = new byte[512];
        while (Volatile.Read(ref _disposed) == 0)
        {
            int read;
            try
            {
                read = _stream.Read(buffer, 0, buffer.Length);
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException or OperationCanceledException or TimeoutException)
            {
                if (e is TimeoutException) continue; // a SerialPort with ReadTimeout set
                break;
            }
            if (read <= 0) break;
            for (int i = 0; i < read; i++)
            {
                var result = _decoder.Push(buffer[i], out var message);
                if (result == SlcanDecodeResult.Malformed) Counters.Malformed();
                else if (result == SlcanDecodeResult.Message) Handle(message);
            }
        }
        Volatile.Write(ref _open, 0);
    }

    private void Handle(in SlcanMessage message)
    {
        switch (message.Kind)
        {
            case SlcanMessageKind.Frame:
            case SlcanMessageKind.FdFrame:
                var frame = message.Kind == SlcanMessageKind.Frame ? CanFdFrame.FromClassic(message.Frame) : message.FdFrame;
                frame.TimestampNs = _options.AdapterTimestamps && message.HasTimestamp ? Unwrap(message.TimestampMs) * 1_000_000 : _clock.NowNs;
                if (_rxProducer.TryWrite(frame)) Counters.Received();
                else Counters.Overrun();
                break;
            case SlcanMessageKind.TransmitAck:
                Interlocked.Increment(ref _transmitAcks);
                break;
            default:
                if (Volatile.Read(ref _awaitingReply) != 0)
                {
                    _reply = message;
                    Volatile.Write(ref _awaitingReply, 0);
                    _replied.Set();
                }
                else if (message.Kind == SlcanMessageKind.Error)
                {
                    Interlocked.Increment(ref _adapterErrors);
                }
                break;
        }
    }

    private long Unwrap(ushort timestampMs)
    {
        long last = _lastTimestampMs;
        if (last >= 0 && timestampMs < last) _timestampEpochMs += _options.TimestampWrapMs;
        _lastTimestampMs = timestampMs;
        return _timestampEpochMs + timestampMs;
    }
}
