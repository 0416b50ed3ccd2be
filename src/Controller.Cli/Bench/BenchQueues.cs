using System.Threading.Channels;
using Controller.Pipeline.Rings;

namespace Controller.Cli.Bench;

/// <summary>Our SPSC ring behind <see cref="IBenchQueue{T}"/>: writes to one ring's producer, reads from a (possibly other) ring's consumer.</summary>
public readonly struct RingQueue<T>(SpscProducer<T> producer, SpscConsumer<T> consumer) : IBenchQueue<T> where T : unmanaged
{
    /// <inheritdoc />
    public bool TryWrite(in T message) => producer.TryWrite(message);

    /// <inheritdoc />
    public bool TryRead(out T message) => consumer.TryRead(out message);

    /// <inheritdoc />
    public int Drain(Span<T> destination) => consumer.Drain(destination);
}

/// <summary>
/// Bounded single-reader single-writer <see cref="Channel{T}"/>s, the BCL's closest fit, as the baseline.
/// Writes go to one channel and reads come from another (the same one for a plain queue, two for a ping-pong link).
/// </summary>
public readonly struct ChannelQueue<T>(Channel<T> writeTo, Channel<T> readFrom) : IBenchQueue<T>
{
    /// <summary>Creates a baseline channel with the same capacity as the ring under test.</summary>
    public static Channel<T> CreateChannel(int capacity) => Channel.CreateBounded<T>(new BoundedChannelOptions(capacity)
    {
        SingleReader = true,
        SingleWriter = true,
        FullMode = BoundedChannelFullMode.Wait,
        AllowSynchronousContinuations = false,
    });

    /// <inheritdoc />
    public bool TryWrite(in T message) => writeTo.Writer.TryWrite(message);

    /// <inheritdoc />
    public bool TryRead(out T message) => readFrom.Reader.TryRead(out message!);

    /// <inheritdoc />
    public int Drain(Span<T> destination)
    {
        // A channel has no synchronous batch read: a batch consumer loops TryRead.
        int count = 0;
        while (count < destination.Length && readFrom.Reader.TryRead(out destination[count]!)) count++;
        return count;
    }
}
