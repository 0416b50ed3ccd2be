using Controller.Hardware.Protocols.Slcan;
using Controller.Hardware.Transports.Can;

namespace Controller.Hardware.Simulation.Slcan;

/// <summary>
/// A USB-CAN adapter running SLCAN firmware, simulated: it speaks SLCAN on a byte stream (the adapter's end of a
/// pseudo-terminal, or of an in-memory pipe in tests) and puts the frames on a CAN channel (a
/// <see cref="VirtualCanNode"/>), so a host's <see cref="SlcanChannel"/> reaches the twins on a virtual bus.
/// </summary>
/// <remarks>
/// Behaviour per dialect: <see cref="SlcanDialect.Lawicel"/> acknowledges <c>t</c>/<c>T</c> with <c>z\r</c>/<c>Z\r</c>
/// and supports <c>Z1</c>/<c>Z0</c> timestamps; <see cref="SlcanDialect.Canable"/> sends no acknowledgement for a
/// transmitted frame and refuses <c>Z</c> with BEL (canable-fw has no Z command). Both refuse frames while closed
/// and bit-rate changes while open with BEL. <see cref="SlcanDialect.CanableFd"/> (CANable 2.0 firmware) also takes
/// <c>d D b B</c> FD lines and <c>Yn</c>, answers every accepted frame line with CR as canable2-fw's slcan.c does, and
/// forwards FD frames from the bus as <c>d D b B</c> lines; FD needs a bus channel that is an <see cref="ICanFdChannel"/>
/// (otherwise FD lines are refused with BEL). The other dialects refuse FD lines and <c>Y</c> with BEL and drop FD
/// frames from the bus (counted in <see cref="FdFramesDropped"/>), as a classic adapter cannot receive them. Two threads: one reads host commands, one forwards bus frames.
/// Misbehaviour on demand: <see cref="Silent"/> (no answers at all, as an unplugged or hung adapter) and
/// <see cref="InjectGarbage"/> (line noise in the stream).
/// </remarks>
public sealed class SlcanAdapterTwin : IDisposable
{
    private readonly Stream _stream;
    private readonly ICanChannel _bus;
    private readonly SlcanDialect _dialect;
    private readonly object _writeGate = new();
    private readonly Thread _commandThread;
    private readonly Thread _forwardThread;
    private volatile bool _stop;
    private volatile bool _open;
    private volatile bool _timestamps;
    private long _frameLinesFromHost;
    private long _framesTakenFromBus;
    private long _framesToHost;
    private long _fdFramesDropped;

    /// <summary>Starts the adapter on <paramref name="stream"/> (owned) in front of <paramref name="bus"/> (not owned).</summary>
    public SlcanAdapterTwin(Stream stream, ICanChannel bus, SlcanDialect dialect = SlcanDialect.Canable, ushort version = 0x1013)
    {
        _stream = stream ?? throw new ArgumentNullException(nameof(stream));
        _bus = bus ?? throw new ArgumentNullException(nameof(bus));
        _dialect = dialect;
        Version = version;
        _commandThread = new Thread(CommandLoop) { IsBackground = true, Name = "slcan-twin commands" };
        _forwardThread = new Thread(ForwardLoop) { IsBackground = true, Name = "slcan-twin frames" };
        _commandThread.Start();
        _forwardThread.Start();
    }

    /// <summary>The version answered to <c>V</c>.</summary>
    public ushort Version { get; }

    /// <summary>True while the host has the CAN channel open.</summary>
    public bool IsOpen => _open;

    /// <summary>The bit rate set by the last <c>Sn</c> (0 before any).</summary>
    public int BitsPerSecond { get; private set; }

    /// <summary>The CAN FD data bit rate set by the last <c>Yn</c> (0 before any; the firmware's default is 2 Mbit/s).</summary>
    public int DataBitsPerSecond { get; private set; }

    /// <summary>FD frames taken from the bus but not forwarded, because the dialect has no FD lines.</summary>
    public long FdFramesDropped => Interlocked.Read(ref _fdFramesDropped);

    /// <summary>Frame lines (<c>t</c>/<c>T</c>/<c>r</c>/<c>R</c>, and <c>d D b B</c>) received from the host and handled, whether put on the bus or refused with BEL.</summary>
    public long FrameLinesFromHost => Interlocked.Read(ref _frameLinesFromHost);

    /// <summary>Frames (error frames included) taken from the bus, whether forwarded to the host or not.</summary>
    public long FramesTakenFromBus => Interlocked.Read(ref _framesTakenFromBus);

    /// <summary>Frame lines written to the host.</summary>
    public long FramesToHost => Interlocked.Read(ref _framesToHost);

    /// <summary>When true, the adapter answers nothing and forwards nothing (a hung or unplugged adapter).</summary>
    public bool Silent { get; set; }

    /// <summary>Writes <paramref name="noise"/> to the host as if the line were disturbed.</summary>
    public void InjectGarbage(ReadOnlySpan<byte> noise) => Write(noise);

    /// <summary>Stops both threads and disposes the stream.</summary>
    public void Dispose()
    {
        _stop = true;
        _stream.Dispose();
        _commandThread.Join(1000);
        _forwardThread.Join(1000);
    }

    private void CommandLoop()
    {
        var buffer = new byte[256];
        var line = new byte[SlcanDecoder.MaxLineLength + 8];
        int length = 0;
        while (!_stop)
        {
            int read;
            try { read = _stream.Read(buffer, 0, buffer.Length); }
            catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException) { break; }
            if (read <= 0) break;
            for (int i = 0; i < read; i++)
            {
                byte b = buffer[i];
                if (b == (byte)'\r')
                {
                    Execute(line.AsSpan(0, length));
                    length = 0;
                }
                else if (length < line.Length) line[length++] = b;
            }
        }
    }

    private void Execute(ReadOnlySpan<byte> command)
    {
        if (Silent) return;
        if (command.IsEmpty) { Ok(); return; }
        switch ((char)command[0])
        {
            case 't' or 'T' or 'r' or 'R':
                if (!_open || !SlcanDecoder.TryDecodeLine(command, out var message) || message.HasTimestamp || !_bus.TrySend(message.Frame))
                    Bell();
                else if (_dialect == SlcanDialect.Lawicel)
                    Write(command[0] is (byte)'t' or (byte)'r' ? "z\r"u8 : "Z\r"u8);
                else if (_dialect == SlcanDialect.CanableFd)
                    Ok();
                Interlocked.Increment(ref _frameLinesFromHost);
                return;
            case 'd' or 'D' or 'b' or 'B':
                if (!SlcanBitrates.SupportsFd(_dialect) || !_open || _bus is not ICanFdChannel fdBus
                    || !SlcanDecoder.TryDecodeLine(command, out var fdMessage) || fdMessage.HasTimestamp || !fdBus.TrySendFd(fdMessage.FdFrame))
                    Bell();
                else
                    Ok();
                Interlocked.Increment(ref _frameLinesFromHost);
                return;
            case 'Y':
                int dataRate = command.Length == 2 ? SlcanBitrates.DataBitrateFor(command[1] - '0', _dialect) : 0;
                if (_open || dataRate == 0) { Bell(); return; }
                DataBitsPerSecond = dataRate;
                Ok();
                return;
            case 'S':
                int rate = command.Length == 2 ? SlcanBitrates.BitrateFor(command[1] - '0', _dialect) : 0;
                if (_open || rate == 0) { Bell(); return; }
                BitsPerSecond = rate;
                Ok();
                return;
            case 'O' or 'L':
                if (_open || BitsPerSecond == 0 || command.Length != 1) { Bell(); return; }
                _open = true;
                Ok();
                return;
            case 'C':
                if (!_open) { Bell(); return; }
                _open = false;
                Ok();
                return;
            case 'Z':
                if (_dialect != SlcanDialect.Lawicel || _open || command.Length != 2 || command[1] is not ((byte)'0' or (byte)'1')) { Bell(); return; }
                _timestamps = command[1] == (byte)'1';
                Ok();
                return;
            case 'V':
                Span<byte> version = stackalloc byte[6];
                version[0] = (byte)'V';
                for (int i = 0; i < 4; i++) version[1 + i] = "0123456789ABCDEF"u8[(Version >> (12 - 4 * i)) & 0xF];
                version[5] = (byte)'\r';
                Write(version);
                return;
            case 'F':
                Write("F00\r"u8);
                return;
            default:
                Bell();
                return;
        }
    }

    private void ForwardLoop()
    {
        Span<byte> line = stackalloc byte[SlcanEncoder.MaxLineLength];
        while (!_stop)
        {
            bool any = false;
            while (TryReceiveFromBus(out var frame))
            {
                any = true;
                bool isError = !frame.IsFd && (frame.Flags & CanFrameFlags.Error) != 0;
                if (frame.IsFd && !SlcanBitrates.SupportsFd(_dialect))
                    Interlocked.Increment(ref _fdFramesDropped);
                else if (_open && !Silent && !isError)
                {
                    int timestampMs = _timestamps ? (int)(frame.TimestampNs / 1_000_000 % 60_000) : -1;
                    int length = SlcanEncoder.EncodeFdFrame(frame, line, timestampMs);
                    if (length > 0)
                    {
                        Write(line[..length]);
                        Interlocked.Increment(ref _framesToHost);
                    }
                }
                Interlocked.Increment(ref _framesTakenFromBus);
            }
            if (!any) Thread.Sleep(1);
        }
    }

    private bool TryReceiveFromBus(out CanFdFrame frame)
    {
        if (_bus is ICanFdChannel fdBus) return fdBus.TryReceiveFd(out frame);
        bool got = _bus.TryReceive(out var classic);
        frame = got ? CanFdFrame.FromClassic(classic) : default;
        return got;
    }

    private void Ok() => Write("\r"u8);

    private void Bell() => Write([0x07]);

    private void Write(ReadOnlySpan<byte> bytes)
    {
        lock (_writeGate)
        {
            try
            {
                _stream.Write(bytes);
                _stream.Flush();
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
            {
                // The host went away; the command loop ends on its next read.
            }
        }
    }
}
