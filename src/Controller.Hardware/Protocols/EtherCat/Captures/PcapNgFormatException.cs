namespace Controller.Hardware.Protocols.EtherCat.Captures;

/// <summary>The one exception <see cref="PcapNgReader"/> throws for malformed input: names the block and the byte offset.</summary>
public sealed class PcapNgFormatException : Exception
{
    /// <summary>The block type being read (0 when the block header itself could not be read).</summary>
    public uint BlockType { get; }

    /// <summary>File offset of the start of the offending block.</summary>
    public long Offset { get; }

    /// <summary>Creates the exception.</summary>
    public PcapNgFormatException(uint blockType, long offset, string problem)
        : base($"pcapng block 0x{blockType:X8} ({PcapNgBlockTypes.Name(blockType)}) at offset {offset}: {problem}")
    {
        BlockType = blockType;
        Offset = offset;
    }
}
