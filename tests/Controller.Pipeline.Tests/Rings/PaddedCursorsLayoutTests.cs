using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Controller.Pipeline.Messages;
using Controller.Pipeline.Rings;

namespace Controller.Pipeline.Tests.Rings;

/// <summary>The false-sharing defences are layout facts; these tests pin them down.</summary>
public sealed class PaddedCursorsLayoutTests
{
    [Fact]
    public void PaddedCursors_Layout_HotWordsFencedBy128BytesOnEachSide()
    {
        int next = (int)Marshal.OffsetOf<PaddedCursors>(nameof(PaddedCursors.Next));
        int cached = (int)Marshal.OffsetOf<PaddedCursors>(nameof(PaddedCursors.CachedPeer));

        Assert.Equal(128, next);
        Assert.Equal(136, cached);
        Assert.Equal(PaddedCursors.Size, Unsafe.SizeOf<PaddedCursors>());
        Assert.True(Unsafe.SizeOf<PaddedCursors>() - (cached + 8) >= 128, "padding after the hot words");
    }

    [Fact]
    public unsafe void SpscRing_Slots_Are64ByteAlignedWithStampBeforeMessage()
    {
        using var small = SpscRing<long>.Create(8);
        using var cacheLine = SpscRing<Wrench>.Create(8);
        using var large = SpscRing<JointState>.Create(8);

        foreach (var (stride, size) in new[] { (small.SlotStride, 8), (cacheLine.SlotStride, Unsafe.SizeOf<Wrench>()), (large.SlotStride, Unsafe.SizeOf<JointState>()) })
        {
            Assert.Equal(0, stride % 64);
            Assert.True(stride >= SpscRing<long>.MessageOffset + size);
            Assert.True(stride - (SpscRing<long>.MessageOffset + size) < 64, "no more than one line of padding per slot");
        }
        Assert.Equal(0, (long)small.Slots % 64);
        Assert.Equal(8, SpscRing<long>.MessageOffset);
    }
}
