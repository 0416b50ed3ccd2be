using Controller.Pipeline.Rings;
using Controller.Pipeline.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Controller.Pipeline.Tests.Rings;

/// <summary>
/// Model-based, single thread: any sequence of operations must behave exactly like a bounded
/// <see cref="Queue{T}"/> that drops (and counts) writes to a full queue.
/// </summary>
public sealed class MpscRingModelPropertyTests
{
    public enum OpKind
    {
        Write,
        Read,
        Drain,
        CheckNotStalled,
    }

    public readonly record struct Op(OpKind Kind, int DrainLength = 0)
    {
        public override string ToString() => Kind == OpKind.Drain ? $"Drain({DrainLength})" : Kind.ToString();
    }

    public sealed record Scenario(int Capacity, Op[] Ops)
    {
        public override string ToString() => $"capacity {Capacity}: [{string.Join(", ", Ops)}]";
    }

    private static readonly Gen<Op> OpGen = Gen.Frequency(
        (5, Gen.Constant(new Op(OpKind.Write))),
        (4, Gen.Constant(new Op(OpKind.Read))),
        (2, Gen.Choose(0, 70).Select(length => new Op(OpKind.Drain, length))),
        (1, Gen.Constant(new Op(OpKind.CheckNotStalled))));

    private static readonly Arbitrary<Scenario> Scenarios = Arb.From(
        from capacity in OperationSequences.PowerOfTwoCapacity
        from ops in OperationSequences.Of(OpGen)
        select new Scenario(capacity, ops),
        scenario => OperationSequences.Shrink(scenario.Ops).Select(ops => scenario with { Ops = ops }));

    [Property(MaxTest = 300)]
    public Property Operations_RandomSequenceOfLongs_MatchDroppingQueueModel() =>
        Prop.ForAll(Scenarios, scenario => Run(scenario, n => n));

    [Property(MaxTest = 200)]
    public Property Operations_RandomSequenceOfPaddedStructs_MatchDroppingQueueModel() =>
        Prop.ForAll(Scenarios, scenario => Run(scenario, Triple.From));

    private static void Run<T>(Scenario scenario, Func<long, T> make) where T : unmanaged, IEquatable<T>
    {
        using var ring = MpscRing<T>.Create(scenario.Capacity);
        using var consumer = ring.TakeConsumer();
        var model = new Queue<T>();
        long dropped = 0;
        long next = 1;
        var buffer = new T[80];

        for (int step = 0; step < scenario.Ops.Length; step++)
        {
            Op op = scenario.Ops[step];
            string at = $"step {step} ({op})";
            switch (op.Kind)
            {
                case OpKind.Write:
                {
                    T value = make(next++);
                    bool hasRoom = model.Count < scenario.Capacity;
                    Assert.True(hasRoom == ring.TryWrite(value), at);
                    if (hasRoom) model.Enqueue(value);
                    else dropped++;
                    break;
                }
                case OpKind.Read:
                {
                    bool read = consumer.TryRead(out T value);
                    Assert.True(model.Count > 0 == read, at);
                    Assert.Equal(read ? model.Dequeue() : default, value);
                    break;
                }
                case OpKind.Drain:
                {
                    var destination = buffer.AsSpan(0, op.DrainLength);
                    int drained = consumer.Drain(destination);
                    Assert.True(Math.Min(op.DrainLength, model.Count) == drained, $"{at}: drained {drained} of {model.Count}");
                    for (int i = 0; i < drained; i++) Assert.Equal(model.Dequeue(), destination[i]);
                    break;
                }
                case OpKind.CheckNotStalled:
                    Assert.False(consumer.IsNextSlotStalled(), at);
                    Assert.False(consumer.SkipStalledSlot(), at);
                    break;
            }

            Assert.True(dropped == ring.DroppedCount, $"{at}: DroppedCount {ring.DroppedCount}, model {dropped}");
        }
    }
}
