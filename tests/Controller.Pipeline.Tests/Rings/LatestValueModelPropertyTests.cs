using Controller.Pipeline.Rings;
using Controller.Pipeline.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Controller.Pipeline.Tests.Rings;

/// <summary>
/// Model-based, single thread: the mailbox is a variable that remembers the last write, and its version
/// counts the writes, whoever the writer was.
/// </summary>
public sealed class LatestValueModelPropertyTests
{
    public enum OpKind
    {
        Write,
        Read,
        ReadWithVersion,
        ReplaceWriter,
    }

    private static readonly Arbitrary<OpKind[]> Sequences = Arb.From(
        OperationSequences.Of(Gen.Frequency(
            (4, Gen.Constant(OpKind.Write)),
            (3, Gen.Constant(OpKind.Read)),
            (2, Gen.Constant(OpKind.ReadWithVersion)),
            (1, Gen.Constant(OpKind.ReplaceWriter))), maxLength: 200),
        OperationSequences.Shrink);

    [Property(MaxTest = 300)]
    public Property Operations_RandomSequenceOfLongs_ReadReturnsLastWriteAndVersionCountsWrites() =>
        Prop.ForAll(Sequences, ops => Run(ops, n => n));

    [Property(MaxTest = 200)]
    public Property Operations_RandomSequenceOfPaddedStructs_ReadReturnsLastWriteAndVersionCountsWrites() =>
        Prop.ForAll(Sequences, ops => Run(ops, Triple.From));

    private static void Run<T>(OpKind[] ops, Func<long, T> make) where T : unmanaged, IEquatable<T>
    {
        using var mailbox = LatestValue<T>.Create();
        var writer = mailbox.TakeWriter();
        try
        {
            long writes = 0;
            T last = default;
            for (int step = 0; step < ops.Length; step++)
            {
                string at = $"step {step} ({ops[step]}) of [{string.Join(", ", ops)}]";
                switch (ops[step])
                {
                    case OpKind.Write:
                        last = make(writes + 1);
                        writer.Write(last);
                        writes++;
                        break;
                    case OpKind.Read:
                    {
                        var status = mailbox.TryRead(out T value);
                        Assert.True((writes == 0 ? MailboxReadStatus.Empty : MailboxReadStatus.Success) == status, at);
                        Assert.Equal(last, value);
                        break;
                    }
                    case OpKind.ReadWithVersion:
                    {
                        var status = mailbox.TryRead(out T value, out long version, maxRetries: 0);
                        Assert.True((writes == 0 ? MailboxReadStatus.Empty : MailboxReadStatus.Success) == status, at);
                        Assert.Equal(last, value);
                        Assert.True(writes == version, $"{at}: version {version}, writes {writes}");
                        break;
                    }
                    case OpKind.ReplaceWriter:
                        writer.Dispose();
                        writer = mailbox.TakeWriter();
                        break;
                }

                Assert.True(writes == mailbox.Version, $"{at}: Version {mailbox.Version}, writes {writes}");
                Assert.Equal(0, mailbox.ContendedReads);
            }
        }
        finally
        {
            writer.Dispose();
        }
    }
}
