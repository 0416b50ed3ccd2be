namespace Controller.Hardware.Transports.Can;

/// <summary>
/// An in-process CAN bus with several nodes, for twins and tests: every frame a node sends reaches every other
/// node on the bus, in arbitration order (lowest identifier first) among the frames pending at the same tick,
/// with error frames, error counters and bus-off as a real controller reports them. Classic and CAN FD frames share
/// the bus (<see cref="VirtualCanNode.TrySendFd"/>); a node added as classic-only refuses FD frames with an error frame.
/// </summary>
/// <remarks>
/// The bus moves frames only when <see cref="Deliver"/> is called (one "bus tick"): a test calls it between
/// steps for a deterministic exchange; <see cref="VirtualCanBusPump"/> calls it periodically on its own thread.
/// Each node behaves like a controller whose transmit mailboxes are ordered by identifier (not FIFO), which is
/// what arbitration between nodes does too. <see cref="FramesPerTick"/> limits how many frames one tick carries,
/// to model a bus that is too slow for the traffic; the rest wait for the next tick, still in arbitration order.
/// <see cref="Deliver"/> neither allocates nor locks; adding or removing nodes does both and is configuration.
/// </remarks>
public sealed class VirtualCanBus : IDisposable
{
    private const int MaxPending = 4096;
    private readonly object _nodesGate = new();
    private readonly Pending[] _pending = new Pending[MaxPending];
    private readonly List<VirtualCanNode> _detached = [];
    private VirtualCanNode[] _nodes = [];
    private int _pendingCount;
    private long _sequence;
    private int _pendingErrorFrames;
    private long _framesDelivered;

    private struct Pending
    {
        public CanFdFrame Frame;
        public ulong Key;
        public long Sequence;
        public int Sender;
    }

    /// <summary>Creates an empty bus.</summary>
    public VirtualCanBus(string name = "vcan")
    {
        Name = name;
    }

    /// <summary>Name for messages.</summary>
    public string Name { get; }

    /// <summary>Nodes attached now.</summary>
    public IReadOnlyList<VirtualCanNode> Nodes => Volatile.Read(ref _nodes);

    /// <summary>Most frames one tick carries; 0 (the default) carries every pending frame.</summary>
    public int FramesPerTick { get; set; }

    /// <summary>Frames carried since the bus was created.</summary>
    public long FramesDelivered => Volatile.Read(ref _framesDelivered);

    /// <summary>Frames waiting for a later tick (only when <see cref="FramesPerTick"/> limits a tick).</summary>
    public int PendingFrames => Volatile.Read(ref _pendingCount);

    /// <summary>Attaches a node. Queue capacities are powers of two.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When a capacity is not a power of two from 2 to 2^20.</exception>
    /// <param name="name">Name for messages.</param>
    /// <param name="receiveCapacity">Frames the node's receive queue holds.</param>
    /// <param name="transmitCapacity">Frames the node's transmit queue holds.</param>
    /// <param name="classicOnly">
    /// A classic CAN controller (not FD-capable): it cannot send FD frames, and each FD frame on the bus reaches it as
    /// a bus-error frame (REC +1, <see cref="VirtualCanNode.FdFramesRefused"/>) instead of data.
    /// </param>
    public VirtualCanNode AddNode(string name, int receiveCapacity = 256, int transmitCapacity = 64, bool classicOnly = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        CheckCapacity(receiveCapacity, nameof(receiveCapacity));
        CheckCapacity(transmitCapacity, nameof(transmitCapacity));
        lock (_nodesGate)
        {
            int total = transmitCapacity;
            foreach (var n in _nodes) total += n.TransmitCapacity;
            if (total > MaxPending)
                throw new ArgumentOutOfRangeException(nameof(transmitCapacity), transmitCapacity,
                    $"bus '{Name}': the nodes' transmit queues may hold at most {MaxPending} frames together; this node would make {total}.");
            var node = new VirtualCanNode(this, _nodes.Length == 0 ? 0 : _nodes[^1].Index + 1, name, receiveCapacity, transmitCapacity, classicOnly);
            Volatile.Write(ref _nodes, [.. _nodes, node]);
            return node;
        }
    }

    /// <summary>Every node receives an error frame (a bus error, e.g. noise) at the next tick; their REC rises by one.</summary>
    public void InjectErrorFrame() => Interlocked.Increment(ref _pendingErrorFrames);

    /// <summary>
    /// One bus tick: applies injected faults, collects every pending transmission, and hands the frames in
    /// arbitration order to every other node that is on the bus, stamped with <paramref name="nowNs"/>.
    /// Call from one thread at a time. Returns the number of frames carried.
    /// </summary>
    public int Deliver(long nowNs)
    {
        var nodes = Volatile.Read(ref _nodes);
        for (int i = 0; i < nodes.Length; i++)
        {
            int errors = nodes[i].ApplyFaults(nowNs);
            for (int e = 0; e < errors; e++)
                for (int j = 0; j < nodes.Length; j++)
                    if (j != i && nodes[j].IsOnBus) nodes[j].OnReceiveError(nowNs);
        }
        for (int n = Interlocked.Exchange(ref _pendingErrorFrames, 0); n > 0; n--)
            for (int j = 0; j < nodes.Length; j++)
                if (nodes[j].IsOnBus) nodes[j].OnReceiveError(nowNs);

        DropFramesOfNodesOffTheBus(nodes);
        Collect(nodes);

        int budget = FramesPerTick > 0 ? Math.Min(FramesPerTick, _pendingCount) : _pendingCount;
        for (int k = 0; k < budget; k++)
        {
            ref var p = ref _pending[k];
            p.Frame.TimestampNs = nowNs;
            VirtualCanNode? sender = null;
            for (int j = 0; j < nodes.Length; j++)
            {
                var node = nodes[j];
                if (node.Index == p.Sender) { sender = node; continue; }
                if (!node.IsOnBus) continue;
                if (p.Frame.IsFd && node.ClassicOnly)
                {
                    node.OnFdFrameRefused(nowNs);
                    continue;
                }
                node.Enqueue(p.Frame);
                node.OnReceived();
            }
            sender?.OnTransmitted();
        }
        Array.Copy(_pending, budget, _pending, 0, _pendingCount - budget);
        Volatile.Write(ref _pendingCount, _pendingCount - budget);
        Interlocked.Add(ref _framesDelivered, budget);
        return budget;
    }

    /// <summary>Detaches every node and frees their queues. Stop any <see cref="VirtualCanBusPump"/> first.</summary>
    public void Dispose()
    {
        foreach (var node in Nodes) node.Dispose();
        lock (_nodesGate)
        {
            foreach (var node in _detached) node.ReleaseRings();
            _detached.Clear();
        }
    }

    internal void Detach(VirtualCanNode node)
    {
        lock (_nodesGate)
        {
            Volatile.Write(ref _nodes, _nodes.Where(n => n != node).ToArray());
            // A tick in flight may still hold the old array, so the queues are freed with the bus, not here.
            _detached.Add(node);
        }
    }

    private void Collect(VirtualCanNode[] nodes)
    {
        for (int i = 0; i < nodes.Length; i++)
        {
            var node = nodes[i];
            while (_pendingCount < MaxPending && node.TryTakeTransmit(out var frame))
            {
                ref var slot = ref _pending[_pendingCount];
                slot.Frame = frame;
                slot.Key = frame.ArbitrationKey;
                slot.Sequence = _sequence++;
                slot.Sender = node.Index;
                // Insertion keeps the array ordered by (key, sequence): arbitration, then first come.
                int at = _pendingCount;
                while (at > 0 && _pending[at - 1].Key > slot.Key) at--;
                if (at != _pendingCount)
                {
                    var moved = _pending[_pendingCount];
                    Array.Copy(_pending, at, _pending, at + 1, _pendingCount - at);
                    _pending[at] = moved;
                }
                _pendingCount++;
            }
        }
    }

    private void DropFramesOfNodesOffTheBus(VirtualCanNode[] nodes)
    {
        int kept = 0;
        for (int k = 0; k < _pendingCount; k++)
        {
            bool senderOn = false;
            for (int j = 0; j < nodes.Length; j++)
                if (nodes[j].Index == _pending[k].Sender) { senderOn = nodes[j].IsOnBus; break; }
            if (senderOn) _pending[kept++] = _pending[k];
        }
        _pendingCount = kept;
    }

    private static void CheckCapacity(int capacity, string name)
    {
        if (capacity < 2 || capacity > (1 << 20) || (capacity & (capacity - 1)) != 0)
            throw new ArgumentOutOfRangeException(name, capacity, $"{name} must be a power of two from 2 to 2^20.");
    }
}
