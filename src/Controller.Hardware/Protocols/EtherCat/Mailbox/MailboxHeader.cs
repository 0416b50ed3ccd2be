using System.Buffers.Binary;

namespace Controller.Hardware.Protocols.EtherCat.Mailbox;

/// <summary>
/// The 6-byte mailbox header (ETG.1000.4 §5.6 / ETG.1000.6 §5.6): <c>[length u16][address u16]
/// [channel:6 priority:2][type:4 counter:3 reserved:1]</c>, little-endian. Length counts the bytes after the header.
/// </summary>
/// <param name="Length">Bytes of mailbox service data after this header.</param>
/// <param name="Address">Station address of the source (slave to master) or destination (master to slave); 0 from the master.</param>
/// <param name="Channel">Channel, 0..63 (0 for CoE).</param>
/// <param name="Priority">Priority, 0..3.</param>
/// <param name="Type">Mailbox protocol.</param>
/// <param name="Counter">Sequence counter 1..7 (0 only in the first mailbox after start-up); a repeat means a retry.</param>
public readonly record struct MailboxHeader(ushort Length, ushort Address, byte Channel, byte Priority, MailboxType Type, byte Counter)
{
    /// <summary>Header size in bytes.</summary>
    public const int Bytes = 6;

    /// <summary>Reads a header from the first 6 bytes (caller checks the length).</summary>
    public static MailboxHeader Read(ReadOnlySpan<byte> source) => new(
        BinaryPrimitives.ReadUInt16LittleEndian(source), BinaryPrimitives.ReadUInt16LittleEndian(source[2..]),
        (byte)(source[4] & 0x3F), (byte)(source[4] >> 6), (MailboxType)(source[5] & 0x0F), (byte)((source[5] >> 4) & 0x07));

    /// <summary>Writes the header into the first 6 bytes of <paramref name="destination"/>; out-of-range fields are masked.</summary>
    public void WriteTo(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(destination, Length);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[2..], Address);
        destination[4] = (byte)((Channel & 0x3F) | ((Priority & 0x03) << 6));
        destination[5] = (byte)(((byte)Type & 0x0F) | ((Counter & 0x07) << 4));
    }

    /// <summary>The counter after <paramref name="counter"/>: 1, 2, ..., 7, 1, ... (0 is never reused).</summary>
    public static byte NextCounter(byte counter) => (byte)(counter % 7 + 1);
}
