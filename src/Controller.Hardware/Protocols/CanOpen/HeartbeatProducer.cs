using Controller.Hardware.Transports.Can;

namespace Controller.Hardware.Protocols.CanOpen;

/// <summary>
/// Produces a node's heartbeat every <see cref="PeriodNs"/> (object 0x1017, producer heartbeat time). Call
/// <see cref="TryProduce"/> from the node's cycle with the current time; it never allocates.
/// </summary>
public sealed class HeartbeatProducer
{
    private long _nextNs = long.MinValue;

    /// <summary>Creates a producer for <paramref name="nodeId"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When the node-ID is not 1..127 or the period is not positive.</exception>
    public HeartbeatProducer(byte nodeId, long periodNs)
    {
        CanOpenCobIds.ValidateNodeId(nodeId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(periodNs);
        NodeId = nodeId;
        PeriodNs = periodNs;
    }

    /// <summary>The node whose heartbeat this is.</summary>
    public byte NodeId { get; }

    /// <summary>Heartbeat period.</summary>
    public long PeriodNs { get; }

    /// <summary>When due, returns true and the heartbeat frame carrying <paramref name="state"/>.</summary>
    public bool TryProduce(long nowNs, NmtState state, out CanFrame frame)
    {
        if (_nextNs != long.MinValue && nowNs < _nextNs)
        {
            frame = default;
            return false;
        }
        _nextNs = nowNs + PeriodNs;
        frame = Nmt.Heartbeat(NodeId, state);
        return true;
    }

    /// <summary>Makes the next call produce at once (after a boot-up or state change).</summary>
    public void Reset() => _nextNs = long.MinValue;
}
