using System.Collections.Concurrent;
using System.Threading.Channels;
using BenchmarkDotNet.Attributes;
using Controller.Pipeline.Messages;
using Controller.Pipeline.Rings;

namespace Controller.Benchmarks;

/// <summary>
/// The cost of the queue itself, with no second thread: write one message, read it back, <see cref="Pairs"/>
/// times per invocation (reported per pair). Nothing crosses cores, so this is the floor of each hand-off:
/// the copy in and out plus the queue's own bookkeeping (cursor stores for the ring, a lock for a bounded
/// channel, interlocked operations for <see cref="ConcurrentQueue{T}"/>).
/// </summary>
/// <remarks>
/// Only one message is ever in flight, so a small capacity suffices; every queue is given <see cref="Capacity"/>
/// so the ring walks a similar handful of slots as the channel's internal deque (which stays tiny).
/// </remarks>
[MemoryDiagnoser]
[GenericTypeArguments(typeof(Message64))]
[GenericTypeArguments(typeof(JointState))]
public class SingleThreadWriteReadBenchmarks<T> where T : unmanaged
{
    public const int Pairs = 1024;
    public const int Capacity = 64;

    private SpscRing<T> _ring = null!;
    private SpscProducer<T> _producer = null!;
    private SpscConsumer<T> _consumer = null!;
    private Channel<T> _channel = null!;
    private ConcurrentQueue<T> _queue = null!;
    private T _message;
    private long _sequence;

    [GlobalSetup]
    public void Setup()
    {
        _message = BenchMessages<T>.Sample();
        _ring = SpscRing<T>.Create(Capacity);
        _producer = _ring.TakeProducer();
        _consumer = _ring.TakeConsumer();
        _channel = Channel.CreateBounded<T>(new BoundedChannelOptions(Capacity)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
            AllowSynchronousContinuations = false,
        });
        _queue = new ConcurrentQueue<T>();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _producer?.Dispose();
        _consumer?.Dispose();
        _ring?.Dispose();
    }

    [Benchmark(OperationsPerInvoke = Pairs)]
    public long SpscRing_TryWrite_TryRead()
    {
        var producer = _producer;
        var consumer = _consumer;
        long sum = 0;
        for (int i = 0; i < Pairs; i++)
        {
            BenchMessages<T>.Header(ref _message).Sequence = ++_sequence;
            if (!producer.TryWrite(in _message)) throw new InvalidOperationException("ring full");
            if (!consumer.TryRead(out T read)) throw new InvalidOperationException("ring empty");
            sum += BenchMessages<T>.Consume(in read);
        }
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Pairs)]
    public long SpscRing_ClaimPublish_TryRead()
    {
        var producer = _producer;
        var consumer = _consumer;
        long sum = 0;
        for (int i = 0; i < Pairs; i++)
        {
            if (!producer.TryClaim(out var claim)) throw new InvalidOperationException("ring full");
            // Fill in place: the whole payload, then the header, as a producer building the message in the slot would.
            ref T slot = ref claim.Message;
            slot = _message;
            BenchMessages<T>.Header(ref slot).Sequence = ++_sequence;
            claim.Publish();
            if (!consumer.TryRead(out T read)) throw new InvalidOperationException("ring empty");
            sum += BenchMessages<T>.Consume(in read);
        }
        return sum;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Pairs)]
    public long Channel_TryWrite_TryRead()
    {
        var writer = _channel.Writer;
        var reader = _channel.Reader;
        long sum = 0;
        for (int i = 0; i < Pairs; i++)
        {
            BenchMessages<T>.Header(ref _message).Sequence = ++_sequence;
            if (!writer.TryWrite(_message)) throw new InvalidOperationException("channel full");
            if (!reader.TryRead(out T read)) throw new InvalidOperationException("channel empty");
            sum += BenchMessages<T>.Consume(in read);
        }
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Pairs)]
    public long ConcurrentQueue_Enqueue_TryDequeue()
    {
        var queue = _queue;
        long sum = 0;
        for (int i = 0; i < Pairs; i++)
        {
            BenchMessages<T>.Header(ref _message).Sequence = ++_sequence;
            queue.Enqueue(_message);
            if (!queue.TryDequeue(out T read)) throw new InvalidOperationException("queue empty");
            sum += BenchMessages<T>.Consume(in read);
        }
        return sum;
    }
}
