using Controller.Pipeline.Memory;
using Controller.Pipeline.Rings;
using Controller.Pipeline.Time;

namespace Controller.Pipeline.Tests.Rings;

public sealed unsafe class MpscRingTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(-4)]
    [InlineData(12)]
    [InlineData(int.MaxValue)]
    public void Create_InvalidCapacity_ThrowsArgumentOutOfRangeNamingValueAndRule(int capacity)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => MpscRing<long>.Create(capacity));

        Assert.Equal((long)capacity, error.ActualValue);
        Assert.Contains($"{capacity} is not", error.Message);
        Assert.Contains("power of two", error.Message);
    }

    [Fact]
    public void TakeConsumer_Twice_SecondThrowsAndAfterDisposeCanBeTakenAgain()
    {
        using var ring = MpscRing<long>.Create(4);
        var first = ring.TakeConsumer();

        var error = Assert.Throws<InvalidOperationException>(() => ring.TakeConsumer());
        Assert.Contains("consumer", error.Message);

        first.Dispose();
        using var second = ring.TakeConsumer();
    }

    [Fact]
    public void TryWriteTryRead_AcrossLaps_ReadsInWriteOrder()
    {
        using var ring = MpscRing<long>.Create(4);
        using var consumer = ring.TakeConsumer();
        var read = new List<long>();

        for (long i = 0; i < 50; i++)
        {
            Assert.True(ring.TryWrite(i));
            if (i % 4 == 3)
            {
                while (consumer.TryRead(out long value)) read.Add(value);
            }
        }
        while (consumer.TryRead(out long value)) read.Add(value);

        Assert.Equal(Enumerable.Range(0, 50).Select(i => (long)i), read);
        Assert.Equal(0, ring.DroppedCount);
    }

    [Fact]
    public void TryWrite_FullRing_ReturnsFalseAndCountsDrops()
    {
        using var ring = MpscRing<long>.Create(2);
        using var consumer = ring.TakeConsumer();
        Assert.True(ring.TryWrite(1));
        Assert.True(ring.TryWrite(2));

        Assert.False(ring.TryWrite(3));
        Assert.False(ring.TryWrite(4));

        Assert.Equal(2, ring.DroppedCount);
        var buffer = new long[4];
        Assert.Equal(2, consumer.Drain(buffer));
        Assert.Equal(new long[] { 1, 2, 0, 0 }, buffer);
        Assert.True(ring.TryWrite(5));
        Assert.True(consumer.TryRead(out long five));
        Assert.Equal(5, five);
    }

    [Fact]
    public void Drain_PartialAndEmpty_CopiesInOrderUpToSpanLength()
    {
        using var ring = MpscRing<long>.Create(8);
        using var consumer = ring.TakeConsumer();
        for (long i = 0; i < 5; i++) Assert.True(ring.TryWrite(i));
        var buffer = new long[3];

        Assert.Equal(3, consumer.Drain(buffer));
        Assert.Equal(new long[] { 0, 1, 2 }, buffer);
        Assert.Equal(2, consumer.Drain(buffer));
        Assert.Equal(new long[] { 3, 4 }, buffer[..2]);
        Assert.Equal(0, consumer.Drain(buffer));
    }

    [Fact]
    public void IsNextSlotStalled_ProducerClaimedButNeverPublished_IsTrueAndSkipStepsOverItCountingADrop()
    {
        using var ring = MpscRing<long>.Create(4);
        using var consumer = ring.TakeConsumer();
        Assert.True(ring.TryWrite(10));
        ClaimWithoutPublishing(ring); // a producer that died between its claim and its publish
        Assert.True(ring.TryWrite(12));

        Assert.True(consumer.TryRead(out long first));
        Assert.Equal(10, first);
        Assert.False(consumer.TryRead(out _)); // blocked behind the unpublished slot
        Assert.True(consumer.IsNextSlotStalled());

        Assert.True(consumer.SkipStalledSlot());

        Assert.Equal(1, ring.DroppedCount);
        Assert.False(consumer.IsNextSlotStalled());
        Assert.True(consumer.TryRead(out long third));
        Assert.Equal(12, third);
        Assert.False(consumer.TryRead(out _));
    }

    [Fact]
    public void SkipStalledSlot_SkippedSlot_IsReusableOnLaterLaps()
    {
        using var ring = MpscRing<long>.Create(4);
        using var consumer = ring.TakeConsumer();
        ClaimWithoutPublishing(ring);
        Assert.True(consumer.SkipStalledSlot());

        // Three more laps over every slot, the skipped one included.
        for (long lap = 0; lap < 3; lap++)
        {
            for (long i = 0; i < 4; i++) Assert.True(ring.TryWrite(lap * 10 + i));
            Assert.False(ring.TryWrite(-1));
            for (long i = 0; i < 4; i++)
            {
                Assert.True(consumer.TryRead(out long value));
                Assert.Equal(lap * 10 + i, value);
            }
        }

        Assert.Equal(1 + 3, ring.DroppedCount); // the skipped message and one full-ring drop per lap
    }

    [Fact]
    public void SkipStalledSlot_HealthyRingWithMessages_DoesNothing()
    {
        using var ring = MpscRing<long>.Create(4);
        using var consumer = ring.TakeConsumer();
        Assert.True(ring.TryWrite(1));
        Assert.True(ring.TryWrite(2));

        Assert.False(consumer.IsNextSlotStalled());
        Assert.False(consumer.SkipStalledSlot());

        Assert.Equal(0, ring.DroppedCount);
        Assert.True(consumer.TryRead(out long first));
        Assert.Equal(1, first);
    }

    [Fact]
    public void SkipStalledSlot_EmptyRing_DoesNothing()
    {
        using var ring = MpscRing<long>.Create(4);
        using var consumer = ring.TakeConsumer();
        for (long i = 0; i < 6; i++)
        {
            Assert.True(ring.TryWrite(i));
            Assert.True(consumer.TryRead(out _));
        }

        Assert.False(consumer.IsNextSlotStalled());
        Assert.False(consumer.SkipStalledSlot());

        Assert.Equal(0, ring.DroppedCount);
        Assert.True(ring.TryWrite(6));
        Assert.True(consumer.TryRead(out long six));
        Assert.Equal(6, six);
    }

    [Fact]
    public void ConsumerStatus_TakeHeartbeatDispose_ReportsNotAttachedAliveStaleNotAttached()
    {
        const long timeoutNs = 100;
        var clock = new ManualClock(startNs: 1_000);
        using var ring = MpscRing<long>.Create(4);
        Assert.Equal(PeerStatus.NotAttached, ring.ConsumerStatus(clock.NowNs, timeoutNs));

        var consumer = ring.TakeConsumer();
        consumer.Heartbeat(clock.NowNs);
        Assert.Equal(PeerStatus.Alive, ring.ConsumerStatus(clock.NowNs, timeoutNs));
        clock.Advance(timeoutNs + 1);
        Assert.Equal(PeerStatus.HeartbeatStale, ring.ConsumerStatus(clock.NowNs, timeoutNs));

        consumer.Dispose();
        Assert.Equal(PeerStatus.NotAttached, ring.ConsumerStatus(clock.NowNs, timeoutNs));
    }

    /// <summary>Advances the shared write cursor by one, as a producer's claim does, and never publishes the slot.</summary>
    private static void ClaimWithoutPublishing(MpscRing<long> ring)
    {
        RegionHeader* header = ring.Header;
        long position = Volatile.Read(ref header->Producer.Cursor);
        Assert.Equal(position, Interlocked.CompareExchange(ref header->Producer.Cursor, position + 1, position));
    }
}
