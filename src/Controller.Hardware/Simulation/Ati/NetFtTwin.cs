using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Controller.Hardware.Protocols.Ati;

namespace Controller.Hardware.Simulation.Ati;

/// <summary>
/// A simulated ATI Net F/T answering RDT on a UDP socket (127.0.0.1 by default), on a thread of its own: command 2
/// starts real-time streaming to the requester (endless for sample count 0, else that many records), command 0 stops,
/// command 0x42 biases; each record carries the plant's sensor wrench in counts. Faults on demand through
/// <see cref="Faults"/>.
/// </summary>
public sealed class NetFtTwin : IDisposable
{
    private readonly Socket _socket;
    private readonly ISimulatedPlant _plant;
    private readonly NetFtTwinOptions _options;
    private readonly byte[] _request = new byte[64];
    private readonly byte[] _record = new byte[Rdt.RecordLength];
    private readonly int[] _biasCounts = new int[6];
    private readonly long _periodTicks;
    private Thread? _thread;
    private volatile bool _stop;
    private EndPoint? _client;
    private long _remaining;
    private uint _rdtSequence;
    private uint _ftSequence;
    private int _faults;
    private long _recordsSent;

    /// <summary>Binds the socket; call <see cref="Start"/>.</summary>
    /// <exception cref="ArgumentException">No such sensor in the plant, or a bad rate or counts.</exception>
    /// <exception cref="SocketException">The port is taken.</exception>
    public NetFtTwin(ISimulatedPlant plant, NetFtTwinOptions? options = null)
    {
        _plant = plant ?? throw new ArgumentNullException(nameof(plant));
        _options = options ?? new NetFtTwinOptions();
        if ((uint)_options.Sensor >= (uint)plant.SensorCount)
            throw new ArgumentException($"netft twin: sensor {_options.Sensor} is not in the plant's [0, {plant.SensorCount}).", nameof(options));
        if (!(_options.RateHz is > 0 and <= 10_000))
            throw new ArgumentException($"netft twin: rate must be in (0, 10000] Hz; it is {_options.RateHz}.", nameof(options));
        if (!(_options.CountsPerForce > 0 && _options.CountsPerTorque > 0))
            throw new ArgumentException("netft twin: counts per force and per torque must be > 0.", nameof(options));
        _periodTicks = (long)(Stopwatch.Frequency / _options.RateHz);
        _socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            _socket.Bind(new IPEndPoint(IPAddress.Parse(_options.BindAddress), _options.Port));
        }
        catch
        {
            _socket.Dispose();
            throw;
        }
    }

    /// <summary>Creates the twin and starts it.</summary>
    public static NetFtTwin StartNew(ISimulatedPlant plant, NetFtTwinOptions? options = null)
    {
        var twin = new NetFtTwin(plant, options);
        twin.Start();
        return twin;
    }

    /// <summary>The UDP port it listens on.</summary>
    public int Port => ((IPEndPoint)_socket.LocalEndPoint!).Port;

    /// <summary>The faults shown from now on (any thread).</summary>
    public NetFtTwinFaults Faults
    {
        get => (NetFtTwinFaults)Volatile.Read(ref _faults);
        set => Volatile.Write(ref _faults, (int)value);
    }

    /// <summary>True while streaming to a client.</summary>
    public bool Streaming => Volatile.Read(ref _client) is not null;

    /// <summary>Records sent.</summary>
    public long RecordsSent => Interlocked.Read(ref _recordsSent);

    /// <summary>Starts the twin's thread.</summary>
    public void Start()
    {
        if (_thread is not null) throw new InvalidOperationException("the twin is already started.");
        _thread = new Thread(Run) { IsBackground = true, Name = "netft-twin" };
        _thread.Start();
    }

    /// <summary>Stops the thread and closes the socket.</summary>
    public void Dispose()
    {
        _stop = true;
        _thread?.Join();
        _socket.Dispose();
    }

    private void Run()
    {
        long next = Stopwatch.GetTimestamp();
        EndPoint any = new IPEndPoint(IPAddress.Any, 0);
        while (!_stop)
        {
            if (_socket.Poll(200, SelectMode.SelectRead))
            {
                EndPoint from = any;
                int n;
                try { n = _socket.ReceiveFrom(_request, ref from); }
                catch (SocketException) { continue; }
                if ((Faults & NetFtTwinFaults.Silence) == 0) Handle(_request.AsSpan(0, n), from, ref next);
            }
            var client = Volatile.Read(ref _client);
            long now = Stopwatch.GetTimestamp();
            if (client is null || now < next) continue;
            next += _periodTicks;
            if (now - next > 100 * _periodTicks) next = now + _periodTicks;
            SendRecord(client);
        }
    }

    private void Handle(ReadOnlySpan<byte> datagram, EndPoint from, ref long next)
    {
        if (!Rdt.TryDecodeRequest(datagram, out var command, out uint count)) return;
        switch (command)
        {
            case RdtCommand.StartRealtimeStreaming:
                _remaining = count == 0 ? long.MaxValue : count;
                next = Stopwatch.GetTimestamp();
                Volatile.Write(ref _client, from);
                break;
            case RdtCommand.Stop:
                Volatile.Write(ref _client, null);
                break;
            case RdtCommand.SetSoftwareBias:
                Array.Clear(_biasCounts);
                Counts(_biasCounts);
                break;
        }
    }

    private void SendRecord(EndPoint client)
    {
        var faults = Faults;
        if ((faults & NetFtTwinFaults.Silence) != 0) return;
        _rdtSequence++;
        _ftSequence++;
        if (--_remaining <= 0) Volatile.Write(ref _client, null);
        if ((faults & NetFtTwinFaults.DropPackets) != 0 && (_rdtSequence & 1) == 0) return;
        Span<int> c = stackalloc int[6];
        Counts(c);
        for (int i = 0; i < 6; i++) c[i] -= _biasCounts[i];
        uint status = (faults & NetFtTwinFaults.ErrorStatus) != 0 ? RdtRecord.ErrorBit : 0;
        Rdt.EncodeRecord(_record, new RdtRecord(_rdtSequence, _ftSequence, status, c[0], c[1], c[2], c[3], c[4], c[5]));
        try
        {
            _socket.SendTo(_record, client);
            Interlocked.Increment(ref _recordsSent);
        }
        catch (SocketException)
        {
            // the client went away; a real box keeps streaming into the void until told to stop
        }
    }

    private void Counts(Span<int> counts)
    {
        var w = _plant.GetSensorWrench(_options.Sensor);
        counts[0] = ToCounts(w.ForceXN * _options.CountsPerForce);
        counts[1] = ToCounts(w.ForceYN * _options.CountsPerForce);
        counts[2] = ToCounts(w.ForceZN * _options.CountsPerForce);
        counts[3] = ToCounts(w.TorqueXNm * _options.CountsPerTorque);
        counts[4] = ToCounts(w.TorqueYNm * _options.CountsPerTorque);
        counts[5] = ToCounts(w.TorqueZNm * _options.CountsPerTorque);
    }

    private static int ToCounts(double value) =>
        double.IsNaN(value) ? 0 : (int)Math.Clamp(Math.Round(value), int.MinValue, int.MaxValue);
}
