namespace Controller.Hardware.Protocols.EtherCat;

/// <summary>
/// One decoded datagram: a view into the frame it came from (nothing is copied). The offsets let a
/// slave simulation or a master patch the same bytes in place.
/// </summary>
public readonly ref struct EtherCatDatagram
{
    /// <summary>The command.</summary>
    public EtherCatCommand Command { get; }

    /// <summary>The index the master chose to match this datagram's reply.</summary>
    public byte Index { get; }

    /// <summary>The raw 32-bit address: ADP in the low 16 bits, ADO in the high 16 bits; or the logical address.</summary>
    public uint Address { get; }

    /// <summary>The position or station address (low 16 bits of <see cref="Address"/>).</summary>
    public ushort Adp => (ushort)Address;

    /// <summary>The register offset (high 16 bits of <see cref="Address"/>).</summary>
    public ushort Ado => (ushort)(Address >> 16);

    /// <summary>The circulating-frame bit (set by a slave that forwarded the frame a second time).</summary>
    public bool Circulating { get; }

    /// <summary>True when another datagram follows in the same frame.</summary>
    public bool MoreFollows { get; }

    /// <summary>The event request (IRQ) field, the OR of every slave's masked AL event register.</summary>
    public ushort Irq { get; }

    /// <summary>The data (its length is the datagram's 11-bit length).</summary>
    public ReadOnlySpan<byte> Data { get; }

    /// <summary>The working counter.</summary>
    public ushort WorkingCounter { get; }

    /// <summary>Offset of the datagram's first header byte from the start of the Ethernet frame.</summary>
    public int HeaderOffset { get; }

    /// <summary>Offset of the first data byte from the start of the Ethernet frame.</summary>
    public int DataOffset => HeaderOffset + EtherCatFrameLayout.DatagramHeaderBytes;

    /// <summary>Offset of the working counter from the start of the Ethernet frame.</summary>
    public int WorkingCounterOffset => DataOffset + Data.Length;

    /// <summary>Creates a view; used by <see cref="EtherCatFrameReader"/>.</summary>
    internal EtherCatDatagram(EtherCatCommand command, byte index, uint address, bool circulating, bool moreFollows,
        ushort irq, ReadOnlySpan<byte> data, ushort workingCounter, int headerOffset)
    {
        Command = command;
        Index = index;
        Address = address;
        Circulating = circulating;
        MoreFollows = moreFollows;
        Irq = irq;
        Data = data;
        WorkingCounter = workingCounter;
        HeaderOffset = headerOffset;
    }
}
