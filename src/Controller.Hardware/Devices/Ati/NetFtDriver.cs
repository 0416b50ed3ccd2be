using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Controller.Hardware.Devices.ForceTorque;
using Controller.Hardware.Protocols.Ati;
using Controller.Pipeline.Messages;

namespace Controller.Hardware.Devices.Ati;

/// <summary>
/// An ATI Net F/T behind <see cref="IForceTorqueDriver"/>, over RDT on UDP. <see cref="Open"/> connects a UDP socket
/// to the sensor and asks for endless high-speed real-time streaming (command 2, sample count 0). <see cref="Read"/>
/// (loop thread) drains every datagram that arrived without waiting, through a connected non-blocking socket and a
/// preallocated buffer (no allocation), keeps the newest record, counts RDT sequence gaps as dropped packets, and
/// reports an error status word as <see cref="BusStatus.DeviceFault"/>.
/// </summary>
public sealed class NetFtDriver : IForceTorqueDriver, IDisposable
{
    private readonly NetFtOptions _options;
    private readonly byte[] _datagram = new byte[2048];
    private readonly byte[] _request = new byte[Rdt.RequestLength];
    private readonly long _timeoutTicks;
    private readonly long _lostTicks;
    private Socket? _socket;
    private long _lastRecordTimestamp;
    private uint _lastRdtSequence;
    private bool _haveSequence;
    private bool _lost;
    private long _sequence, _records, _droppedPackets, _malformedDatagrams, _errorRecords, _timeoutCycles, _lostEvents;

    /// <summary>Creates the driver; nothing is opened until <see cref="Open"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Invalid options (see <see cref="NetFtOptions.Validate"/>).</exception>
    public NetFtDriver(NetFtOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _timeoutTicks = (long)(options.StreamTimeout.TotalSeconds * Stopwatch.Frequency);
        _lostTicks = (long)(options.LostAfter.TotalSeconds * Stopwatch.Frequency);
    }

    /// <inheritdoc />
    public string Name => _options.Name;

    /// <inheritdoc />
    public ForceTorqueRange RatedRange => _options.RatedRange;

    /// <inheritdoc />
    public double SampleRateHz => _options.SampleRateHz;

    /// <summary>Valid records received.</summary>
    public long Records => _records;

    /// <summary>Packets missing from the RDT sequence (UDP loss).</summary>
    public long DroppedPackets => _droppedPackets;

    /// <summary>Datagrams that were not a 36-byte record.</summary>
    public long MalformedDatagrams => _malformedDatagrams;

    /// <summary>Records whose status word had the error bit.</summary>
    public long ErrorRecords => _errorRecords;

    /// <summary>Status word of the newest record.</summary>
    public uint LastStatus { get; private set; }

    /// <summary>Cycles reported as <see cref="BusStatus.Timeout"/>.</summary>
    public long TimeoutCycles => _timeoutCycles;

    /// <summary>Times the stream was declared lost.</summary>
    public long LostEvents => _lostEvents;

    /// <inheritdoc />
    /// <exception cref="SocketException">The host cannot be resolved or reached.</exception>
    public void Open()
    {
        var address = IPAddress.TryParse(_options.Host, out var ip) ? ip : Dns.GetHostAddresses(_options.Host)[0];
        var socket = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            socket.Connect(new IPEndPoint(address, _options.Port));
            socket.Blocking = false;
            socket.ReceiveBufferSize = 1 << 20;
            Rdt.EncodeRequest(_request, RdtCommand.StartRealtimeStreaming, 0);
            socket.Send(_request);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        _socket = socket;
        _lastRecordTimestamp = Stopwatch.GetTimestamp();
        _haveSequence = false;
        _lost = false;
    }

    /// <summary>Loop or any thread before Read: asks the sensor itself to bias (RDT command 0x42). Not needed with <see cref="ForceTorqueSensor"/>'s tare.</summary>
    public void RequestHardwareBias()
    {
        var socket = _socket;
        if (socket is null) return;
        Span<byte> request = stackalloc byte[Rdt.RequestLength];
        Rdt.EncodeRequest(request, RdtCommand.SetSoftwareBias, 0);
        socket.Send(request, SocketFlags.None, out _);
    }

    /// <inheritdoc />
    public void Close()
    {
        var socket = Interlocked.Exchange(ref _socket, null);
        if (socket is null) return;
        Span<byte> request = stackalloc byte[Rdt.RequestLength];
        Rdt.EncodeRequest(request, RdtCommand.Stop, 0);
        socket.Send(request, SocketFlags.None, out _);
        socket.Dispose();
    }

    /// <summary>Same as <see cref="Close"/>.</summary>
    public void Dispose() => Close();

    /// <inheritdoc />
    public BusStatus Read(ref Wrench wrench)
    {
        var socket = _socket;
        if (socket is null) return BusStatus.NotActive;
        bool got = false;
        RdtRecord newest = default;
        while (true)
        {
            int n = socket.Receive(_datagram, SocketFlags.None, out var error);
            if (error != SocketError.Success) break;  // WouldBlock: drained; ConnectionRefused (ICMP): nobody there yet
            if (!Rdt.TryDecodeRecord(_datagram.AsSpan(0, n), out var record)) { _malformedDatagrams++; continue; }
            if (_haveSequence && record.RdtSequence != _lastRdtSequence + 1)
                _droppedPackets += (uint)(record.RdtSequence - _lastRdtSequence - 1) < 1_000_000 ? record.RdtSequence - _lastRdtSequence - 1 : 0;
            _lastRdtSequence = record.RdtSequence;
            _haveSequence = true;
            _records++;
            newest = record;
            got = true;
        }

        long now = Stopwatch.GetTimestamp();
        if (got)
        {
            _lastRecordTimestamp = now;
            _lost = false;
            LastStatus = newest.Status;
            if (newest.HasError)
            {
                _errorRecords++;
                wrench.Flags |= WrenchFlags.Stale;
                return BusStatus.DeviceFault;
            }
            wrench.Header = new MessageHeader(++_sequence, (long)(now * (1e9 / Stopwatch.Frequency)));
            wrench.Flags &= ~WrenchFlags.Stale;
            wrench.ForceXN = newest.ForceX / _options.CountsPerForce;
            wrench.ForceYN = newest.ForceY / _options.CountsPerForce;
            wrench.ForceZN = newest.ForceZ / _options.CountsPerForce;
            wrench.TorqueXNm = newest.TorqueX / _options.CountsPerTorque;
            wrench.TorqueYNm = newest.TorqueY / _options.CountsPerTorque;
            wrench.TorqueZNm = newest.TorqueZ / _options.CountsPerTorque;
            return BusStatus.Ok;
        }

        wrench.Flags |= WrenchFlags.Stale;
        long silence = now - _lastRecordTimestamp;
        if (silence >= _lostTicks)
        {
            if (!_lost) { _lost = true; _lostEvents++; }
            return BusStatus.DeviceLost;
        }
        if (silence >= _timeoutTicks) { _timeoutCycles++; return BusStatus.Timeout; }
        return BusStatus.Ok;
    }
}
