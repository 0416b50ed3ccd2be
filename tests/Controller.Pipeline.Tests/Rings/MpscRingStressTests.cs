using Controller.Pipeline.Rings;
using Controller.Pipeline.Tests.Support;
using Xunit.Abstractions;

namespace Controller.Pipeline.Tests.Rings;

/// <summary>
/// Three producer threads and one consumer thread: each producer's messages arrive in its own order and
/// whole, and every message is either received or counted as dropped.
/// </summary>
[Collection(ConcurrencyCollection.Name)]
public sealed class MpscRingStressTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(3, 200_000, 1024, false)]
    [InlineData(3, 200_000, 16, false)]
    [InlineData(2, 150_000, 8, true)]
    public void TryWrite_SeveralProducerThreads_PerProducerOrderNoTearingAndReceivedPlusDroppedEqualsSent(
        int producers, int messagesPerProducer, int capacity, bool retryUntilWritten)
    {
        using var ring = MpscRing<StressMessage>.Create(capacity);
        using var consumer = ring.TakeConsumer();
        var abort = new StressAbort();
        var written = new bool[producers][];
        var failedWrites = new long[producers];
        var received = new long[producers];
        var last = new long[producers];
        int producersDone = 0;

        var bodies = new List<Action>();
        for (int p = 0; p < producers; p++)
        {
            int id = p;
            written[id] = new bool[messagesPerProducer];
            bodies.Add(() =>
            {
                var backoff = new Backoff();
                for (long sequence = 0; sequence < messagesPerProducer; sequence++)
                {
                    var message = StressMessage.Create(id, sequence);
                    while (true)
                    {
                        if (ring.TryWrite(message))
                        {
                            written[id][sequence] = true;
                            break;
                        }
                        failedWrites[id]++;
                        if (!retryUntilWritten) break;
                        backoff.Wait(abort);
                    }
                    // Let the consumer catch up now and then, so a good share of messages get through.
                    if ((sequence & 63) == 0) Thread.Yield();
                }
                Interlocked.Increment(ref producersDone);
            });
        }
        bodies.Add(() =>
        {
            Array.Fill(last, -1);
            var backoff = new Backoff();
            while (true)
            {
                // Read the count before reading: once it says all are done, every publish is visible.
                bool done = Volatile.Read(ref producersDone) == producers;
                if (consumer.TryRead(out var message))
                {
                    backoff.Reset();
                    if (!message.IsIntact) throw new Xunit.Sdk.XunitException($"torn: {message}");
                    int id = (int)message.Producer;
                    if (message.Sequence <= last[id])
                    {
                        throw new Xunit.Sdk.XunitException($"producer {id}: message {message.Sequence} arrived after {last[id]}");
                    }
                    last[id] = message.Sequence;
                    received[id]++;
                    continue;
                }
                if (done) break;
                backoff.Wait(abort);
            }
        });

        DedicatedThreads.Run(abort, bodies.ToArray());

        output.WriteLine($"received per producer {string.Join(", ", received)}, dropped {ring.DroppedCount}");
        long sent = (long)producers * messagesPerProducer;
        long totalAttempts = sent + (retryUntilWritten ? failedWrites.Sum() : 0);
        Assert.Equal(failedWrites.Sum(), ring.DroppedCount);
        Assert.Equal(totalAttempts, received.Sum() + ring.DroppedCount);
        for (int p = 0; p < producers; p++)
        {
            Assert.Equal(written[p].Count(w => w), received[p]);
            if (retryUntilWritten) Assert.Equal(messagesPerProducer, received[p]);
        }
        Assert.False(consumer.TryRead(out _));
        Assert.False(consumer.IsNextSlotStalled());
    }
}
