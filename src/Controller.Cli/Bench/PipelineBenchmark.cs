using System.Runtime.CompilerServices;
using Controller.Pipeline.Rings;

namespace Controller.Cli.Bench;

/// <summary>
/// <c>robotctl bench pipeline</c>: our SPSC ring against <c>System.Threading.Channels</c> and against the C
/// floor, side by side in one run so the noisy shared machine affects all of them alike. Rounds of ring
/// and Channel throughput alternate, and medians are reported.
/// </summary>
public static class PipelineBenchmark
{
    /// <summary>Capacity of every ring and channel under test.</summary>
    public const int QueueCapacity = 1024;

    private const int ThroughputRounds = 5;
    private const int MaxSamples = 2_000_000;

    /// <summary>Runs every probe within roughly <paramref name="seconds"/> and returns the report.</summary>
    /// <param name="seconds">Measuring time to spread over the probes (warm-ups and process start come on top).</param>
    /// <param name="log">Where progress lines go.</param>
    public static PipelineBenchReport Run(double seconds, TextWriter log)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(seconds, 0);
        var started = DateTime.UtcNow;
        long totalNs = (long)(seconds * 1e9);
        var cpus = CpuPair.Default;
        var notes = new List<string>();
        if (!cpus.IsPinned) notes.Add("fewer than 2 CPUs: the two sides share a CPU, so round trips measure the scheduler");

        log.WriteLine($"throughput: {ThroughputRounds} rounds of ring and Channel, batch and single consumers, {Unsafe.SizeOf<BenchMessage>()}-byte messages");
        var throughput = MeasureThroughput(totalNs / 2 / (4 * ThroughputRounds), cpus);

        var samples = new LatencySamples(MaxSamples);
        log.WriteLine("round trip: ring, cross-thread");
        var (ringP50, ringP99, rttAllocated, rttOps) = MeasureRingRoundTrip(totalNs * 15 / 100, cpus, samples);
        log.WriteLine("round trip: Channels, cross-thread");
        var (channelP50, channelP99) = MeasureChannelRoundTrip(totalNs / 10, cpus, samples);

        log.WriteLine("round trip: ring, cross-process over shared memory");
        long? shmP50 = null, shmP99 = null;
        try
        {
            (shmP50, shmP99) = MeasureSharedMemoryRoundTrip(totalNs * 15 / 100, cpus, samples);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or TimeoutException or UnauthorizedAccessException)
        {
            notes.Add($"cross-process round trip not measured: {e.Message}");
        }

        log.WriteLine("round trip: C floor (cc -O2 bench/floor/pingpong.c)");
        int floorTrips = (int)Math.Clamp(seconds * 20_000, 20_000, 2_000_000);
        var floor = NativeFloor.Measure(floorTrips, cpus);
        if (floor.Error != null) notes.Add(floor.Error);

        double ringMedian = Median(throughput.RingBatch), channelMedian = Median(throughput.ChannelBatch);
        double ratio = channelMedian > 0 ? ringMedian / channelMedian : 0;
        double ringSingleMedian = Median(throughput.RingSingle), channelSingleMedian = Median(throughput.ChannelSingle);
        double? vsFloor = floor.RttP50Ns is > 0 ? (double)ringP50 / floor.RttP50Ns.Value : null;
        double perOp = (double)(throughput.Allocated + rttAllocated) / Math.Max(throughput.Ops + rttOps, 1);
        var targets = new BenchTargets
        {
            ThroughputMet = ratio >= 10,
            RttMet = vsFloor is <= 1.5,
            AllocationMet = perOp == 0,
        };
        return new PipelineBenchReport
        {
            StartedUtc = started,
            Seconds = seconds,
            Environment = BenchEnvironment.Capture(cpus.IsPinned),
            MessageBytes = Unsafe.SizeOf<BenchMessage>(),
            QueueCapacity = QueueCapacity,
            RingMsgsPerS = ringMedian,
            ChannelsMsgsPerS = channelMedian,
            RingVsChannels = ratio,
            RingRounds = throughput.RingBatch,
            ChannelsRounds = throughput.ChannelBatch,
            RingSingleMsgsPerS = ringSingleMedian,
            ChannelsSingleMsgsPerS = channelSingleMedian,
            RingVsChannelsSingle = channelSingleMedian > 0 ? ringSingleMedian / channelSingleMedian : 0,
            RingRttP50Ns = ringP50,
            RingRttP99Ns = ringP99,
            ChannelsRttP50Ns = channelP50,
            ChannelsRttP99Ns = channelP99,
            RingShmRttP50Ns = shmP50,
            RingShmRttP99Ns = shmP99,
            FloorRttP50Ns = floor.RttP50Ns,
            FloorRttP99Ns = floor.RttP99Ns,
            RingRttVsFloor = vsFloor,
            AllocatedBytesPerOp = perOp,
            Targets = targets,
            Notes = notes,
        };
    }

    /// <summary>Per-round throughputs of the four variants, and what the ring's threads allocated.</summary>
    private sealed record ThroughputFigures(double[] RingBatch, double[] ChannelBatch, double[] RingSingle, double[] ChannelSingle, long Allocated, long Ops);

    private static ThroughputFigures MeasureThroughput(long roundNs, CpuPair cpus)
    {
        using var ring = SpscRing<BenchMessage>.Create(QueueCapacity);
        using var producer = ring.TakeProducer();
        using var consumer = ring.TakeConsumer();
        var ringQueue = new RingQueue<BenchMessage>(producer, consumer);
        var channel = ChannelQueue<BenchMessage>.CreateChannel(QueueCapacity);
        var channelQueue = new ChannelQueue<BenchMessage>(channel, channel);

        // Warm-up: bring every probe to its final JIT tier before anything is recorded.
        long warmNs = Math.Max(roundNs, RoundTripProbe.WarmupNs) / 2;
        foreach (bool batch in new[] { true, false })
        {
            ThroughputProbe.Run<RingQueue<BenchMessage>, BenchMessage>(ringQueue, warmNs, cpus, batch);
            ThroughputProbe.Run<ChannelQueue<BenchMessage>, BenchMessage>(channelQueue, warmNs, cpus, batch);
        }

        var rounds = new ThroughputFigures(new double[ThroughputRounds], new double[ThroughputRounds],
            new double[ThroughputRounds], new double[ThroughputRounds], 0, 0);
        long allocated = 0, ops = 0;
        for (int round = 0; round < ThroughputRounds; round++)
        {
            // Alternate the variants within each round so drifts of the shared machine hit all of them.
            var ringBatch = ThroughputProbe.Run<RingQueue<BenchMessage>, BenchMessage>(ringQueue, roundNs, cpus, batchConsumer: true);
            rounds.ChannelBatch[round] = ThroughputProbe.Run<ChannelQueue<BenchMessage>, BenchMessage>(channelQueue, roundNs, cpus, batchConsumer: true).MessagesPerSecond;
            var ringSingle = ThroughputProbe.Run<RingQueue<BenchMessage>, BenchMessage>(ringQueue, roundNs, cpus, batchConsumer: false);
            rounds.ChannelSingle[round] = ThroughputProbe.Run<ChannelQueue<BenchMessage>, BenchMessage>(channelQueue, roundNs, cpus, batchConsumer: false).MessagesPerSecond;
            rounds.RingBatch[round] = ringBatch.MessagesPerSecond;
            rounds.RingSingle[round] = ringSingle.MessagesPerSecond;
            allocated += ringBatch.AllocatedBytes + ringSingle.AllocatedBytes;
            ops += (ringBatch.Messages + ringSingle.Messages) * 2;
        }
        return rounds with { Allocated = allocated, Ops = ops };
    }

    private static (long P50, long P99, long Allocated, long Ops) MeasureRingRoundTrip(long durationNs, CpuPair cpus, LatencySamples samples)
    {
        using var ping = SpscRing<BenchMessage>.Create(QueueCapacity);
        using var pong = SpscRing<BenchMessage>.Create(QueueCapacity);
        using var pingProducer = ping.TakeProducer();
        using var pingConsumer = ping.TakeConsumer();
        using var pongProducer = pong.TakeProducer();
        using var pongConsumer = pong.TakeConsumer();
        var initiator = new RingQueue<BenchMessage>(pingProducer, pongConsumer);
        var echo = new RingQueue<BenchMessage>(pongProducer, pingConsumer);
        long allocated = RunWithEchoThread(initiator, echo, durationNs, cpus, samples);
        return (samples.Percentile(0.50), samples.Percentile(0.99), allocated, samples.Count * 4L);
    }

    private static (long P50, long P99) MeasureChannelRoundTrip(long durationNs, CpuPair cpus, LatencySamples samples)
    {
        var ping = ChannelQueue<BenchMessage>.CreateChannel(QueueCapacity);
        var pong = ChannelQueue<BenchMessage>.CreateChannel(QueueCapacity);
        RunWithEchoThread(new ChannelQueue<BenchMessage>(ping, pong), new ChannelQueue<BenchMessage>(pong, ping), durationNs, cpus, samples);
        return (samples.Percentile(0.50), samples.Percentile(0.99));
    }

    private static long RunWithEchoThread<TQueue>(TQueue initiator, TQueue echo, long durationNs, CpuPair cpus, LatencySamples samples)
        where TQueue : struct, IBenchQueue<BenchMessage>
    {
        long echoAllocated = 0, initiatorAllocated = 0;
        var stop = new StopFlag();
        var echoThread = new Thread(() =>
        {
            cpus.PinSecond();
            echoAllocated = RoundTripProbe.RunEcho(echo, stop);
        }) { IsBackground = true, Name = "bench-echo" };
        echoThread.Start();
        RunOnPinnedThread("bench-initiator", cpus, () => initiatorAllocated = RoundTripProbe.RunInitiator(initiator, durationNs, samples),
            finallyDo: stop.Set);
        echoThread.Join();
        return echoAllocated + initiatorAllocated;
    }

    private static (long P50, long P99) MeasureSharedMemoryRoundTrip(long durationNs, CpuPair cpus, LatencySamples samples)
    {
        string dir = Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath();
        string stem = Path.Combine(dir, $"robotctl-bench-{Environment.ProcessId}");
        using var ping = SpscRing<BenchMessage>.CreateShared(stem + "-ping", QueueCapacity);
        using var pong = SpscRing<BenchMessage>.CreateShared(stem + "-pong", QueueCapacity);
        using var producer = ping.TakeProducer();
        using var consumer = pong.TakeConsumer();
        using var child = EchoPeer.Start(ping, pong, cpus.Second);
        var link = new RingQueue<BenchMessage>(producer, consumer);
        try
        {
            RunOnPinnedThread("bench-shm-initiator", cpus, () => RoundTripProbe.RunInitiator(link, durationNs, samples));
            if (samples.Count == 0) throw new InvalidOperationException("no round trip completed");
            RoundTripProbe.SendStop(link);
            if (!child.WaitForExit(5000)) child.Kill(entireProcessTree: true);
        }
        finally
        {
            if (!child.HasExited) child.Kill(entireProcessTree: true);
        }
        return (samples.Percentile(0.50), samples.Percentile(0.99));
    }

    /// <summary>Runs <paramref name="work"/> on a new thread pinned to the first CPU and rethrows its exception here.</summary>
    private static void RunOnPinnedThread(string name, CpuPair cpus, Action work, Action? finallyDo = null)
    {
        System.Runtime.ExceptionServices.ExceptionDispatchInfo? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                cpus.PinFirst();
                work();
            }
            catch (Exception e)
            {
                failure = System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e);
            }
            finally
            {
                finallyDo?.Invoke();
            }
        }) { IsBackground = true, Name = name };
        thread.Start();
        thread.Join();
        failure?.Throw();
    }

    private static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
