using Controller.Pipeline.Memory;
using Controller.Pipeline.Messages;
using Controller.Pipeline.Rings;
using Controller.Pipeline.Time;

namespace Controller.Pipeline.Tests.Rings;

public sealed unsafe class LatestValueTests
{
    [Fact]
    public void TryRead_BeforeFirstWrite_ReturnsEmptyWithVersionZero()
    {
        using var mailbox = LatestValue<long>.Create();

        Assert.Equal(MailboxReadStatus.Empty, mailbox.TryRead(out long value, out long version));

        Assert.Equal(0, value);
        Assert.Equal(0, version);
        Assert.Equal(0, mailbox.Version);
    }

    [Fact]
    public void TryRead_AfterWrites_ReturnsLatestValueAndVersionCountsWrites()
    {
        using var mailbox = LatestValue<long>.Create();
        using var writer = mailbox.TakeWriter();

        writer.Write(7);
        writer.Write(8);
        writer.Write(9);

        Assert.Equal(MailboxReadStatus.Success, mailbox.TryRead(out long value, out long version));
        Assert.Equal(9, value);
        Assert.Equal(3, version);
        Assert.Equal(3, mailbox.Version);
        Assert.Equal(MailboxReadStatus.Success, mailbox.TryRead(out long again));
        Assert.Equal(9, again); // reading does not consume
    }

    [Fact]
    public void Write_JointState_RoundTripsEveryJoint()
    {
        using var mailbox = LatestValue<JointState>.Create();
        using var writer = mailbox.TakeWriter();
        var state = new JointState { Header = new MessageHeader(5, 123), JointCount = MessageLimits.MaxJoints, FreshMask = ulong.MaxValue };
        for (int i = 0; i < MessageLimits.MaxJoints; i++)
        {
            state.Position[i] = i;
            state.Velocity[i] = -i;
            state.Effort[i] = i * 0.5;
        }

        writer.Write(state);

        Assert.Equal(MailboxReadStatus.Success, mailbox.TryRead(out JointState read));
        Assert.Equal(5, read.Header.Sequence);
        Assert.Equal(ulong.MaxValue, read.FreshMask);
        Assert.Equal(((ReadOnlySpan<double>)state.Position).ToArray(), ((ReadOnlySpan<double>)read.Position).ToArray());
        Assert.Equal(((ReadOnlySpan<double>)state.Velocity).ToArray(), ((ReadOnlySpan<double>)read.Velocity).ToArray());
        Assert.Equal(((ReadOnlySpan<double>)state.Effort).ToArray(), ((ReadOnlySpan<double>)read.Effort).ToArray());
    }

    [Fact]
    public void TakeWriter_Twice_SecondThrowsAndAfterDisposeVersionContinues()
    {
        using var mailbox = LatestValue<long>.Create();
        var first = mailbox.TakeWriter();
        first.Write(1);

        var error = Assert.Throws<InvalidOperationException>(() => mailbox.TakeWriter());
        Assert.Contains("writer", error.Message);

        first.Dispose();
        using var second = mailbox.TakeWriter();
        second.Write(2);

        Assert.Equal(MailboxReadStatus.Success, mailbox.TryRead(out long value, out long version));
        Assert.Equal(2, value);
        Assert.Equal(2, version);
    }

    [Fact]
    public void TryRead_WriterDiedMidWrite_ReportsContendedUntilANewWriterWrites()
    {
        using var mailbox = LatestValue<long>.Create();
        using (var writer = mailbox.TakeWriter())
        {
            writer.Write(1);
            writer.Write(2);
        }
        // A writer that died after making the sequence odd and before making it even again.
        Volatile.Write(ref mailbox.Header->Producer.Cursor, 5);
        *mailbox.Value = 999;

        Assert.Equal(MailboxReadStatus.Contended, mailbox.TryRead(out long torn, out _, maxRetries: 3));
        Assert.Equal(0, torn);
        Assert.Equal(1, mailbox.ContendedReads);

        using var takeover = mailbox.TakeWriter();
        takeover.Write(3);

        Assert.Equal(MailboxReadStatus.Success, mailbox.TryRead(out long value, out long version));
        Assert.Equal(3, value);
        Assert.Equal(4, version); // the interrupted write counts: sequence rounded up from 5 to 6, then 8
        Assert.Equal(1, mailbox.ContendedReads);
    }

    [Fact]
    public void WriterStatus_TakeHeartbeatDispose_ReportsNotAttachedAliveStaleNotAttached()
    {
        const long timeoutNs = 10;
        var clock = new ManualClock(startNs: 100);
        using var mailbox = LatestValue<long>.Create();
        Assert.Equal(PeerStatus.NotAttached, mailbox.WriterStatus(clock.NowNs, timeoutNs));

        var writer = mailbox.TakeWriter();
        writer.Heartbeat(clock.NowNs);
        Assert.Equal(PeerStatus.Alive, mailbox.WriterStatus(clock.NowNs, timeoutNs));
        clock.Advance(timeoutNs + 1);
        Assert.Equal(PeerStatus.HeartbeatStale, mailbox.WriterStatus(clock.NowNs, timeoutNs));

        writer.Dispose();
        Assert.Equal(PeerStatus.NotAttached, mailbox.WriterStatus(clock.NowNs, timeoutNs));
    }
}
