using Controller.Pipeline.Rings;
using Controller.Pipeline.Tests.Support;

namespace Controller.Pipeline.Tests.Rings;

/// <summary>
/// The producer and the consumer each measure their own thread's allocations around a million
/// operations running against each other, spinning included.
/// </summary>
[Collection(ConcurrencyCollection.Name)]
public sealed class TwoThreadZeroAllocationTests
{
    private const long WarmUp = 20_000;
    private const long Measured = 1_000_000;

    [Fact]
    public void SpscTryWriteTryRead_ProducerAndConsumerThreads_EachAllocateZeroBytes()
    {
        using var ring = SpscRing<StressMessage>.Create(128);
        using var producer = ring.TakeProducer();
        using var consumer = ring.TakeConsumer();
        var abort = new StressAbort();
        long producerAllocated = -1;
        long consumerAllocated = -1;

        DedicatedThreads.Run(abort,
            () =>
            {
                Produce(producer, 0, WarmUp, abort);
                long before = GC.GetAllocatedBytesForCurrentThread();
                Produce(producer, WarmUp, WarmUp + Measured, abort);
                producerAllocated = GC.GetAllocatedBytesForCurrentThread() - before;
            },
            () =>
            {
                Consume(consumer, 0, WarmUp, abort);
                long before = GC.GetAllocatedBytesForCurrentThread();
                Consume(consumer, WarmUp, WarmUp + Measured, abort);
                consumerAllocated = GC.GetAllocatedBytesForCurrentThread() - before;
            });

        Assert.Equal(0, producerAllocated);
        Assert.Equal(0, consumerAllocated);
    }

    [Fact]
    public void MpscTryWriteDrain_ProducerAndConsumerThreads_EachAllocateZeroBytes()
    {
        using var ring = MpscRing<StressMessage>.Create(128);
        using var consumer = ring.TakeConsumer();
        var abort = new StressAbort();
        var buffer = new StressMessage[32];
        long producerAllocated = -1;
        long consumerAllocated = -1;

        DedicatedThreads.Run(abort,
            () =>
            {
                var backoff = new Backoff();
                long before = 0;
                for (long i = 0; i < WarmUp + Measured; i++)
                {
                    if (i == WarmUp) before = GC.GetAllocatedBytesForCurrentThread();
                    var message = StressMessage.Create(5, i);
                    while (!ring.TryWrite(message)) backoff.Wait(abort);
                    backoff.Reset();
                }
                producerAllocated = GC.GetAllocatedBytesForCurrentThread() - before;
            },
            () =>
            {
                var backoff = new Backoff();
                long before = 0;
                long received = 0;
                bool measuring = false;
                while (received < WarmUp + Measured)
                {
                    if (!measuring && received >= WarmUp)
                    {
                        measuring = true;
                        before = GC.GetAllocatedBytesForCurrentThread();
                    }
                    int count = consumer.Drain(buffer);
                    if (count == 0)
                    {
                        backoff.Wait(abort);
                        continue;
                    }
                    backoff.Reset();
                    for (int i = 0; i < count; i++)
                    {
                        if (buffer[i].Sequence != received + i) throw new Xunit.Sdk.XunitException($"expected {received + i}, got {buffer[i]}");
                    }
                    received += count;
                }
                consumerAllocated = GC.GetAllocatedBytesForCurrentThread() - before;
            });

        Assert.Equal(0, producerAllocated);
        Assert.Equal(0, consumerAllocated);
    }

    private static void Produce(SpscProducer<StressMessage> producer, long from, long to, StressAbort abort)
    {
        var backoff = new Backoff();
        for (long i = from; i < to; i++)
        {
            var message = StressMessage.Create(1, i);
            while (!producer.TryWrite(message)) backoff.Wait(abort);
            backoff.Reset();
        }
    }

    private static void Consume(SpscConsumer<StressMessage> consumer, long from, long to, StressAbort abort)
    {
        var backoff = new Backoff();
        for (long i = from; i < to; i++)
        {
            StressMessage message;
            while (!consumer.TryRead(out message)) backoff.Wait(abort);
            backoff.Reset();
            if (message.Sequence != i) throw new Xunit.Sdk.XunitException($"expected {i}, got {message}");
        }
    }
}
