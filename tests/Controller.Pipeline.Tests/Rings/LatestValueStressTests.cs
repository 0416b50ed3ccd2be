using Controller.Pipeline.Messages;
using Controller.Pipeline.Rings;
using Controller.Pipeline.Tests.Support;
using Xunit.Abstractions;

namespace Controller.Pipeline.Tests.Rings;

/// <summary>
/// One writer overwriting as fast as it can, several readers: every successful read is one whole write
/// (all fields from the same write, matching the version), and each reader's versions never go back.
/// </summary>
[Collection(ConcurrencyCollection.Name)]
public sealed class LatestValueStressTests(ITestOutputHelper output)
{
    private const int Readers = 2;

    /// <summary>The writer keeps going (up to <see cref="MaxExtraFactor"/> times its count) until each reader has this many successes.</summary>
    private const long WantedSuccessesPerReader = 1000;

    private const long MaxExtraFactor = 20;

    [Fact]
    public void TryRead_WriterOverwritingThirtyTwoLongs_EverySuccessIsConsistentAndVersionsNeverDecrease()
    {
        const long writes = 1_000_000;
        using var mailbox = LatestValue<Longs32>.Create();
        using var writer = mailbox.TakeWriter();
        var abort = new StressAbort();
        var successes = new long[Readers];
        long written = 0;
        int writerDone = 0;

        var bodies = new List<Action>
        {
            () =>
            {
                for (long n = 1; n <= writes || (NeedMoreReads(successes) && n <= writes * MaxExtraFactor); n++)
                {
                    writer.Write(Longs32.Filled(n));
                    written = n;
                    if ((n & 1023) == 0) abort.ThrowIfAborted();
                }
                Volatile.Write(ref writerDone, 1);
            },
        };
        for (int r = 0; r < Readers; r++)
        {
            int reader = r;
            bodies.Add(() =>
            {
                long lastVersion = 0;
                while (Volatile.Read(ref writerDone) == 0)
                {
                    abort.ThrowIfAborted();
                    var status = mailbox.TryRead(out Longs32 value, out long version);
                    if (status != MailboxReadStatus.Success) continue;
                    ReadOnlySpan<long> fields = value;
                    for (int i = 0; i < Longs32.Length; i++)
                    {
                        if (fields[i] != version)
                        {
                            throw new Xunit.Sdk.XunitException(
                                $"torn read at version {version}: field {i} is {fields[i]} (field 0 is {fields[0]})");
                        }
                    }
                    if (version < lastVersion)
                    {
                        throw new Xunit.Sdk.XunitException($"version went back from {lastVersion} to {version}");
                    }
                    lastVersion = version;
                    Volatile.Write(ref successes[reader], successes[reader] + 1);
                }
            });
        }

        DedicatedThreads.Run(abort, bodies.ToArray());

        output.WriteLine($"writes {written}, successful reads {string.Join(", ", successes)}, contended reads {mailbox.ContendedReads}");
        Assert.All(successes, count => Assert.True(count > 0, "a reader never completed a read while the writer ran"));
        Assert.Equal(MailboxReadStatus.Success, mailbox.TryRead(out Longs32 final, out long finalVersion));
        Assert.Equal(written, finalVersion);
        Assert.Equal(written, mailbox.Version);
        Assert.Equal(written, ((ReadOnlySpan<long>)final)[Longs32.Length - 1]);
    }

    [Fact]
    public void TryRead_WriterOverwritingJointState_EverySuccessHasAllPositionsEqualToItsSequence()
    {
        const long writes = 300_000;
        using var mailbox = LatestValue<JointState>.Create();
        using var writer = mailbox.TakeWriter();
        var abort = new StressAbort();
        var successes = new long[Readers];
        long written = 0;
        int writerDone = 0;

        var bodies = new List<Action>
        {
            () =>
            {
                var state = new JointState { JointCount = MessageLimits.MaxJoints };
                for (long n = 1; n <= writes || (NeedMoreReads(successes) && n <= writes * MaxExtraFactor); n++)
                {
                    written = n;
                    state.Header = new MessageHeader(n, n * 1000);
                    ((Span<double>)state.Position).Fill(n);
                    ((Span<double>)state.Effort).Fill(-n);
                    writer.Write(state);
                    if ((n & 1023) == 0) abort.ThrowIfAborted();
                }
                Volatile.Write(ref writerDone, 1);
            },
        };
        for (int r = 0; r < Readers; r++)
        {
            int reader = r;
            bodies.Add(() =>
            {
                long lastSequence = 0;
                while (Volatile.Read(ref writerDone) == 0)
                {
                    abort.ThrowIfAborted();
                    if (mailbox.TryRead(out JointState state, out long version) != MailboxReadStatus.Success) continue;
                    long sequence = state.Header.Sequence;
                    if (sequence != version || state.Header.TimestampNs != sequence * 1000)
                    {
                        throw new Xunit.Sdk.XunitException($"header {sequence}/{state.Header.TimestampNs} does not match version {version}");
                    }
                    ReadOnlySpan<double> positions = state.Position;
                    ReadOnlySpan<double> efforts = state.Effort;
                    for (int j = 0; j < MessageLimits.MaxJoints; j++)
                    {
                        if (positions[j] != sequence || efforts[j] != -sequence)
                        {
                            throw new Xunit.Sdk.XunitException(
                                $"torn read of sequence {sequence}: joint {j} position {positions[j]}, effort {efforts[j]}");
                        }
                    }
                    if (sequence < lastSequence) throw new Xunit.Sdk.XunitException($"sequence went back from {lastSequence} to {sequence}");
                    lastSequence = sequence;
                    Volatile.Write(ref successes[reader], successes[reader] + 1);
                }
            });
        }

        DedicatedThreads.Run(abort, bodies.ToArray());

        output.WriteLine($"writes {written}, successful reads {string.Join(", ", successes)}, contended reads {mailbox.ContendedReads}");
        Assert.All(successes, count => Assert.True(count > 0, "a reader never completed a read while the writer ran"));
        Assert.Equal(MailboxReadStatus.Success, mailbox.TryRead(out JointState final));
        Assert.Equal(written, final.Header.Sequence);
        Assert.Equal(written, mailbox.Version);
    }

    private static bool NeedMoreReads(long[] successes)
    {
        foreach (ref long count in successes.AsSpan())
        {
            if (Volatile.Read(ref count) < WantedSuccessesPerReader) return true;
        }
        return false;
    }
}
