using Controller.Pipeline.Memory;
using Controller.Pipeline.Rings;
using Controller.Pipeline.Time;

namespace Controller.Pipeline.Tests.Rings;

public sealed unsafe class SpscRingTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(-1)]
    [InlineData(-16)]
    [InlineData(int.MinValue)]
    [InlineData(3)]
    [InlineData(6)]
    [InlineData(1000)]
    [InlineData((1 << 30) + 1)]
    [InlineData(int.MaxValue)]
    public void Create_InvalidCapacity_ThrowsArgumentOutOfRangeNamingValueAndRule(int capacity)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => SpscRing<long>.Create(capacity));

        Assert.Equal("capacity", error.ParamName);
        Assert.Equal((long)capacity, error.ActualValue);
        Assert.Contains($"{capacity} is not", error.Message);
        Assert.Contains("power of two", error.Message);
        Assert.Contains($"between {RingCapacity.Min} and {RingCapacity.Max}", error.Message);
    }

    [Fact]
    public void Validate_PowerOfTwoAboveTwoToThe30_ThrowsArgumentOutOfRangeNamingValueAndRule()
    {
        const long capacity = 1L << 31;

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => RingCapacity.Validate(capacity));

        Assert.Equal(capacity, error.ActualValue);
        Assert.Contains($"{capacity} is not", error.Message);
        Assert.Contains($"between {RingCapacity.Min} and {RingCapacity.Max}", error.Message);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(64)]
    [InlineData(1 << 12)]
    public void Create_PowerOfTwoCapacity_HasThatCapacityAndIsEmpty(int capacity)
    {
        using var ring = SpscRing<long>.Create(capacity);

        Assert.Equal(capacity, ring.Capacity);
        Assert.Equal(0, ring.Count);
        Assert.Equal(0, ring.RejectedCount);
    }

    [Fact]
    public void TakeProducer_Twice_SecondThrowsInvalidOperation()
    {
        using var ring = SpscRing<long>.Create(8);
        using var first = ring.TakeProducer();

        var error = Assert.Throws<InvalidOperationException>(() => ring.TakeProducer());

        Assert.Contains("producer", error.Message);
        Assert.Contains("this process", error.Message);
    }

    [Fact]
    public void TakeConsumer_Twice_SecondThrowsInvalidOperation()
    {
        using var ring = SpscRing<long>.Create(8);
        using var first = ring.TakeConsumer();

        var error = Assert.Throws<InvalidOperationException>(() => ring.TakeConsumer());

        Assert.Contains("consumer", error.Message);
    }

    [Fact]
    public void TakeProducer_AfterPreviousProducerDisposed_SucceedsAndResumesAtPublishedCursor()
    {
        using var ring = SpscRing<long>.Create(8);
        using var consumer = ring.TakeConsumer();
        var first = ring.TakeProducer();
        Assert.True(first.TryWrite(1));
        Assert.True(first.TryWrite(2));
        first.Dispose();

        using var second = ring.TakeProducer();
        Assert.True(second.TryWrite(3));

        Assert.Equal(new long[] { 1, 2, 3 }, ReadAll(consumer));
    }

    [Fact]
    public void TakeConsumer_AfterPreviousConsumerDisposed_SucceedsAndResumesAtPublishedCursor()
    {
        using var ring = SpscRing<long>.Create(8);
        using var producer = ring.TakeProducer();
        foreach (long value in new long[] { 1, 2, 3 }) Assert.True(producer.TryWrite(value));
        var first = ring.TakeConsumer();
        Assert.True(first.TryRead(out long read));
        Assert.Equal(1, read);
        first.Dispose();

        using var second = ring.TakeConsumer();

        Assert.Equal(new long[] { 2, 3 }, ReadAll(second));
    }

    [Fact]
    public void TakeProducer_PreviousProducerStoppedBetweenStampAndCursor_ResumesAfterTheStampedMessage()
    {
        using var ring = SpscRing<long>.Create(8);
        using var consumer = ring.TakeConsumer();
        var first = ring.TakeProducer();
        Assert.True(first.TryWrite(0));
        Assert.True(first.TryWrite(1));
        // Message 2 is copied in and its slot stamped, but the write cursor is never advanced.
        byte* slot = ring.Slots + 2 * ring.SlotStride;
        *(long*)(slot + SpscRing<long>.MessageOffset) = 2;
        Volatile.Write(ref *(long*)slot, 2 + 1);
        first.Dispose();
        Assert.Equal(2, ring.Count);

        using var second = ring.TakeProducer();
        Assert.Equal(3, ring.Count);
        Assert.True(second.TryWrite(3));

        Assert.Equal(new long[] { 0, 1, 2, 3 }, ReadAll(consumer));
    }

    [Fact]
    public void TakeProducer_DisposedTwice_SecondDisposeDoesNotReleaseANewOwner()
    {
        using var ring = SpscRing<long>.Create(8);
        var first = ring.TakeProducer();
        first.Dispose();
        using var second = ring.TakeProducer();

        first.Dispose();

        Assert.Throws<InvalidOperationException>(() => ring.TakeProducer());
    }

    [Fact]
    public void TryWriteTryRead_ManyMessagesAcrossLaps_AreReadInWriteOrder()
    {
        using var ring = SpscRing<long>.Create(4);
        using var producer = ring.TakeProducer();
        using var consumer = ring.TakeConsumer();
        var read = new List<long>();

        for (long i = 0; i < 100; i++)
        {
            Assert.True(producer.TryWrite(i));
            if (i % 3 == 2)
            {
                while (consumer.TryRead(out long value)) read.Add(value);
            }
        }
        read.AddRange(ReadAll(consumer));

        Assert.Equal(Enumerable.Range(0, 100).Select(i => (long)i), read);
        Assert.Equal(0, ring.RejectedCount);
    }

    [Fact]
    public void TryRead_Empty_ReturnsFalseAndDefault()
    {
        using var ring = SpscRing<long>.Create(4);
        using var consumer = ring.TakeConsumer();

        Assert.False(consumer.TryRead(out long value));
        Assert.Equal(0, value);
        Assert.Equal(0, consumer.Available());
    }

    [Fact]
    public void TryWrite_FullRing_ReturnsFalseAndCountsEachReject()
    {
        using var ring = SpscRing<long>.Create(4);
        using var producer = ring.TakeProducer();
        using var consumer = ring.TakeConsumer();
        for (long i = 0; i < 4; i++) Assert.True(producer.TryWrite(i));

        Assert.False(producer.TryWrite(100));
        Assert.False(producer.TryWrite(101));
        Assert.False(producer.TryWrite(102));

        Assert.Equal(3, ring.RejectedCount);
        Assert.Equal(4, ring.Count);
        Assert.Equal(0, producer.FreeSlots);

        // A freed slot takes the next write; the rejected messages are gone, not queued.
        Assert.True(consumer.TryRead(out long first));
        Assert.Equal(0, first);
        Assert.True(producer.TryWrite(4));
        Assert.Equal(new long[] { 1, 2, 3, 4 }, ReadAll(consumer));
        Assert.Equal(3, ring.RejectedCount);
    }

    [Fact]
    public void TryClaim_FillByRefThenPublish_ConsumerReadsFilledMessage()
    {
        using var ring = SpscRing<Support.StressMessage>.Create(4);
        using var producer = ring.TakeProducer();
        using var consumer = ring.TakeConsumer();

        Assert.True(producer.TryClaim(out var claim));
        Assert.True(claim.IsValid);
        Support.StressMessage.Fill(ref claim.Message, producer: 7, sequence: 42);
        Assert.Equal(0, ring.Count);
        claim.Publish();

        Assert.Equal(1, ring.Count);
        Assert.True(consumer.TryRead(out var message));
        Assert.Equal(42, message.Sequence);
        Assert.Equal(7, message.Producer);
        Assert.True(message.IsIntact);
    }

    [Fact]
    public void TryClaim_FullRing_ReturnsFalseWithInvalidClaimAndCountsReject()
    {
        using var ring = SpscRing<long>.Create(2);
        using var producer = ring.TakeProducer();
        Assert.True(producer.TryWrite(1));
        Assert.True(producer.TryWrite(2));

        Assert.False(producer.TryClaim(out var claim));

        Assert.False(claim.IsValid);
        Assert.Equal(1, ring.RejectedCount);
        InvalidOperationException? error = null;
        try
        {
            claim.Publish();
        }
        catch (InvalidOperationException e)
        {
            error = e;
        }
        Assert.NotNull(error);
        Assert.Contains("TryClaim returned false", error.Message);
    }

    [Fact]
    public void TryClaim_AbandonedWithoutPublish_IsNeverVisibleAndSlotIsClaimedAgain()
    {
        using var ring = SpscRing<long>.Create(4);
        using var producer = ring.TakeProducer();
        using var consumer = ring.TakeConsumer();

        Assert.True(producer.TryClaim(out var abandoned));
        abandoned.Message = 666;

        Assert.Equal(0, ring.Count);
        Assert.False(consumer.TryRead(out _));

        Assert.True(producer.TryClaim(out var claim));
        Assert.Equal(666, claim.Message); // the same slot, still holding the abandoned bytes
        claim.Message = 1;
        claim.Publish();
        Assert.True(producer.TryWrite(2));

        Assert.Equal(new long[] { 1, 2 }, ReadAll(consumer));
    }

    [Fact]
    public void Publish_ClaimOvertakenByTryWrite_ThrowsStaleClaim()
    {
        using var ring = SpscRing<long>.Create(4);
        using var producer = ring.TakeProducer();
        using var consumer = ring.TakeConsumer();
        Assert.True(producer.TryClaim(out var stale));
        Assert.True(producer.TryWrite(1));

        InvalidOperationException? error = null;
        try
        {
            stale.Publish();
        }
        catch (InvalidOperationException e)
        {
            error = e;
        }

        Assert.NotNull(error);
        Assert.Contains("Stale write claim", error.Message);
        Assert.Equal(1, ring.Count);
        Assert.Equal(new long[] { 1 }, ReadAll(consumer));
    }

    [Fact]
    public void Publish_SameClaimTwice_SecondThrowsStaleClaim()
    {
        using var ring = SpscRing<long>.Create(4);
        using var producer = ring.TakeProducer();
        Assert.True(producer.TryClaim(out var claim));
        claim.Message = 5;
        claim.Publish();

        InvalidOperationException? error = null;
        try
        {
            claim.Publish();
        }
        catch (InvalidOperationException e)
        {
            error = e;
        }

        Assert.NotNull(error);
        Assert.Contains("Stale write claim", error.Message);
        Assert.Equal(1, ring.Count);
    }

    [Fact]
    public void TryBeginRead_ThenRelease_GivesMessageInPlaceAndFreesSlotOnlyOnRelease()
    {
        using var ring = SpscRing<long>.Create(2);
        using var producer = ring.TakeProducer();
        using var consumer = ring.TakeConsumer();
        Assert.True(producer.TryWrite(10));
        Assert.True(producer.TryWrite(11));

        Assert.True(consumer.TryBeginRead(out var claim));
        Assert.True(claim.IsValid);
        Assert.Equal(10, claim.Message);

        // Not released yet: the slot still belongs to the consumer.
        Assert.Equal(2, ring.Count);
        Assert.False(producer.TryWrite(12));

        claim.Release();

        Assert.Equal(1, ring.Count);
        Assert.True(producer.TryWrite(12));
        Assert.Equal(new long[] { 11, 12 }, ReadAll(consumer));
    }

    [Fact]
    public void TryBeginRead_NotReleased_NextReadSeesSameMessage()
    {
        using var ring = SpscRing<long>.Create(4);
        using var producer = ring.TakeProducer();
        using var consumer = ring.TakeConsumer();
        Assert.True(producer.TryWrite(1));

        Assert.True(consumer.TryBeginRead(out var first));
        Assert.Equal(1, first.Message);
        Assert.True(consumer.TryBeginRead(out var again));

        Assert.Equal(1, again.Message);
        again.Release();
        Assert.Equal(0, ring.Count);
    }

    [Fact]
    public void TryBeginRead_Empty_ReturnsFalseAndReleaseOfInvalidClaimThrows()
    {
        using var ring = SpscRing<long>.Create(4);
        using var consumer = ring.TakeConsumer();

        Assert.False(consumer.TryBeginRead(out var claim));

        Assert.False(claim.IsValid);
        InvalidOperationException? error = null;
        try
        {
            claim.Release();
        }
        catch (InvalidOperationException e)
        {
            error = e;
        }
        Assert.NotNull(error);
        Assert.Contains("TryBeginRead returned false", error.Message);
    }

    [Fact]
    public void Release_ClaimOvertakenByTryRead_ThrowsStaleClaim()
    {
        using var ring = SpscRing<long>.Create(4);
        using var producer = ring.TakeProducer();
        using var consumer = ring.TakeConsumer();
        Assert.True(producer.TryWrite(1));
        Assert.True(producer.TryWrite(2));
        Assert.True(consumer.TryBeginRead(out var stale));
        Assert.True(consumer.TryRead(out long read));
        Assert.Equal(1, read);

        InvalidOperationException? error = null;
        try
        {
            stale.Release();
        }
        catch (InvalidOperationException e)
        {
            error = e;
        }

        Assert.NotNull(error);
        Assert.Contains("Stale read claim", error.Message);
        Assert.Equal(new long[] { 2 }, ReadAll(consumer));
    }

    [Fact]
    public void Drain_MoreAvailableThanSpan_CopiesSpanLengthInOrderAndLeavesTheRest()
    {
        using var ring = SpscRing<long>.Create(8);
        using var producer = ring.TakeProducer();
        using var consumer = ring.TakeConsumer();
        for (long i = 0; i < 5; i++) Assert.True(producer.TryWrite(i));
        var buffer = new long[3];

        Assert.Equal(3, consumer.Drain(buffer));

        Assert.Equal(new long[] { 0, 1, 2 }, buffer);
        Assert.Equal(2, ring.Count);
        Assert.Equal(new long[] { 3, 4 }, ReadAll(consumer));
    }

    [Fact]
    public void Drain_ExactlyAvailable_CopiesAllAndEmptiesRing()
    {
        using var ring = SpscRing<long>.Create(4);
        using var producer = ring.TakeProducer();
        using var consumer = ring.TakeConsumer();
        // Start mid-ring so the drained run wraps past the last slot.
        for (long i = 0; i < 3; i++) Assert.True(producer.TryWrite(-1));
        Assert.Equal(3, consumer.Drain(new long[3]));
        for (long i = 0; i < 4; i++) Assert.True(producer.TryWrite(i));
        var buffer = new long[4];

        Assert.Equal(4, consumer.Drain(buffer));

        Assert.Equal(new long[] { 0, 1, 2, 3 }, buffer);
        Assert.Equal(0, ring.Count);
        for (long i = 4; i < 8; i++) Assert.True(producer.TryWrite(i)); // every slot was handed back
    }

    [Fact]
    public void Drain_SpanLargerThanAvailable_CopiesOnlyAvailableAndLeavesRestOfSpanUntouched()
    {
        using var ring = SpscRing<long>.Create(8);
        using var producer = ring.TakeProducer();
        using var consumer = ring.TakeConsumer();
        Assert.True(producer.TryWrite(1));
        Assert.True(producer.TryWrite(2));
        var buffer = new long[] { -9, -9, -9, -9 };

        Assert.Equal(2, consumer.Drain(buffer));

        Assert.Equal(new long[] { 1, 2, -9, -9 }, buffer);
        Assert.Equal(0, ring.Count);
    }

    [Fact]
    public void Drain_Empty_ReturnsZeroAndLeavesSpanUntouched()
    {
        using var ring = SpscRing<long>.Create(8);
        using var consumer = ring.TakeConsumer();
        var buffer = new long[] { -9, -9 };

        Assert.Equal(0, consumer.Drain(buffer));
        Assert.Equal(0, consumer.Drain(Span<long>.Empty));

        Assert.Equal(new long[] { -9, -9 }, buffer);
    }

    [Fact]
    public void Drain_MessagesPublishedAfterAnEarlierPartialRead_DrainsEverythingPublished()
    {
        using var ring = SpscRing<long>.Create(16);
        using var producer = ring.TakeProducer();
        using var consumer = ring.TakeConsumer();
        for (long i = 0; i < 3; i++) Assert.True(producer.TryWrite(i));
        Assert.True(consumer.TryRead(out long first)); // the consumer now knows of 3 published messages
        Assert.Equal(0, first);
        for (long i = 3; i < 8; i++) Assert.True(producer.TryWrite(i));
        var buffer = new long[10];

        int drained = consumer.Drain(buffer);

        Assert.Equal(7, drained);
        Assert.Equal(new long[] { 1, 2, 3, 4, 5, 6, 7 }, buffer[..drained]);
    }

    [Fact]
    public void Count_AfterWritesAndReads_IsPublishedMinusConsumed()
    {
        using var ring = SpscRing<long>.Create(8);
        using var producer = ring.TakeProducer();
        using var consumer = ring.TakeConsumer();
        for (long i = 0; i < 6; i++) Assert.True(producer.TryWrite(i));
        Assert.True(consumer.TryRead(out _));
        Assert.True(consumer.TryRead(out _));

        Assert.Equal(4, ring.Count);
        Assert.Equal(4, consumer.Available());
    }

    [Fact]
    public void ProducerStatus_ThroughTakeHeartbeatAndDispose_ReportsNotAttachedAliveStaleNotAttached()
    {
        const long timeoutNs = 1_000_000;
        var clock = new ManualClock(startNs: 5_000_000);
        using var ring = SpscRing<long>.Create(4);
        using var consumer = ring.TakeConsumer();
        Assert.Equal(PeerStatus.NotAttached, consumer.ProducerStatus(clock.NowNs, timeoutNs));

        var producer = ring.TakeProducer();
        Assert.Equal(PeerStatus.Alive, consumer.ProducerStatus(clock.NowNs, timeoutNs)); // no heartbeat sent yet

        producer.Heartbeat(clock.NowNs);
        clock.Advance(timeoutNs);
        Assert.Equal(PeerStatus.Alive, ring.ProducerStatus(clock.NowNs, timeoutNs));
        clock.Advance(1);
        Assert.Equal(PeerStatus.HeartbeatStale, ring.ProducerStatus(clock.NowNs, timeoutNs));
        producer.Heartbeat(clock.NowNs);
        Assert.Equal(PeerStatus.Alive, consumer.ProducerStatus(clock.NowNs, timeoutNs));

        producer.Dispose();
        Assert.Equal(PeerStatus.NotAttached, consumer.ProducerStatus(clock.NowNs, timeoutNs));
    }

    [Fact]
    public void ConsumerStatus_StaleHeartbeat_ReportsHeartbeatStaleUntilNextBeat()
    {
        const long timeoutNs = 500;
        var clock = new ManualClock(startNs: 1_000);
        using var ring = SpscRing<long>.Create(4);
        using var producer = ring.TakeProducer();
        Assert.Equal(PeerStatus.NotAttached, producer.ConsumerStatus(clock.NowNs, timeoutNs));
        using var consumer = ring.TakeConsumer();
        consumer.Heartbeat(clock.NowNs);

        clock.Advance(timeoutNs + 1);
        Assert.Equal(PeerStatus.HeartbeatStale, producer.ConsumerStatus(clock.NowNs, timeoutNs));
        Assert.Equal(PeerStatus.HeartbeatStale, ring.ConsumerStatus(clock.NowNs, timeoutNs));

        consumer.Heartbeat(clock.NowNs);
        Assert.Equal(PeerStatus.Alive, producer.ConsumerStatus(clock.NowNs, timeoutNs));
    }

    [Fact]
    public void DisposeEnd_AfterRingDisposed_DoesNotThrow()
    {
        var ring = SpscRing<long>.Create(4);
        var producer = ring.TakeProducer();
        var consumer = ring.TakeConsumer();

        ring.Dispose();
        producer.Dispose();
        consumer.Dispose();

        Assert.True(ring.Region.IsDisposed);
    }

    private static List<long> ReadAll(SpscConsumer<long> consumer)
    {
        var values = new List<long>();
        while (consumer.TryRead(out long value)) values.Add(value);
        return values;
    }
}
