namespace Controller.Hardware.Protocols.EtherCat.Captures;

/// <summary>One captured packet from an Enhanced Packet Block.</summary>
/// <param name="Number">1-based packet number across the file (Wireshark's frame number).</param>
/// <param name="InterfaceId">Interface index within its section.</param>
/// <param name="LinkType">The interface's link type (1 = Ethernet).</param>
/// <param name="TimestampNs">Capture time in nanoseconds since the Unix epoch, scaled from the interface's resolution.</param>
/// <param name="OriginalLength">Length of the packet on the wire (may exceed <see cref="Data"/> when truncated by the snap length).</param>
/// <param name="Data">The captured bytes (a slice of the file's buffer).</param>
/// <param name="BlockOffset">File offset of the EPB, for error messages.</param>
public readonly record struct PcapNgPacket(int Number, int InterfaceId, ushort LinkType, long TimestampNs,
    int OriginalLength, ReadOnlyMemory<byte> Data, long BlockOffset);
