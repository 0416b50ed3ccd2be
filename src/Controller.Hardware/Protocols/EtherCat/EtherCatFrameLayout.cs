namespace Controller.Hardware.Protocols.EtherCat;

/// <summary>
/// Sizes and offsets of an EtherCAT frame carried directly in Ethernet (ETG.1000.4 §5.3, §5.4):
/// <c>[dst MAC 6][src MAC 6][EtherType 0x88A4 (big-endian)][EtherCAT header 2][datagram…][padding]</c>,
/// each datagram <c>[cmd 1][idx 1][address 4][len/C/M 2][IRQ 2][data n][WKC 2]</c>, all little-endian.
/// </summary>
public static class EtherCatFrameLayout
{
    /// <summary>The EtherType of EtherCAT frames.</summary>
    public const ushort EtherType = 0x88A4;

    /// <summary>The EtherType of an IEEE 802.1Q VLAN tag, which the reader skips.</summary>
    public const ushort VlanEtherType = 0x8100;

    /// <summary>Destination MAC, source MAC and EtherType.</summary>
    public const int EthernetHeaderBytes = 14;

    /// <summary>The EtherCAT frame header: 11-bit length, 1 reserved bit, 4-bit type.</summary>
    public const int FrameHeaderBytes = 2;

    /// <summary>Offset of the first datagram in an untagged frame.</summary>
    public const int FirstDatagramOffset = EthernetHeaderBytes + FrameHeaderBytes;

    /// <summary>Command, index, address, length word and IRQ.</summary>
    public const int DatagramHeaderBytes = 10;

    /// <summary>The working counter that ends every datagram.</summary>
    public const int WorkingCounterBytes = 2;

    /// <summary>Header plus working counter: what a datagram costs beyond its data.</summary>
    public const int DatagramOverheadBytes = DatagramHeaderBytes + WorkingCounterBytes;

    /// <summary>The EtherCAT header type for datagrams (DLPDU); types 4 and 5 (network variables, mailbox gateway) are not handled.</summary>
    public const int DatagramFrameType = 1;

    /// <summary>The largest value of an 11-bit length field.</summary>
    public const int MaxElevenBitLength = 0x7FF;

    /// <summary>Smallest Ethernet frame without FCS; shorter frames are padded with zeros on send.</summary>
    public const int MinEthernetFrameBytes = 60;

    /// <summary>Largest untagged Ethernet frame without FCS (1500-byte payload).</summary>
    public const int MaxEthernetFrameBytes = 1514;

    /// <summary>The most datagram bytes one untagged standard frame holds (1500 minus the EtherCAT header).</summary>
    public const int MaxDatagramBytesPerFrame = 1500 - FrameHeaderBytes;

    /// <summary>The most data one datagram can carry in a standard frame.</summary>
    public const int MaxDatagramDataBytes = MaxDatagramBytesPerFrame - DatagramOverheadBytes;

    /// <summary>Bits of the datagram length word: 11-bit length.</summary>
    public const ushort LengthMask = 0x07FF;

    /// <summary>Bit of the datagram length word set by a slave when a frame has circulated (ring closed wrongly).</summary>
    public const ushort CirculatingBit = 0x4000;

    /// <summary>Bit of the datagram length word saying another datagram follows.</summary>
    public const ushort MoreFollowsBit = 0x8000;
}
