namespace Controller.Pipeline.Rings;

/// <summary>
/// A slot claimed by <see cref="SpscProducer{T}.TryClaim"/>: fill <see cref="Message"/> in place, then
/// <see cref="Publish"/>. A ref struct, so it cannot outlive the call that made it or cross threads.
/// </summary>
public readonly unsafe ref struct SpscWriteClaim<T> where T : unmanaged
{
    private readonly SpscProducer<T>? _producer;
    private readonly T* _slot;
    private readonly long _sequence;

    internal SpscWriteClaim(SpscProducer<T> producer, T* slot, long sequence)
    {
        _producer = producer;
        _slot = slot;
        _sequence = sequence;
    }

    /// <summary>True when this claim holds a slot (false for <c>default</c>).</summary>
    public bool IsValid => _producer is not null;

    /// <summary>The message in the ring's memory; written in place.</summary>
    public ref T Message => ref *_slot;

    /// <summary>Makes the message visible to the consumer (release store of the write cursor).</summary>
    /// <exception cref="InvalidOperationException">When the claim is invalid or stale.</exception>
    public void Publish()
    {
        if (_producer is null) throw new InvalidOperationException("This claim holds no slot: TryClaim returned false.");
        _producer.Publish(_sequence);
    }
}
