using Controller.Hardware.Transports.Can;

namespace Controller.Hardware.Protocols.CanOpen;

/// <summary>
/// Watches the heartbeats of a set of nodes (object 0x1016, consumer heartbeat time): records each node's NMT
/// state and detects a node whose heartbeat is overdue. A timeout is counted once per loss, and the node counts
/// as lost until its next heartbeat. No allocation after construction.
/// </summary>
public sealed class HeartbeatConsumer
{
    private readonly long[] _timeoutNs = new long[CanOpenCobIds.MaxNodeId + 1];
    private readonly long[] _lastSeenNs = new long[CanOpenCobIds.MaxNodeId + 1];
    private readonly NmtState[] _states = new NmtState[CanOpenCobIds.MaxNodeId + 1];
    private readonly bool[] _lost = new bool[CanOpenCobIds.MaxNodeId + 1];
    private long _timeouts;
    private long _bootUps;

    /// <summary>Creates a consumer that watches nobody yet.</summary>
    public HeartbeatConsumer() => Array.Fill(_states, NmtState.Unknown);

    /// <summary>Heartbeat losses detected since creation.</summary>
    public long Timeouts => Volatile.Read(ref _timeouts);

    /// <summary>Boot-up messages seen (a node that rebooted unexpectedly shows here).</summary>
    public long BootUps => Volatile.Read(ref _bootUps);

    /// <summary>Watches <paramref name="nodeId"/>: lost when no heartbeat arrives for <paramref name="timeoutNs"/>, counted from <paramref name="nowNs"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When the node-ID is not 1..127 or the timeout is not positive.</exception>
    public void Watch(byte nodeId, long timeoutNs, long nowNs)
    {
        CanOpenCobIds.ValidateNodeId(nodeId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(timeoutNs);
        _timeoutNs[nodeId] = timeoutNs;
        _lastSeenNs[nodeId] = nowNs;
        _lost[nodeId] = false;
    }

    /// <summary>Feeds a received frame; true when it was a heartbeat of a watched node.</summary>
    public bool OnFrame(in CanFrame frame, long nowNs)
    {
        if (!Nmt.TryDecodeHeartbeat(frame, out byte nodeId, out var state) || _timeoutNs[nodeId] == 0) return false;
        _lastSeenNs[nodeId] = nowNs;
        _states[nodeId] = state;
        _lost[nodeId] = false;
        if (state == NmtState.BootUp) Interlocked.Increment(ref _bootUps);
        return true;
    }

    /// <summary>Checks every watched node; returns how many were newly found lost (each counted in <see cref="Timeouts"/>).</summary>
    public int Check(long nowNs)
    {
        int newlyLost = 0;
        for (int node = 1; node <= CanOpenCobIds.MaxNodeId; node++)
        {
            if (_timeoutNs[node] == 0 || _lost[node] || nowNs - _lastSeenNs[node] <= _timeoutNs[node]) continue;
            _lost[node] = true;
            _states[node] = NmtState.Unknown;
            newlyLost++;
            Interlocked.Increment(ref _timeouts);
        }
        return newlyLost;
    }

    /// <summary>True while a watched node's heartbeat is overdue (since the last <see cref="Check"/>).</summary>
    public bool IsLost(byte nodeId) => _lost[nodeId];

    /// <summary>The last NMT state the node reported; <see cref="NmtState.Unknown"/> when never heard or lost.</summary>
    public NmtState StateOf(byte nodeId) => _states[nodeId];
}
