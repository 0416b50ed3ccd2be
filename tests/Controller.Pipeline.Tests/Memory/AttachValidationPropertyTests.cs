using Controller.Pipeline.Memory;
using Controller.Pipeline.Rings;
using Controller.Pipeline.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Controller.Pipeline.Tests.Memory;

/// <summary>
/// A shared file whose bytes were changed (or whose length was) either attaches, only when every identity
/// field of the header is as the creator wrote it, or is refused with <see cref="PipelineAttachException"/>:
/// never another exception, never a crash.
/// </summary>
public sealed class AttachValidationPropertyTests
{
    public enum Kind
    {
        SpscRing,
        MpscRing,
        LatestValue,
    }

    public enum MutationKind
    {
        Set,
        FlipBit,
    }

    public readonly record struct Mutation(int Offset, MutationKind Kind, byte Value)
    {
        public override string ToString() => Kind == MutationKind.Set ? $"[{Offset}]={Value}" : $"[{Offset}]^=bit{Value}";
    }

    public sealed record Scenario(Kind Kind, Mutation[] Mutations, int LengthChange)
    {
        public override string ToString() => $"{Kind}, length {LengthChange:+0;-0;0}, {string.Join(" ", Mutations)}";
    }

    private static readonly Dictionary<Kind, byte[]> Images = new()
    {
        [Kind.SpscRing] = HeaderImages.Capture(path => SpscRing<long>.CreateShared(path, 16)),
        [Kind.MpscRing] = HeaderImages.Capture(path => MpscRing<long>.CreateShared(path, 16)),
        [Kind.LatestValue] = HeaderImages.Capture(path => LatestValue<long>.CreateShared(path)),
    };

    private static readonly Gen<int> Offsets = Gen.Frequency(
        (8, Gen.Choose(0, HeaderImages.IdentityLength - 1)), // the identity fields
        (2, Gen.Choose(HeaderImages.IdentityLength, RegionHeader.Size - 1)), // padding and endpoint lines
        (1, Gen.Choose(RegionHeader.Size, RegionHeader.Size + 15))); // the first data bytes

    private static readonly Gen<Mutation> Mutations =
        from offset in Offsets
        from mutation in Gen.Frequency(
            (3, Gen.Choose(0, 255).Select(value => new Mutation(offset, MutationKind.Set, (byte)value))),
            (3, Gen.Choose(0, 7).Select(bit => new Mutation(offset, MutationKind.FlipBit, (byte)bit))),
            (2, Gen.Elements<byte>(0, 1, 2, 4, 8, 16, 32, 64, 128, 255).Select(value => new Mutation(offset, MutationKind.Set, value))))
        select mutation;

    private static readonly Arbitrary<Scenario> Scenarios = Arb.From(
        from kind in Gen.Elements(Kind.SpscRing, Kind.MpscRing, Kind.LatestValue)
        from mutations in Gen.Choose(0, 4).SelectMany(count => Gen.ArrayOf(Mutations, count))
        from lengthChange in Gen.Frequency(
            (12, Gen.Constant(0)),
            (1, Gen.Choose(-Images[kind].Length, -1)),
            (1, Gen.Choose(1, 4096)))
        select new Scenario(kind, mutations, lengthChange),
        scenario => OperationSequences.Shrink(scenario.Mutations).Select(m => scenario with { Mutations = m })
            .Prepend(scenario with { LengthChange = 0 }).Where(s => s != scenario));

    [Property(MaxTest = 400)]
    public Property OpenShared_MutatedFile_AttachesOnlyWhenIdentityIntactOtherwiseThrowsPipelineAttachException() =>
        Prop.ForAll(Scenarios, scenario =>
        {
            byte[] original = Images[scenario.Kind];
            byte[] bytes = Mutate(original, scenario);
            bool intact = bytes.Length == original.Length &&
                bytes.AsSpan(0, HeaderImages.IdentityLength).SequenceEqual(original.AsSpan(0, HeaderImages.IdentityLength));
            using var path = new SharedPath("mutated");
            File.WriteAllBytes(path, bytes);

            IDisposable? attached = null;
            try
            {
                attached = Open(scenario.Kind, path);
            }
            catch (PipelineAttachException error)
            {
                Assert.False(intact, $"an intact header was refused: {error.Message}");
                Assert.Contains(path.Value, error.Message);
                return;
            }
            using (attached)
            {
                Assert.True(intact, "a header with changed identity bytes was attached");
            }
        });

    private static byte[] Mutate(byte[] original, Scenario scenario)
    {
        var bytes = new byte[original.Length + scenario.LengthChange];
        original.AsSpan(0, Math.Min(original.Length, bytes.Length)).CopyTo(bytes);
        foreach (var mutation in scenario.Mutations)
        {
            if (mutation.Offset >= bytes.Length) continue;
            if (mutation.Kind == MutationKind.Set) bytes[mutation.Offset] = mutation.Value;
            else bytes[mutation.Offset] ^= (byte)(1 << mutation.Value);
        }
        return bytes;
    }

    private static IDisposable Open(Kind kind, string path) => kind switch
    {
        Kind.SpscRing => SpscRing<long>.OpenShared(path),
        Kind.MpscRing => MpscRing<long>.OpenShared(path),
        _ => LatestValue<long>.OpenShared(path),
    };
}
