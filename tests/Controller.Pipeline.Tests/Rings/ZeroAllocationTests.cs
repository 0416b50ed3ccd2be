using Controller.Pipeline.Messages;
using Controller.Pipeline.Rings;
using Controller.Pipeline.Tests.Support;

namespace Controller.Pipeline.Tests.Rings;

/// <summary>The hot paths allocate nothing: a million operations, measured on the thread that runs them.</summary>
public sealed class ZeroAllocationTests
{
    private const int Operations = 1_000_000;

    [Fact]
    public void SpscTryWriteTryRead_MillionPairs_AllocatesZeroBytes()
    {
        using var ring = SpscRing<StressMessage>.Create(64);
        using var producer = ring.TakeProducer();
        using var consumer = ring.TakeConsumer();
        long checksum = 0;

        long allocated = Allocations.OfCurrentThread(() =>
        {
            for (long i = 0; i < Operations; i++)
            {
                producer.TryWrite(StressMessage.Create(1, i));
                consumer.TryRead(out var message);
                checksum += message.Sequence;
            }
        });

        Assert.Equal(0, allocated);
        Assert.Equal(2 * ((long)Operations * (Operations - 1) / 2), checksum);
    }

    [Fact]
    public void SpscClaimPublishBeginReadRelease_MillionPairs_AllocatesZeroBytes()
    {
        using var ring = SpscRing<ActionChunk>.Create(4);
        using var producer = ring.TakeProducer();
        using var consumer = ring.TakeConsumer();
        long steps = 0;

        long allocated = Allocations.OfCurrentThread(() =>
        {
            for (int i = 0; i < Operations; i++)
            {
                if (producer.TryClaim(out var claim))
                {
                    claim.Message.SetShape(1 + (i & 63), 7);
                    claim.Message.Row(0)[0] = i;
                    claim.Publish();
                }
                if (consumer.TryBeginRead(out var read))
                {
                    steps += read.Message.Steps;
                    read.Release();
                }
            }
        });

        Assert.Equal(0, allocated);
        Assert.True(steps > 0);
    }

    [Fact]
    public void SpscDrain_MillionMessagesInBatches_AllocatesZeroBytes()
    {
        using var ring = SpscRing<long>.Create(256);
        using var producer = ring.TakeProducer();
        using var consumer = ring.TakeConsumer();
        var buffer = new long[200];
        long drained = 0;

        long allocated = Allocations.OfCurrentThread(() =>
        {
            for (int i = 0; i < Operations; i += 200)
            {
                for (int j = 0; j < 200; j++) producer.TryWrite(i + j);
                drained += consumer.Drain(buffer);
            }
        });

        Assert.Equal(0, allocated);
        Assert.Equal(2L * (Operations / 200) * 200, drained);
        Assert.Equal(0, ring.RejectedCount);
    }

    [Fact]
    public void MpscTryWriteTryReadDrain_MillionPairs_AllocatesZeroBytes()
    {
        using var ring = MpscRing<StressMessage>.Create(64);
        using var consumer = ring.TakeConsumer();
        var buffer = new StressMessage[8];
        long count = 0;

        long allocated = Allocations.OfCurrentThread(() =>
        {
            for (long i = 0; i < Operations; i++)
            {
                ring.TryWrite(StressMessage.Create(2, i));
                if ((i & 1) == 0) count += consumer.TryRead(out _) ? 1 : 0;
                else count += consumer.Drain(buffer);
                consumer.IsNextSlotStalled();
            }
        });

        Assert.Equal(0, allocated);
        Assert.Equal(2L * Operations, count);
        Assert.Equal(0, ring.DroppedCount);
    }

    [Fact]
    public void LatestValueWriteTryRead_MillionPairs_AllocatesZeroBytes()
    {
        using var mailbox = LatestValue<JointState>.Create();
        using var writer = mailbox.TakeWriter();
        var state = new JointState { JointCount = 7 };
        long matches = 0;

        long allocated = Allocations.OfCurrentThread(() =>
        {
            for (long i = 0; i < Operations; i++)
            {
                state.Header.Sequence = i;
                writer.Write(state);
                if (mailbox.TryRead(out JointState read, out long version) == MailboxReadStatus.Success &&
                    read.Header.Sequence == i && version == mailbox.Version)
                {
                    matches++;
                }
            }
        });

        Assert.Equal(0, allocated);
        Assert.Equal(2L * Operations, mailbox.Version);
        Assert.Equal(2L * Operations, matches);
    }
}
