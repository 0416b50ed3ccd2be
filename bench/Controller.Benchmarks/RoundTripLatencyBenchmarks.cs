using System.Threading.Channels;
using BenchmarkDotNet.Attributes;
using Controller.Pipeline.Rings;

namespace Controller.Benchmarks;

/// <summary>
/// Hand-off latency between two cores in one process: ping-pong of a <see cref="Message64"/>. The benchmark
/// thread (pinned to CPU 0) writes one message to queue A and spins until a dedicated echo thread (pinned to
/// CPU 1) has read it and written it back on queue B. Reported per round trip, so one-way latency is about
/// half. Only one message is ever in flight, so this measures the cache-line hand-offs, not throughput.
/// </summary>
/// <remarks>
/// Both variants poll with <c>TryRead</c> and <see cref="BenchThreads.SpinOnce"/> (no async, no blocking),
/// so they differ only in the queue.
/// </remarks>
[MemoryDiagnoser]
public class RoundTripLatencyBenchmarks
{
    public const int RoundTrips = 1000;
    public const int Capacity = 16;

    private readonly PeerFault _fault = new();
    private PaddedLong _stop;
    private Thread? _echoThread;
    private Message64 _message;
    private long _sequence;

    private SpscRing<Message64>? _ping;
    private SpscRing<Message64>? _pong;
    private SpscProducer<Message64>? _pingProducer;
    private SpscConsumer<Message64>? _pongConsumer;
    private SpscConsumer<Message64>? _echoConsumer;
    private SpscProducer<Message64>? _echoProducer;

    private Channel<Message64>? _pingChannel;
    private Channel<Message64>? _pongChannel;

    [GlobalSetup(Target = nameof(SpscRing_PingPong))]
    public void SetupRing()
    {
        Prepare();
        _ping = SpscRing<Message64>.Create(Capacity);
        _pong = SpscRing<Message64>.Create(Capacity);
        _pingProducer = _ping.TakeProducer();
        _pongConsumer = _pong.TakeConsumer();
        // The echo thread's ends are taken here and used only by it (an end is per process, not per thread).
        var input = _echoConsumer = _ping.TakeConsumer();
        var output = _echoProducer = _pong.TakeProducer();
        _echoThread = BenchThreads.StartPeer("bench-echo-ring", () =>
        {
            while (true)
            {
                if (input.TryRead(out Message64 message))
                {
                    while (!output.TryWrite(in message)) BenchThreads.SpinOnce();
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

    [GlobalSetup(Target = nameof(Channel_PingPong))]
    public void SetupChannel()
    {
        Prepare();
        _pingChannel = CreateChannel();
        _pongChannel = CreateChannel();
        var input = _pingChannel.Reader;
        var output = _pongChannel.Writer;
        _echoThread = BenchThreads.StartPeer("bench-echo-channel", () =>
        {
            while (true)
            {
                if (input.TryRead(out Message64 message))
                {
                    while (!output.TryWrite(message)) BenchThreads.SpinOnce();
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

    [GlobalCleanup]
    public void Cleanup()
    {
        Volatile.Write(ref _stop.Value, 1);
        BenchThreads.Join(_echoThread, "echo");
        _echoThread = null;
        _pingProducer?.Dispose();
        _pongConsumer?.Dispose();
        _echoConsumer?.Dispose();
        _echoProducer?.Dispose();
        _ping?.Dispose();
        _pong?.Dispose();
        _pingChannel?.Writer.TryComplete();
        _pongChannel?.Writer.TryComplete();
        BenchThreads.Unpin();
        _fault.ThrowIfFaulted();
    }

    [Benchmark(OperationsPerInvoke = RoundTrips)]
    public long SpscRing_PingPong()
    {
        var ping = _pingProducer!;
        var pong = _pongConsumer!;
        long sequence = _sequence;
        for (int i = 0; i < RoundTrips; i++)
        {
            _message.Header.Sequence = ++sequence;
            if (!ping.TryWrite(in _message)) throw new InvalidOperationException("ping ring full");
            Message64 reply;
            int spins = 0;
            while (!pong.TryRead(out reply)) Wait(ref spins);
            if (BenchMessages<Message64>.Consume(in reply) != sequence) throw new InvalidOperationException($"Echo of {reply.Header.Sequence}, expected {sequence}.");
        }
        return _sequence = sequence;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = RoundTrips)]
    public long Channel_PingPong()
    {
        var ping = _pingChannel!.Writer;
        var pong = _pongChannel!.Reader;
        long sequence = _sequence;
        for (int i = 0; i < RoundTrips; i++)
        {
            _message.Header.Sequence = ++sequence;
            if (!ping.TryWrite(_message)) throw new InvalidOperationException("ping channel full");
            Message64 reply;
            int spins = 0;
            while (!pong.TryRead(out reply)) Wait(ref spins);
            if (BenchMessages<Message64>.Consume(in reply) != sequence) throw new InvalidOperationException($"Echo of {reply.Header.Sequence}, expected {sequence}.");
        }
        return _sequence = sequence;
    }

    private void Prepare()
    {
        _message = BenchMessages<Message64>.Sample();
        _sequence = 0;
        _stop.Value = 0;
        BenchThreads.PinMain();
    }

    private void Wait(ref int spins)
    {
        BenchThreads.SpinOnce();
        if ((++spins & 0xFFFFF) == 0) _fault.ThrowIfFaulted();
    }

    private static Channel<Message64> CreateChannel() =>
        Channel.CreateBounded<Message64>(new BoundedChannelOptions(Capacity)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
            AllowSynchronousContinuations = false,
        });
}
