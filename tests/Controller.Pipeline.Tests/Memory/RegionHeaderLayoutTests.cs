using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Controller.Pipeline.Memory;
using Controller.Pipeline.Messages;
using Controller.Pipeline.Rings;
using Controller.Pipeline.Tests.Support;

namespace Controller.Pipeline.Tests.Memory;

public sealed unsafe class RegionHeaderLayoutTests
{
    private const int Block = 128;

    [Fact]
    public void RegionHeader_Offsets_ProducerAt128ConsumerAt256AndSize384()
    {
        Assert.Equal(128, (int)Marshal.OffsetOf<RegionHeader>(nameof(RegionHeader.Producer)));
        Assert.Equal(256, (int)Marshal.OffsetOf<RegionHeader>(nameof(RegionHeader.Consumer)));
        Assert.Equal(384, RegionHeader.Size);
        Assert.Equal(384, sizeof(RegionHeader));
        Assert.Equal(384, Unsafe.SizeOf<RegionHeader>());
        Assert.Equal(384, Marshal.SizeOf<RegionHeader>());
    }

    [Fact]
    public void RegionHeader_PointerArithmetic_LinesAre128AlignedAtLeast128ApartAndClearOfIdentityAndData()
    {
        RegionHeader header = default;
        byte* start = (byte*)&header;
        long producer = (byte*)&header.Producer - start;
        long consumer = (byte*)&header.Consumer - start;
        long identityEnd = (byte*)&header.Initialized + sizeof(int) - start;

        Assert.Equal(0, producer % Block);
        Assert.Equal(0, consumer % Block);
        Assert.True(consumer - producer >= Block, $"lines {consumer - producer} bytes apart");
        Assert.True(identityEnd <= producer, "identity fields reach into the producer's block");
        Assert.True(RegionHeader.Size - consumer >= Block, "slot data would share the consumer's block");
        Assert.Equal(0, RegionHeader.Size % Block);
    }

    [Fact]
    public void EndpointLine_Layout_Is128BytesWithCursorAtZero()
    {
        Assert.Equal(128, EndpointLine.Size);
        Assert.Equal(128, sizeof(EndpointLine));
        Assert.Equal(0, (int)Marshal.OffsetOf<EndpointLine>(nameof(EndpointLine.Cursor)));
        Assert.Equal(8, (int)Marshal.OffsetOf<EndpointLine>(nameof(EndpointLine.Counter)));
        Assert.InRange((int)Marshal.OffsetOf<EndpointLine>(nameof(EndpointLine.OwnerPid)), 0, 64 - 8);
        Assert.InRange((int)Marshal.OffsetOf<EndpointLine>(nameof(EndpointLine.HeartbeatNs)), 0, 64 - 8);
    }

    [Fact]
    public void ExpectedMagic_LittleEndianBytes_SpellCtlpipe1()
    {
        Assert.Equal("CTLPIPE1", Encoding.ASCII.GetString(BitConverter.GetBytes(RegionHeader.ExpectedMagic)));
    }

    [Fact]
    public void Regions_InProcessAndShared_Are128AlignedWithAlignedData()
    {
        using var path = new SharedPath("align");
        using var spsc = SpscRing<Wrench>.Create(8);
        using var mpsc = MpscRing<Wrench>.Create(8);
        using var mailbox = LatestValue<JointState>.Create();
        using var shared = SpscRing<Wrench>.CreateShared(path, 8);
        using var opened = SpscRing<Wrench>.OpenShared(path);

        foreach (var region in new NativeRegion[] { spsc.Region, mpsc.Region, mailbox.Region, shared.Region, opened.Region })
        {
            Assert.Equal(0UL, (ulong)region.Pointer % Block);
            Assert.Equal(0UL, (ulong)(region.Pointer + RegionHeader.Size) % Block);
        }
    }

    [Fact]
    public void AlignedNativeRegion_New_IsZeroed128AlignedAndFreedOnce()
    {
        var region = new AlignedNativeRegion(1000);

        Assert.Equal(0UL, (ulong)region.Pointer % AlignedNativeRegion.Alignment);
        Assert.Equal(1000, region.Length);
        Assert.Equal("process", region.Name);
        Assert.True(new ReadOnlySpan<byte>(region.Pointer, 1000).IndexOfAnyExcept((byte)0) < 0);
        region.Dispose();
        region.Dispose();
        Assert.True(region.IsDisposed);
        Assert.Throws<ArgumentOutOfRangeException>(() => new AlignedNativeRegion(0));
    }

    [Fact]
    public void CreatedRing_Header_DescribesKindCapacityMessageAndLength()
    {
        using var ring = SpscRing<Wrench>.Create(16);
        RegionHeader* header = (RegionHeader*)ring.Region.Pointer;

        Assert.Equal(RegionHeader.ExpectedMagic, header->Magic);
        Assert.Equal(RegionHeader.CurrentLayoutVersion, header->LayoutVersion);
        Assert.Equal((int)RegionKind.SpscRing, header->Kind);
        Assert.Equal(16, header->Capacity);
        Assert.Equal(sizeof(Wrench), header->MessageSize);
        Assert.True(header->SlotStride >= sizeof(Wrench));
        Assert.Equal(MessageTypeHash.Of<Wrench>(), header->TypeHash);
        Assert.Equal(ring.Region.Length, header->TotalLength);
        Assert.Equal(RegionHeader.Size + 16L * header->SlotStride, ring.Region.Length);
        Assert.Equal(1, header->Initialized);
    }

    [Fact]
    public void CreatedMailbox_Header_HasOneSlotOfLatestValueKind()
    {
        using var mailbox = LatestValue<JointState>.Create();
        RegionHeader* header = (RegionHeader*)mailbox.Region.Pointer;

        Assert.Equal((int)RegionKind.LatestValue, header->Kind);
        Assert.Equal(1, header->Capacity);
        Assert.Equal(sizeof(JointState), header->MessageSize);
        Assert.Equal(MessageTypeHash.Of<JointState>(), header->TypeHash);
    }
}
