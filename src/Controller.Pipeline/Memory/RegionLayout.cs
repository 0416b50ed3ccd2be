namespace Controller.Pipeline.Memory;

/// <summary>Writes and checks <see cref="RegionHeader"/> identity: the only place that knows the rules.</summary>
internal static unsafe class RegionLayout
{
    /// <summary>Fills in a fresh header; <see cref="RegionHeader.Initialized"/> is published last.</summary>
    public static void Initialize(RegionHeader* header, RegionKind kind, long capacity, int messageSize,
        int slotStride, ulong typeHash, long totalLength)
    {
        header->Magic = RegionHeader.ExpectedMagic;
        header->LayoutVersion = RegionHeader.CurrentLayoutVersion;
        header->Kind = (int)kind;
        header->Capacity = capacity;
        header->MessageSize = messageSize;
        header->SlotStride = slotStride;
        header->TypeHash = typeHash;
        header->TotalLength = totalLength;
        Volatile.Write(ref header->Initialized, 1);
    }

    /// <summary>
    /// Checks that <paramref name="header"/> describes a region of <paramref name="kind"/> holding
    /// messages of the expected size and type hash, and returns its capacity.
    /// </summary>
    /// <exception cref="PipelineAttachException">On the first field that differs.</exception>
    public static long Validate(RegionHeader* header, NativeRegion region, RegionKind kind, int messageSize,
        ulong typeHash, string typeName)
    {
        string name = region.Name;
        if (header->Magic != RegionHeader.ExpectedMagic)
            throw new PipelineAttachException(name, "magic", $"0x{RegionHeader.ExpectedMagic:X16}", $"0x{header->Magic:X16} (not pipeline memory)");
        if (Volatile.Read(ref header->Initialized) != 1)
            throw new PipelineAttachException(name, "initialised flag", "1", $"{header->Initialized} (creator still starting, or died while creating)");
        if (header->LayoutVersion != RegionHeader.CurrentLayoutVersion)
            throw new PipelineAttachException(name, "layout version", RegionHeader.CurrentLayoutVersion.ToString(), header->LayoutVersion.ToString());
        if (header->Kind != (int)kind)
            throw new PipelineAttachException(name, "region kind", kind.ToString(), ((RegionKind)header->Kind).ToString());
        if (header->MessageSize != messageSize)
            throw new PipelineAttachException(name, "message size", $"{messageSize} bytes ({typeName})", $"{header->MessageSize} bytes");
        if (header->TypeHash != typeHash)
            throw new PipelineAttachException(name, "message type hash", $"0x{typeHash:X16} ({typeName})", $"0x{header->TypeHash:X16} (another type or field layout)");
        if (header->TotalLength != region.Length)
            throw new PipelineAttachException(name, "total length", $"{region.Length} bytes (file size)", $"{header->TotalLength} bytes");
        long capacity = header->Capacity;
        int stride = header->SlotStride;
        // The creator sized the region for exactly its slots, so they must fill the bytes after the header
        // exactly: a capacity that merely fits (or whose product with the stride overflows) is corrupt.
        long slotBytes = region.Length - RegionHeader.Size;
        if (capacity <= 0 || stride < messageSize || slotBytes % stride != 0 || slotBytes / stride != capacity)
            throw new PipelineAttachException(name, "capacity", $"slots that fill the {slotBytes} bytes after the header", $"{capacity} slots of {stride} bytes");
        return capacity;
    }

    /// <summary>Rounds <paramref name="value"/> up to a multiple of <paramref name="alignment"/> (a power of two).</summary>
    public static int AlignUp(int value, int alignment) => (value + alignment - 1) & ~(alignment - 1);
}
