using System.Collections.Concurrent;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Controller.Pipeline.Messages;
using Controller.Pipeline.Rings;

namespace Controller.Benchmarks;

/// <summary>
/// Single-thread costs of the two other primitives, <see cref="Pairs"/> operations per invocation (reported per
/// write + read pair). <b>LatestValue</b>: a seqlock mailbox write and read of a <see cref="JointState"/>
/// (~1.5 KB), against the obvious alternative, a <c>lock</c> around the same copies. <b>Mpsc</b>:
/// <see cref="MpscRing{T}"/> TryWrite + TryRead of a <see cref="Message64"/> against
/// <see cref="ConcurrentQueue{T}"/> (the other lock-free multi-producer queue at hand).
/// Ratios are per category: each has its own baseline.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class LatestValueBenchmarks
{
    public const int Pairs = 1024;
    public const int Capacity = 64;

    private readonly object _gate = new();
    private LatestValue<JointState> _mailbox = null!;
    private LatestValueWriter<JointState> _writer = null!;
    private JointState _state;
    private JointState _locked;

    private MpscRing<Message64> _mpsc = null!;
    private MpscConsumer<Message64> _mpscConsumer = null!;
    private ConcurrentQueue<Message64> _queue = null!;
    private Message64 _event;
    private long _sequence;

    [GlobalSetup]
    public void Setup()
    {
        _state = BenchMessages<JointState>.Sample();
        _event = BenchMessages<Message64>.Sample();
        _mailbox = LatestValue<JointState>.Create();
        _writer = _mailbox.TakeWriter();
        _mpsc = MpscRing<Message64>.Create(Capacity);
        _mpscConsumer = _mpsc.TakeConsumer();
        _queue = new ConcurrentQueue<Message64>();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _writer?.Dispose();
        _mailbox?.Dispose();
        _mpscConsumer?.Dispose();
        _mpsc?.Dispose();
    }

    [Benchmark(OperationsPerInvoke = Pairs)]
    [BenchmarkCategory("LatestValue")]
    public long LatestValue_Write_TryRead()
    {
        var writer = _writer;
        var mailbox = _mailbox;
        long sum = 0;
        for (int i = 0; i < Pairs; i++)
        {
            _state.Header.Sequence = ++_sequence;
            writer.Write(in _state);
            if (mailbox.TryRead(out JointState read) != MailboxReadStatus.Success) throw new InvalidOperationException("mailbox read failed");
            sum += BenchMessages<JointState>.Consume(in read);
        }
        return sum;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Pairs)]
    [BenchmarkCategory("LatestValue")]
    public long Lock_Write_Read()
    {
        long sum = 0;
        for (int i = 0; i < Pairs; i++)
        {
            _state.Header.Sequence = ++_sequence;
            lock (_gate) _locked = _state;
            JointState read;
            lock (_gate) read = _locked;
            sum += BenchMessages<JointState>.Consume(in read);
        }
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Pairs)]
    [BenchmarkCategory("Mpsc")]
    public long MpscRing_TryWrite_TryRead()
    {
        var ring = _mpsc;
        var consumer = _mpscConsumer;
        long sum = 0;
        for (int i = 0; i < Pairs; i++)
        {
            _event.Header.Sequence = ++_sequence;
            if (!ring.TryWrite(in _event)) throw new InvalidOperationException("ring full");
            if (!consumer.TryRead(out Message64 read)) throw new InvalidOperationException("ring empty");
            sum += BenchMessages<Message64>.Consume(in read);
        }
        return sum;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Pairs)]
    [BenchmarkCategory("Mpsc")]
    public long ConcurrentQueue_Enqueue_TryDequeue()
    {
        var queue = _queue;
        long sum = 0;
        for (int i = 0; i < Pairs; i++)
        {
            _event.Header.Sequence = ++_sequence;
            queue.Enqueue(_event);
            if (!queue.TryDequeue(out Message64 read)) throw new InvalidOperationException("queue empty");
            sum += BenchMessages<Message64>.Consume(in read);
        }
        return sum;
    }
}
