namespace Controller.Pipeline.Rings;

/// <summary>
/// A message read in place by <see cref="SpscConsumer{T}.TryBeginRead"/>: read <see cref="Message"/>,
/// then <see cref="Release"/> the slot back to the producer.
/// </summary>
public readonly unsafe ref struct SpscReadClaim<T> where T : unmanaged
{
    private readonly SpscConsumer<T>? _consumer;
    private readonly T* _slot;
    private readonly long _sequence;

    internal SpscReadClaim(SpscConsumer<T> consumer, T* slot, long sequence)
    {
        _consumer = consumer;
        _slot = slot;
        _sequence = sequence;
    }

    /// <summary>True when this claim holds a message (false for <c>default</c>).</summary>
    public bool IsValid => _consumer is not null;

    /// <summary>The message in the ring's memory; valid until <see cref="Release"/>.</summary>
    public ref readonly T Message => ref *_slot;

    /// <summary>Frees the slot (release store of the read cursor).</summary>
    /// <exception cref="InvalidOperationException">When the claim is invalid or stale.</exception>
    public void Release()
    {
        if (_consumer is null) throw new InvalidOperationException("This claim holds no message: TryBeginRead returned false.");
        _consumer.Release(_sequence);
    }
}
