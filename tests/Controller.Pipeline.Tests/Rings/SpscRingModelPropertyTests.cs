using Controller.Pipeline.Rings;
using Controller.Pipeline.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Controller.Pipeline.Tests.Rings;

/// <summary>
/// Model-based: any sequence of operations on one thread must behave exactly like a bounded
/// <see cref="Queue{T}"/> with a reject counter.
/// </summary>
public sealed class SpscRingModelPropertyTests
{
    public enum OpKind
    {
        Write,
        ClaimPublish,
        ClaimAbandon,
        Read,
        Drain,
        BeginReadRelease,
        BeginReadAbandon,
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
        (4, Gen.Constant(new Op(OpKind.Write))),
        (3, Gen.Constant(new Op(OpKind.ClaimPublish))),
        (1, Gen.Constant(new Op(OpKind.ClaimAbandon))),
        (4, Gen.Constant(new Op(OpKind.Read))),
        (2, Gen.Choose(0, 70).Select(length => new Op(OpKind.Drain, length))),
        (2, Gen.Constant(new Op(OpKind.BeginReadRelease))),
        (1, Gen.Constant(new Op(OpKind.BeginReadAbandon))));

    private static readonly Arbitrary<Scenario> Scenarios = Arb.From(
        from capacity in OperationSequences.PowerOfTwoCapacity
        from ops in OperationSequences.Of(OpGen)
        select new Scenario(capacity, ops),
        scenario => OperationSequences.Shrink(scenario.Ops).Select(ops => scenario with { Ops = ops }));

    [Property(MaxTest = 300)]
    public Property Operations_RandomSequenceOfLongs_MatchBoundedQueueModel() =>
        Prop.ForAll(Scenarios, scenario => Run(scenario, n => n));

    [Property(MaxTest = 300)]
    public Property Operations_RandomSequenceOfPaddedStructs_MatchBoundedQueueModel() =>
        Prop.ForAll(Scenarios, scenario => Run(scenario, Triple.From));

    private static void Run<T>(Scenario scenario, Func<long, T> make) where T : unmanaged, IEquatable<T>
    {
        int capacity = scenario.Capacity;
        using var ring = SpscRing<T>.Create(capacity);
        using var producer = ring.TakeProducer();
        using var consumer = ring.TakeConsumer();
        var model = new Queue<T>();
        long rejected = 0;
        long next = 1;
        var buffer = new T[80];

        for (int step = 0; step < scenario.Ops.Length; step++)
        {
            Op op = scenario.Ops[step];
            string at = $"step {step} ({op})";
            bool hasRoom = model.Count < capacity;
            bool hasMessage = model.Count > 0;
            switch (op.Kind)
            {
                case OpKind.Write:
                {
                    T value = make(next++);
                    Assert.True(hasRoom == producer.TryWrite(value), at);
                    if (hasRoom) model.Enqueue(value);
                    else rejected++;
                    break;
                }
                case OpKind.ClaimPublish:
                case OpKind.ClaimAbandon:
                {
                    T value = make(next++);
                    bool claimed = producer.TryClaim(out var claim);
                    Assert.True(hasRoom == claimed, at);
                    Assert.True(claimed == claim.IsValid, at);
                    if (!claimed)
                    {
                        rejected++;
                    }
                    else if (op.Kind == OpKind.ClaimPublish)
                    {
                        claim.Message = value;
                        claim.Publish();
                        model.Enqueue(value);
                    }
                    else
                    {
                        claim.Message = make(-next); // scribbled, never published
                    }
                    break;
                }
                case OpKind.Read:
                {
                    bool read = consumer.TryRead(out T value);
                    Assert.True(hasMessage == read, at);
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
                case OpKind.BeginReadRelease:
                case OpKind.BeginReadAbandon:
                {
                    bool began = consumer.TryBeginRead(out var claim);
                    Assert.True(hasMessage == began, at);
                    Assert.True(began == claim.IsValid, at);
                    if (began)
                    {
                        Assert.Equal(model.Peek(), claim.Message);
                        if (op.Kind == OpKind.BeginReadRelease)
                        {
                            claim.Release();
                            model.Dequeue();
                        }
                    }
                    break;
                }
            }

            Assert.True(model.Count == ring.Count, $"{at}: Count {ring.Count}, model {model.Count}");
            Assert.True(rejected == ring.RejectedCount, $"{at}: RejectedCount {ring.RejectedCount}, model {rejected}");
            long available = consumer.Available();
            Assert.True(model.Count == 0 ? available == 0 : available >= 1 && available <= model.Count,
                $"{at}: Available {available}, model {model.Count}");
            Assert.InRange(producer.FreeSlots, 0, capacity - model.Count);
        }
    }
}
