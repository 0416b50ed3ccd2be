using Controller.Hardware.Transports.Can;
using Controller.Pipeline.Time;

namespace Controller.Hardware.Protocols.CanOpen;

/// <summary>
/// Finds the CANopen nodes on a bus (for `robotctl scan can`): asks every node-ID for its device type (0x1000, which
/// CiA 301 makes mandatory) a few at a time, then reads identity (0x1018) and device name (0x1008) from those that
/// answered, and notes the NMT state of any heartbeat heard meanwhile. Commissioning only: it owns the channel.
/// </summary>
public sealed class CanOpenScanner
{
    private readonly ICanChannel _channel;
    private readonly IMonotonicClock _clock;
    private readonly NmtState[] _heard = new NmtState[CanOpenCobIds.MaxNodeId + 1];

    /// <summary>Creates a scanner on <paramref name="channel"/>.</summary>
    public CanOpenScanner(ICanChannel channel, IMonotonicClock clock)
    {
        _channel = channel ?? throw new ArgumentNullException(nameof(channel));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        Array.Fill(_heard, NmtState.Unknown);
    }

    /// <summary>How long a probe waits for an answer before the node counts as absent.</summary>
    public long ProbeTimeoutNs { get; init; } = 50_000_000;

    /// <summary>Probes sent at once (a SocketCAN interface queue holds 10 frames by default).</summary>
    public int BatchSize { get; init; } = 8;

    /// <summary>Called while waiting; the default sleeps a millisecond. Tests tick the virtual bus and twins.</summary>
    public Action WhileWaiting { get; init; } = () => Thread.Sleep(1);

    /// <summary>Scans node-IDs 1..127 (or <paramref name="nodeIds"/>) and returns the nodes found, by node-ID.</summary>
    public IReadOnlyList<CanOpenNodeInfo> Scan(IEnumerable<byte>? nodeIds = null)
    {
        var candidates = (nodeIds ?? Enumerable.Range(1, CanOpenCobIds.MaxNodeId).Select(n => (byte)n)).ToList();
        candidates.ForEach(n => CanOpenCobIds.ValidateNodeId(n));
        var found = new List<(byte Node, uint DeviceType)>();
        for (int start = 0; start < candidates.Count; start += BatchSize)
            found.AddRange(ProbeBatch(candidates.Skip(start).Take(BatchSize).ToList()));

        var sdo = new BlockingSdoClient(_channel, _clock, ProbeTimeoutNs * 4) { WhileWaiting = WhileWaiting, OtherFrame = f => Note(f) };
        return found.OrderBy(f => f.Node).Select(f => new CanOpenNodeInfo(
            f.Node, _heard[f.Node], f.DeviceType,
            TryRead(() => sdo.ReadUInt32(f.Node, 0x1018, 1)), TryRead(() => sdo.ReadUInt32(f.Node, 0x1018, 2)),
            TryRead(() => sdo.ReadUInt32(f.Node, 0x1018, 3)), TryRead(() => sdo.ReadUInt32(f.Node, 0x1018, 4)),
            TryReadName(sdo, f.Node))).ToList();
    }

    private List<(byte, uint)> ProbeBatch(List<byte> nodes)
    {
        var clients = nodes.Select(n => new SdoClient(n, timeoutNs: ProbeTimeoutNs)).ToList();
        foreach (var client in clients)
        {
            // A refused send (interface queue full) leaves the client busy; it times out and the node counts as absent.
            _channel.TrySend(client.BeginUpload(0x1000, 0, _clock.NowNs));
        }
        while (clients.Any(c => c.IsBusy))
        {
            WhileWaiting();
            while (_channel.TryReceive(out var frame))
            {
                bool taken = false;
                foreach (var client in clients)
                {
                    var progress = client.OnFrame(frame, _clock.NowNs, out var next);
                    if (progress == SdoProgress.Ignored) continue;
                    taken = true;
                    if (progress is SdoProgress.SendNext or SdoProgress.ClientAborted) _channel.TrySend(next);
                    break;
                }
                if (!taken) Note(frame);
            }
            // Silence times a probe out; the abort frame is not sent, since nobody is there to read it.
            foreach (var client in clients) client.Poll(_clock.NowNs, out _);
        }
        var found = new List<(byte, uint)>();
        Span<byte> value = stackalloc byte[4];
        foreach (var client in clients)
        {
            if (client.State == SdoClientState.Completed && client.UploadedData.Length >= 2)
            {
                value.Clear();
                client.UploadedData[..Math.Min(4, client.UploadedData.Length)].CopyTo(value);
                found.Add((client.NodeId, BitConverter.ToUInt32(value)));
            }
            else if (client.State == SdoClientState.Aborted && client.AbortCode != SdoAbortCode.Timeout)
            {
                found.Add((client.NodeId, 0)); // it answered, if only with an abort: the node exists
            }
        }
        return found;
    }

    private void Note(in CanFrame frame)
    {
        if (Nmt.TryDecodeHeartbeat(frame, out byte node, out var state)) _heard[node] = state == NmtState.BootUp ? NmtState.PreOperational : state;
    }

    private static uint TryRead(Func<uint> read)
    {
        try { return read(); }
        catch (SdoException) { return 0; }
    }

    private static string TryReadName(BlockingSdoClient sdo, byte node)
    {
        try { return sdo.ReadString(node, 0x1008, 0); }
        catch (SdoException) { return ""; }
    }
}
