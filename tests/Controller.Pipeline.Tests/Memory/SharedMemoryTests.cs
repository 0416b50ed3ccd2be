using Controller.Pipeline.Memory;
using Controller.Pipeline.Messages;
using Controller.Pipeline.Rings;
using Controller.Pipeline.Tests.Support;

namespace Controller.Pipeline.Tests.Memory;

/// <summary>Shared-file regions, created and attached within this process, and every way attaching is refused.</summary>
public sealed class SharedMemoryTests
{
    [Fact]
    public void SpscRing_CreateSharedThenOpenShared_RoundTripsMessagesAcrossLaps()
    {
        using var path = new SharedPath("spsc");
        using var created = SpscRing<Wrench>.CreateShared(path, 8);
        using var opened = SpscRing<Wrench>.OpenShared(path);
        using var producer = created.TakeProducer();
        using var consumer = opened.TakeConsumer();

        Assert.True(File.Exists(path));
        Assert.Equal(8, opened.Capacity);
        Assert.Equal(path.Value, opened.Region.Name);
        for (int i = 0; i < 100; i++)
        {
            Assert.True(producer.TryWrite(new Wrench { Header = new MessageHeader(i, i * 10), SensorIndex = i, ForceZN = i * 0.5 }));
            Assert.Equal(1, opened.Count);
            Assert.True(consumer.TryRead(out var message));
            Assert.Equal(i, message.Header.Sequence);
            Assert.Equal(i * 10, message.Header.TimestampNs);
            Assert.Equal(i, message.SensorIndex);
            Assert.Equal(i * 0.5, message.ForceZN);
        }
        Assert.False(consumer.TryRead(out _));
    }

    [Fact]
    public void SpscRing_EndTakenThroughOneMapping_IsRefusedThroughTheOther()
    {
        using var path = new SharedPath("owner");
        using var created = SpscRing<long>.CreateShared(path, 4);
        using var opened = SpscRing<long>.OpenShared(path);
        using var producer = created.TakeProducer();

        var error = Assert.Throws<InvalidOperationException>(() => opened.TakeProducer());

        Assert.Contains(path.Value, error.Message);
    }

    [Fact]
    public void MpscRing_CreateSharedThenOpenShared_RoundTripsMessagesAndDrops()
    {
        using var path = new SharedPath("mpsc");
        using var created = MpscRing<SafetyEvent>.CreateShared(path, 4);
        using var opened = MpscRing<SafetyEvent>.OpenShared(path);
        using var consumer = created.TakeConsumer();

        for (int i = 0; i < 5; i++)
        {
            var safetyEvent = new SafetyEvent { Header = new MessageHeader(i, 0), Kind = SafetyEventKind.JointLimit, Source = i };
            Assert.Equal(i < 4, opened.TryWrite(safetyEvent));
        }

        Assert.Equal(1, created.DroppedCount);
        for (int i = 0; i < 4; i++)
        {
            Assert.True(consumer.TryRead(out var read));
            Assert.Equal(i, read.Source);
            Assert.Equal(SafetyEventKind.JointLimit, read.Kind);
        }
    }

    [Fact]
    public void LatestValue_CreateSharedThenOpenShared_ReaderSeesLatestWriteAndVersion()
    {
        using var path = new SharedPath("mailbox");
        using var created = LatestValue<JointState>.CreateShared(path);
        using var opened = LatestValue<JointState>.OpenShared(path);
        using var writer = opened.TakeWriter();

        Assert.Equal(MailboxReadStatus.Empty, created.TryRead(out _));
        var state = new JointState { JointCount = 3 };
        state.Position[2] = 1.25;
        writer.Write(state);
        state.Position[2] = 2.5;
        writer.Write(state);

        Assert.Equal(MailboxReadStatus.Success, created.TryRead(out var read, out long version));
        Assert.Equal(2.5, read.Position[2]);
        Assert.Equal(2, version);
    }

    [Fact]
    public void Dispose_CreatorDeletesFileButAttacherDoesNot()
    {
        using var path = new SharedPath("lifetime");
        var created = SpscRing<long>.CreateShared(path, 4);
        var opened = SpscRing<long>.OpenShared(path);

        opened.Dispose();
        Assert.True(File.Exists(path));

        created.Dispose();
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void OpenShared_DifferentStructOfSameSize_ThrowsNamingTypeHashAndPath()
    {
        using var path = new SharedPath("hash");
        using var created = SpscRing<HashProbe>.CreateShared(path, 4);

        var error = Assert.Throws<PipelineAttachException>(() => SpscRing<HashProbeRenamed>.OpenShared(path));

        Assert.Contains("type hash", error.Field);
        Assert.Contains(path.Value, error.Message);
        Assert.Equal(path.Value, error.Region);
        Assert.Contains(nameof(HashProbeRenamed), error.Expected);
        Assert.Contains($"{MessageTypeHash.Of<HashProbe>():X16}", error.Actual);
    }

    [Fact]
    public void OpenShared_DifferentMessageSize_ThrowsNamingSizeAndPath()
    {
        using var path = new SharedPath("size");
        using var created = SpscRing<long>.CreateShared(path, 4);

        var error = Assert.Throws<PipelineAttachException>(() => SpscRing<int>.OpenShared(path));

        Assert.Contains("size", error.Field);
        Assert.Contains(path.Value, error.Message);
        Assert.Contains("8 bytes", error.Actual);
        Assert.Contains("4 bytes", error.Expected);
    }

    [Fact]
    public void OpenShared_SpscRingFileAsLatestValue_ThrowsNamingKind()
    {
        using var path = new SharedPath("kind");
        using var created = SpscRing<long>.CreateShared(path, 4);

        var error = Assert.Throws<PipelineAttachException>(() => LatestValue<long>.OpenShared(path));

        Assert.Equal("region kind", error.Field);
        Assert.Equal(nameof(RegionKind.LatestValue), error.Expected);
        Assert.Equal(nameof(RegionKind.SpscRing), error.Actual);
        Assert.Contains(path.Value, error.Message);
    }

    [Fact]
    public void OpenShared_MpscRingFileAsSpscRing_ThrowsNamingKind()
    {
        using var path = new SharedPath("kind2");
        using var created = MpscRing<long>.CreateShared(path, 4);

        var error = Assert.Throws<PipelineAttachException>(() => SpscRing<long>.OpenShared(path));

        Assert.Equal("region kind", error.Field);
    }

    [Fact]
    public void OpenShared_RandomBytes_ThrowsNamingMagic()
    {
        using var path = new SharedPath("garbage");
        var bytes = new byte[4096];
        new Random(20261123).NextBytes(bytes);
        File.WriteAllBytes(path, bytes);

        var error = Assert.Throws<PipelineAttachException>(() => SpscRing<long>.OpenShared(path));

        Assert.Equal("magic", error.Field);
        Assert.Contains(path.Value, error.Message);
        Assert.Contains("not pipeline memory", error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    [InlineData(383)]
    public void OpenShared_FileSmallerThanHeader_ThrowsNamingFileLength(int length)
    {
        using var path = new SharedPath("small");
        File.WriteAllBytes(path, new byte[length]);

        var error = Assert.Throws<PipelineAttachException>(() => MpscRing<long>.OpenShared(path));

        Assert.Equal("file length", error.Field);
        Assert.Contains($"{length} bytes", error.Actual);
        Assert.Contains(path.Value, error.Message);
    }

    [Fact]
    public void OpenShared_MissingFile_ThrowsFileNotFoundNamingPath()
    {
        using var path = new SharedPath("missing");

        var error = Assert.Throws<FileNotFoundException>(() => SpscRing<long>.OpenShared(path));

        Assert.Equal(path.Value, error.FileName);
        Assert.Contains(path.Value, error.Message);
        Assert.Throws<FileNotFoundException>(() => LatestValue<long>.OpenShared(path));
        Assert.Throws<FileNotFoundException>(() => MpscRing<long>.OpenShared(path));
    }

    [Theory]
    [InlineData(nameof(RegionHeader.Initialized), 0, 4, "initialised flag")]
    [InlineData(nameof(RegionHeader.LayoutVersion), RegionHeader.CurrentLayoutVersion + 1, 4, "layout version")]
    [InlineData(nameof(RegionHeader.TotalLength), 1 << 20, 8, "total length")]
    [InlineData(nameof(RegionHeader.Capacity), 0, 8, "capacity")]
    [InlineData(nameof(RegionHeader.Capacity), -16, 8, "capacity")]
    [InlineData(nameof(RegionHeader.Capacity), 32, 8, "capacity")]
    [InlineData(nameof(RegionHeader.Capacity), 8, 8, "capacity")]
    [InlineData(nameof(RegionHeader.Capacity), 1L << 58, 8, "capacity")]
    [InlineData(nameof(RegionHeader.SlotStride), 0, 4, "capacity")]
    public void OpenShared_CorruptHeaderField_ThrowsNamingThatField(string field, long value, int size, string expectedField)
    {
        byte[] image = HeaderImages.Capture(p => SpscRing<long>.CreateShared(p, 16));
        using var path = new SharedPath("corrupt");
        HeaderImages.Write(path, HeaderImages.With(image, field, value, size));

        var error = Assert.Throws<PipelineAttachException>(() => SpscRing<long>.OpenShared(path));

        Assert.Contains(expectedField, error.Field);
        Assert.Contains(path.Value, error.Message);
    }

    [Fact]
    public void OpenShared_CapacityAndStrideSwappedToSameProduct_Throws()
    {
        // Half the slots at twice the stride fill the same bytes: still not the ring that was created.
        byte[] image = HeaderImages.Capture(p => MpscRing<long>.CreateShared(p, 16));
        int stride = BitConverter.ToInt32(image, HeaderImages.OffsetOf(nameof(RegionHeader.SlotStride)));
        byte[] corrupt = HeaderImages.With(HeaderImages.With(image, nameof(RegionHeader.Capacity), 8, 8),
            nameof(RegionHeader.SlotStride), stride * 2, 4);
        using var path = new SharedPath("swap");
        HeaderImages.Write(path, corrupt);

        Assert.Throws<PipelineAttachException>(() => MpscRing<long>.OpenShared(path));
    }

    [Fact]
    public void OpenShared_FileExtendedAfterCreation_ThrowsNamingTotalLength()
    {
        byte[] image = HeaderImages.Capture(p => LatestValue<long>.CreateShared(p));
        using var path = new SharedPath("extended");
        HeaderImages.Write(path, [.. image, .. new byte[64]]);

        var error = Assert.Throws<PipelineAttachException>(() => LatestValue<long>.OpenShared(path));

        Assert.Equal("total length", error.Field);
    }

    [Fact]
    public void OpenShared_IntactCopyOfFile_Attaches()
    {
        byte[] image = HeaderImages.Capture(p => SpscRing<long>.CreateShared(p, 16));
        using var path = new SharedPath("copy");
        HeaderImages.Write(path, image);

        using var ring = SpscRing<long>.OpenShared(path);

        Assert.Equal(16, ring.Capacity);
    }
}
