using Controller.Pipeline.Rings;
using Controller.Pipeline.Tests.Support;
using Xunit.Abstractions;

namespace Controller.Pipeline.Tests.Rings;

/// <summary>
/// One producer thread and one consumer thread, each on a dedicated thread: every message must arrive
/// once, in order and whole. Sized by message count, never by time.
/// </summary>
[Collection(ConcurrencyCollection.Name)]
public sealed class SpscRingStressTests(ITestOutputHelper output)
{
    private const long Messages = 2_000_000;

    [Theory]
    [InlineData(2)]
    [InlineData(1024)]
    public void TryWriteTryRead_TwoThreads_EveryMessageArrivesInOrderAndWhole(int capacity)
    {
        using var ring = SpscRing<StressMessage>.Create(capacity);
        using var producer = ring.TakeProducer();
        using var consumer = ring.TakeConsumer();
        var abort = new StressAbort();
        long received = 0;
        long messages = capacity == 2 ? Messages / 4 : Messages; // a two-slot ring hands off one message at a time

        DedicatedThreads.Run(abort,
            () =>
            {
                var backoff = new Backoff();
                for (long sequence = 0; sequence < messages; sequence++)
                {
                    var message = StressMessage.Create(producer: 1, sequence);
                    while (!producer.TryWrite(message)) backoff.Wait(abort);
                    backoff.Reset();
                }
            },
            () =>
            {
                var backoff = new Backoff();
                for (long expected = 0; expected < messages; expected++)
                {
                    StressMessage message;
                    while (!consumer.TryRead(out message)) backoff.Wait(abort);
                    backoff.Reset();
                    Check(message, expected);
                    received++;
                }
            });

        Assert.Equal(messages, received);
        Assert.Equal(0, ring.Count);
        Assert.False(consumer.TryRead(out _));
    }

    [Fact]
    public void ClaimPublishDrain_TwoThreads_EveryMessageArrivesInOrderAndWhole()
    {
        using var ring = SpscRing<StressMessage>.Create(256);
        using var producer = ring.TakeProducer();
        using var consumer = ring.TakeConsumer();
        var abort = new StressAbort();
        long received = 0;
        long batches = 0;

        DedicatedThreads.Run(abort,
            () =>
            {
                var backoff = new Backoff();
                for (long sequence = 0; sequence < Messages; sequence++)
                {
                    SpscWriteClaim<StressMessage> claim;
                    while (!producer.TryClaim(out claim)) backoff.Wait(abort);
                    backoff.Reset();
                    StressMessage.Fill(ref claim.Message, producer: 2, sequence);
                    claim.Publish();
                }
            },
            () =>
            {
                var backoff = new Backoff();
                var buffer = new StressMessage[64];
                long expected = 0;
                while (expected < Messages)
                {
                    int count = consumer.Drain(buffer);
                    if (count == 0)
                    {
                        backoff.Wait(abort);
                        continue;
                    }
                    backoff.Reset();
                    batches++;
                    for (int i = 0; i < count; i++) Check(buffer[i], expected++, producer: 2);
                }
                received = expected;
            });

        output.WriteLine($"{Messages} messages in {batches} batches");
        Assert.Equal(Messages, received);
        Assert.InRange(batches, 1, Messages);
        Assert.Equal(0, ring.Count);
    }

    [Fact]
    public void TryBeginRead_TwoThreads_InPlaceReadsSeeWholeMessagesInOrder()
    {
        using var ring = SpscRing<StressMessage>.Create(64);
        using var producer = ring.TakeProducer();
        using var consumer = ring.TakeConsumer();
        var abort = new StressAbort();
        const long messages = Messages / 2;

        DedicatedThreads.Run(abort,
            () =>
            {
                var backoff = new Backoff();
                for (long sequence = 0; sequence < messages; sequence++)
                {
                    var message = StressMessage.Create(producer: 3, sequence);
                    while (!producer.TryWrite(message)) backoff.Wait(abort);
                    backoff.Reset();
                }
            },
            () =>
            {
                var backoff = new Backoff();
                for (long expected = 0; expected < messages; expected++)
                {
                    SpscReadClaim<StressMessage> claim;
                    while (!consumer.TryBeginRead(out claim)) backoff.Wait(abort);
                    backoff.Reset();
                    // Read twice in place: the producer must not reuse the slot before Release.
                    Check(claim.Message, expected, producer: 3);
                    Thread.SpinWait(4);
                    Check(claim.Message, expected, producer: 3);
                    claim.Release();
                }
            });

        Assert.Equal(0, ring.Count);
    }

    [Fact]
    public void TryWrite_ProducerNeverRetries_RejectedCountEqualsFailedWritesAndConsumerSeesExactlyTheRest()
    {
        const int attempts = 1_000_000;
        const int headStart = 1_000;
        using var ring = SpscRing<StressMessage>.Create(64);
        using var producer = ring.TakeProducer();
        using var consumer = ring.TakeConsumer();
        var abort = new StressAbort();
        var written = new bool[attempts];
        var seen = new long[attempts];
        long failed = 0;
        int seenCount = 0;
        int producerDone = 0;
        int consumerMayStart = 0;

        DedicatedThreads.Run(abort,
            () =>
            {
                for (long attempt = 0; attempt < attempts; attempt++)
                {
                    // The consumer waits until the ring has certainly overflowed once.
                    if (attempt == headStart) Volatile.Write(ref consumerMayStart, 1);
                    if (producer.TryWrite(StressMessage.Create(producer: 4, attempt))) written[attempt] = true;
                    else failed++;
                    // Alternate bursts (which overflow the ring) with paced stretches (which the consumer keeps up with).
                    if ((attempt & 4096) != 0) Thread.SpinWait(20);
                }
                Volatile.Write(ref producerDone, 1);
            },
            () =>
            {
                var backoff = new Backoff();
                while (Volatile.Read(ref consumerMayStart) == 0) backoff.Wait(abort);
                while (true)
                {
                    // Read the flag before draining: after it reads 1, the drain sees every publish.
                    bool done = Volatile.Read(ref producerDone) == 1;
                    if (consumer.TryRead(out var message))
                    {
                        Assert.True(message.IsIntact, $"torn: {message}");
                        seen[seenCount++] = message.Sequence;
                        continue;
                    }
                    if (done) break;
                    backoff.Wait(abort);
                }
            });

        output.WriteLine($"attempts {attempts}, failed {failed}, received {seenCount}");
        Assert.Equal(failed, ring.RejectedCount);
        Assert.InRange(failed, headStart - 64, attempts - 1);
        long succeeded = attempts - failed;
        Assert.Equal(succeeded, seenCount);
        long previous = -1;
        for (int i = 0; i < seenCount; i++)
        {
            long sequence = seen[i];
            Assert.True(sequence > previous, $"message {sequence} arrived after {previous}");
            Assert.True(written[sequence], $"message {sequence} arrived but its write was rejected");
            previous = sequence;
        }
    }

    private static void Check(in StressMessage message, long expected, long producer = 1)
    {
        if (message.Sequence != expected || message.Producer != producer || !message.IsIntact)
        {
            throw new Xunit.Sdk.XunitException($"expected message {expected} of producer {producer}, got {message}");
        }
    }
}
