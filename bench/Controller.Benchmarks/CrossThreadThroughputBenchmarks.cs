using System.Collections.Concurrent;
using System.Threading.Channels;
using BenchmarkDotNet.Attributes;
using Controller.Pipeline.Messages;
using Controller.Pipeline.Rings;

namespace Controller.Benchmarks;

/// <summary>
/// Sustained one-way throughput between two cores: the benchmark thread (pinned to CPU 0) produces
/// <see cref="N"/> messages as fast as the queue accepts them and then waits until a dedicated consumer
/// thread (pinned to CPU 1, started in the setup, spinning) has read them all. Reported per message.
/// </summary>
/// <remarks>
/// Every variant is bounded at <see cref="Capacity"/> messages in flight and spins with
/// <see cref="BenchThreads.SpinOnce"/> on full/empty (no async, no blocking), so they differ only in the
/// queue. <see cref="ConcurrentQueue{T}"/> is unbounded, so it is bounded the way a ring is: its consumer
/// publishes a read count after every message (as the ring's consumer publishes its read cursor) and its
/// producer re-reads that count only when its cached copy says <see cref="Capacity"/> are unconsumed. The
/// ring's and the channel's consumers need no such signal (their queues carry their own back-pressure): they
/// publish their count every 256 messages and whenever they find the queue empty, which is how the benchmark
/// thread learns that all <see cref="N"/> have arrived. A full ring counts a reject each time the producer
/// retries; that is expected here. <c>SpscRing_TryWrite_DrainingConsumer</c> is the same ring with a consumer
/// that takes up to <see cref="DrainBatch"/> messages per <c>Drain</c> call and frees them with one store.
/// </remarks>
[MemoryDiagnoser]
[GenericTypeArguments(typeof(Message64))]
[GenericTypeArguments(typeof(JointState))]
public class CrossThreadThroughputBenchmarks<T> where T : unmanaged
{
    public const int N = 100_000;
    public const int Capacity = 1024;
    public const int DrainBatch = 32;
    private const int ProgressEvery = 256;

    private readonly PeerFault _fault = new();
    private PaddedLong _consumed;
    private PaddedLong _stop;
    private Thread? _consumerThread;
    private T _message;
    private long _produced;

    private SpscRing<T>? _ring;
    private SpscProducer<T>? _producer;
    private SpscConsumer<T>? _consumer;
    private Channel<T>? _channel;
    private ConcurrentQueue<T>? _queue;

    [GlobalSetup(Target = nameof(SpscRing_TryWrite))]
    public void SetupRing()
    {
        Prepare();
        _ring = SpscRing<T>.Create(Capacity);
        _producer = _ring.TakeProducer();
        _consumer = _ring.TakeConsumer();
        StartConsumer(new RingSource(_consumer), ProgressEvery);
    }

    [GlobalSetup(Target = nameof(SpscRing_TryWrite_DrainingConsumer))]
    public void SetupRingDrain()
    {
        Prepare();
        _ring = SpscRing<T>.Create(Capacity);
        _producer = _ring.TakeProducer();
        _consumer = _ring.TakeConsumer();
        StartConsumer(new RingDrainSource(_consumer, new T[DrainBatch]), ProgressEvery);
    }

    [GlobalSetup(Target = nameof(Channel_TryWrite))]
    public void SetupChannel()
    {
        Prepare();
        _channel = Channel.CreateBounded<T>(new BoundedChannelOptions(Capacity)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
            AllowSynchronousContinuations = false,
        });
        StartConsumer(new ChannelSource(_channel.Reader), ProgressEvery);
    }

    [GlobalSetup(Target = nameof(ConcurrentQueue_Enqueue))]
    public void SetupQueue()
    {
        Prepare();
        _queue = new ConcurrentQueue<T>();
        // Every message: this count is the queue's back-pressure signal (see the remarks).
        StartConsumer(new QueueSource(_queue), publishEvery: 1);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Volatile.Write(ref _stop.Value, 1);
        BenchThreads.Join(_consumerThread, "consumer");
        _consumerThread = null;
        _producer?.Dispose();
        _consumer?.Dispose();
        _ring?.Dispose();
        _channel?.Writer.TryComplete();
        BenchThreads.Unpin();
        _fault.ThrowIfFaulted();
    }

    [Benchmark(OperationsPerInvoke = N)]
    public long SpscRing_TryWrite() => ProduceToRing();

    /// <summary>The same producer; the consumer takes up to <see cref="DrainBatch"/> at a time with <c>Drain</c>.</summary>
    [Benchmark(OperationsPerInvoke = N)]
    public long SpscRing_TryWrite_DrainingConsumer() => ProduceToRing();

    private long ProduceToRing()
    {
        var producer = _producer!;
        long sequence = _produced;
        for (int i = 0; i < N; i++)
        {
            BenchMessages<T>.Header(ref _message).Sequence = ++sequence;
            while (!producer.TryWrite(in _message)) BenchThreads.SpinOnce();
        }
        return Finish(sequence);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = N)]
    public long Channel_TryWrite()
    {
        var writer = _channel!.Writer;
        long sequence = _produced;
        for (int i = 0; i < N; i++)
        {
            BenchMessages<T>.Header(ref _message).Sequence = ++sequence;
            while (!writer.TryWrite(_message)) BenchThreads.SpinOnce();
        }
        return Finish(sequence);
    }

    [Benchmark(OperationsPerInvoke = N)]
    public long ConcurrentQueue_Enqueue()
    {
        var queue = _queue!;
        long sequence = _produced;
        long consumed = Volatile.Read(ref _consumed.Value);
        for (int i = 0; i < N; i++)
        {
            // Bound it like the others: hold back while Capacity messages are unconsumed.
            while (sequence - consumed >= Capacity)
            {
                BenchThreads.SpinOnce();
                consumed = Volatile.Read(ref _consumed.Value);
            }
            BenchMessages<T>.Header(ref _message).Sequence = ++sequence;
            queue.Enqueue(_message);
        }
        return Finish(sequence);
    }

    private void Prepare()
    {
        _message = BenchMessages<T>.Sample();
        _produced = 0;
        _consumed.Value = 0;
        _stop.Value = 0;
        BenchThreads.PinMain();
    }

    /// <summary>
    /// Starts the consumer loop, specialised (and so inlined) for each reader struct. It publishes how many
    /// it has read at least every <paramref name="publishEvery"/> messages and whenever it is idle.
    /// </summary>
    private void StartConsumer<TReader>(TReader reader, int publishEvery) where TReader : struct, IMessageSource
    {
        _consumerThread = BenchThreads.StartPeer("bench-consumer", () =>
        {
            long seen = 0;
            long published = 0;
            long expected = 1;
            while (true)
            {
                int read = reader.Read(ref expected);
                if (read > 0)
                {
                    seen += read;
                    if (seen - published >= publishEvery)
                    {
                        Volatile.Write(ref _consumed.Value, seen);
                        published = seen;
                    }
                }
                else if (published != seen)
                {
                    Volatile.Write(ref _consumed.Value, seen);
                    published = seen;
                }
                else if (Volatile.Read(ref _stop.Value) != 0)
                {
                    return;
                }
                else
                {
                    BenchThreads.SpinOnce();
                }
            }
        }, _fault.Set);
    }

    /// <summary>Waits until the consumer has read every message up to <paramref name="sequence"/>.</summary>
    private long Finish(long sequence)
    {
        _produced = sequence;
        int spins = 0;
        while (Volatile.Read(ref _consumed.Value) < sequence)
        {
            BenchThreads.SpinOnce();
            if ((++spins & 0xFFFF) == 0) _fault.ThrowIfFaulted();
        }
        return sequence;
    }

    /// <summary>Reads what is there (one message, or a batch), checks the order, returns how many (0 when empty).</summary>
    private interface IMessageSource
    {
        int Read(ref long expected);
    }

    private static void Check(in T message, ref long expected)
    {
        long sequence = BenchMessages<T>.Consume(in message);
        if (sequence != expected) throw new InvalidOperationException($"Out of order: read {sequence}, expected {expected}.");
        expected++;
    }

    private readonly struct RingSource(SpscConsumer<T> consumer) : IMessageSource
    {
        public int Read(ref long expected)
        {
            if (!consumer.TryRead(out T message)) return 0;
            Check(in message, ref expected);
            return 1;
        }
    }

    private readonly struct RingDrainSource(SpscConsumer<T> consumer, T[] batch) : IMessageSource
    {
        public int Read(ref long expected)
        {
            int count = consumer.Drain(batch);
            for (int i = 0; i < count; i++) Check(in batch[i], ref expected);
            return count;
        }
    }

    private readonly struct ChannelSource(ChannelReader<T> reader) : IMessageSource
    {
        public int Read(ref long expected)
        {
            if (!reader.TryRead(out T message)) return 0;
            Check(in message, ref expected);
            return 1;
        }
    }

    private readonly struct QueueSource(ConcurrentQueue<T> queue) : IMessageSource
    {
        public int Read(ref long expected)
        {
            if (!queue.TryDequeue(out T message)) return 0;
            Check(in message, ref expected);
            return 1;
        }
    }
}
