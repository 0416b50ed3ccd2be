using System.Runtime.CompilerServices;
using Controller.Pipeline.Threading;
using Controller.Pipeline.Time;

namespace Controller.Cli.Bench;

/// <summary>Cross-thread throughput: one producer thread writes as fast as it can, one consumer thread drains.</summary>
public static class ThroughputProbe
{
    /// <summary>
    /// Pause iterations a consumer waits after finding its queue empty (its idle strategy). Measured on the
    /// development machine: 0 and 8 give the same ring/Channel ratio (11.2x, 11.4x) and 8 the higher absolute
    /// rates for both; 32 and more starve the consumer. The same value serves every queue under test.
    /// </summary>
    public const int EmptyBackoffSpins = 8;

    /// <summary>What one run measured.</summary>
    /// <param name="MessagesPerSecond">Messages consumed per second of wall time.</param>
    /// <param name="Messages">Messages consumed.</param>
    /// <param name="AllocatedBytes">Bytes allocated by both threads inside their loops.</param>
    public readonly record struct Result(double MessagesPerSecond, long Messages, long AllocatedBytes);

    /// <summary>Messages a batch consumer drains per call at most.</summary>
    public const int BatchSize = 256;

    /// <summary>
    /// Runs producer and consumer on dedicated threads pinned to two CPUs for <paramref name="durationNs"/>.
    /// The consumer reads one message per call, or with <paramref name="batchConsumer"/> drains up to
    /// <see cref="BatchSize"/> per call into a buffer.
    /// </summary>
    public static Result Run<TQueue, T>(TQueue queue, long durationNs, CpuPair cpus, bool batchConsumer)
        where TQueue : struct, IBenchQueue<T>
        where T : unmanaged
    {
        long consumed = 0, consumerAllocated = 0, producerAllocated = 0, startNs = 0, endNs = 0;
        int producerDone = 0;
        using var consumerReady = new ManualResetEventSlim();

        var consumer = new Thread(() =>
        {
            cpus.PinSecond();
            var buffer = new T[BatchSize];
            consumerReady.Set();
            long before = GC.GetAllocatedBytesForCurrentThread();
            long count = batchConsumer ? ConsumeBatches(queue, buffer, ref producerDone) : ConsumeSingly<TQueue, T>(queue, ref producerDone);
            endNs = MonotonicClock.Now();
            consumerAllocated = GC.GetAllocatedBytesForCurrentThread() - before;
            consumed = count;
        }) { IsBackground = true, Name = "bench-consumer" };

        var producer = new Thread(() =>
        {
            cpus.PinFirst();
            consumerReady.Wait();
            long before = GC.GetAllocatedBytesForCurrentThread();
            startNs = MonotonicClock.Now();
            Produce<TQueue, T>(queue, startNs + durationNs);
            producerAllocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Volatile.Write(ref producerDone, 1);
        }) { IsBackground = true, Name = "bench-producer" };

        consumer.Start();
        producer.Start();
        producer.Join();
        consumer.Join();
        double seconds = Math.Max(endNs - startNs, 1) / 1e9;
        return new Result(consumed / seconds, consumed, consumerAllocated + producerAllocated);
    }

    // The measured loops run once per round, too few calls for tiered compilation to promote them:
    // AggressiveOptimization compiles them fully optimised from the first call, for every queue alike.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Produce<TQueue, T>(TQueue queue, long deadlineNs)
        where TQueue : struct, IBenchQueue<T>
        where T : unmanaged
    {
        T message = default;
        do
        {
            for (int i = 0; i < 1024; i++)
            {
                while (!queue.TryWrite(message)) Thread.SpinWait(1);
            }
        } while (MonotonicClock.Now() < deadlineNs);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static long ConsumeSingly<TQueue, T>(TQueue queue, ref int producerDone)
        where TQueue : struct, IBenchQueue<T>
        where T : unmanaged
    {
        long count = 0;
        while (true)
        {
            if (queue.TryRead(out var message))
            {
                Sink(message);
                count++;
                continue;
            }
            if (Volatile.Read(ref producerDone) == 0)
            {
                // Empty: back off briefly instead of polling the line the producer is writing, so the
                // producer can run ahead. Same loop for every queue under test.
                Thread.SpinWait(EmptyBackoffSpins);
                continue;
            }
            // The producer's last write was published before its done flag: drain the rest and stop.
            while (queue.TryRead(out message)) { Sink(message); count++; }
            return count;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static long ConsumeBatches<TQueue, T>(TQueue queue, T[] buffer, ref int producerDone)
        where TQueue : struct, IBenchQueue<T>
        where T : unmanaged
    {
        long count = 0;
        while (true)
        {
            int n = queue.Drain(buffer);
            if (n > 0)
            {
                count += n;
                continue;
            }
            if (Volatile.Read(ref producerDone) == 0)
            {
                Thread.SpinWait(EmptyBackoffSpins);
                continue;
            }
            while ((n = queue.Drain(buffer)) > 0) count += n;
            return count;
        }
    }

    /// <summary>Takes the message by reference so the JIT must materialise the whole copy for every queue alike.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Sink<T>(in T message) where T : unmanaged { }
}
