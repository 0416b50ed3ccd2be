using Controller.Pipeline.Messages;
using Controller.Pipeline.Rings;

namespace Controller.Cerebellum.Safety;

/// <summary>
/// Numbers safety events, counts them per kind in a fixed array and writes them to the optional event ring.
/// Written only from the loop thread; the counters may be read from any thread.
/// </summary>
internal sealed class SafetyEventWriter
{
    private readonly MpscRing<SafetyEvent>? _ring;
    private readonly long[] _counts;
    private long _sequence;
    private long _dropped;

    public SafetyEventWriter(MpscRing<SafetyEvent>? ring)
    {
        _ring = ring;
        int max = 0;
        foreach (var kind in Enum.GetValues<SafetyEventKind>()) max = Math.Max(max, (int)kind);
        _counts = new long[max + 1];
    }

    /// <summary>Sequence number of the latest event (0 before the first).</summary>
    public long Sequence => Volatile.Read(ref _sequence);

    /// <summary>Events the ring refused because it was full.</summary>
    public long Dropped => Volatile.Read(ref _dropped);

    /// <summary>Events of <paramref name="kind"/> so far.</summary>
    public long Count(SafetyEventKind kind) => (uint)kind < (uint)_counts.Length ? Volatile.Read(ref _counts[(int)kind]) : 0;

    /// <summary>Numbers, counts and sends one event. Never allocates or throws.</summary>
    public void Emit(SafetyEventKind kind, SafetyReaction reaction, int source, double value, double limit, long nowNs)
    {
        long sequence = _sequence + 1;
        Volatile.Write(ref _sequence, sequence);
        if ((uint)kind < (uint)_counts.Length) Volatile.Write(ref _counts[(int)kind], _counts[(int)kind] + 1);
        if (_ring is null) return;
        var message = new SafetyEvent
        {
            Header = new MessageHeader(sequence, nowNs),
            Kind = kind,
            Reaction = reaction,
            Source = source,
            Value = value,
            Limit = limit,
        };
        if (!_ring.TryWrite(in message)) Volatile.Write(ref _dropped, _dropped + 1);
    }
}
