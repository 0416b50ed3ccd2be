using System.Buffers.Binary;

namespace Controller.Hardware.Protocols.EtherCat.Sii;

/// <summary>
/// The fixed first 64 words of an SII EEPROM (ETG.1000.6 §5.4 table "SII area"): the ESC configuration area
/// (words 0..7, loaded by the ESC at power-up and protected by a CRC-8), the identity, mailbox layouts,
/// supported mailbox protocols, EEPROM size and version. Parse this alone during discovery to learn the
/// identity after reading 64 words.
/// </summary>
/// <param name="PdiControl">Word 0x00: PDI control (ESC register 0x0140).</param>
/// <param name="PdiConfiguration">Word 0x01: PDI configuration (register 0x0150).</param>
/// <param name="SyncImpulseLength">Word 0x02: SYNC impulse length in units of 10 ns (register 0x0982).</param>
/// <param name="PdiConfiguration2">Word 0x03: extended PDI configuration (register 0x0152).</param>
/// <param name="ConfiguredStationAlias">Word 0x04: station alias (register 0x0012).</param>
/// <param name="Checksum">Low byte of word 0x07: CRC-8 of words 0..6.</param>
/// <param name="ChecksumValid">True when <paramref name="Checksum"/> matches the computed CRC.</param>
/// <param name="Identity">Words 0x08..0x0F.</param>
/// <param name="BootstrapMailbox">Words 0x14..0x17.</param>
/// <param name="StandardMailbox">Words 0x18..0x1B.</param>
/// <param name="MailboxProtocols">Word 0x1C.</param>
/// <param name="EepromSizeBytes">Word 0x3E: (value + 1) KiBit, in bytes.</param>
/// <param name="Version">Word 0x3F: SII version.</param>
public sealed record SiiHeader(
    ushort PdiControl, ushort PdiConfiguration, ushort SyncImpulseLength, ushort PdiConfiguration2, ushort ConfiguredStationAlias,
    byte Checksum, bool ChecksumValid, SlaveIdentity Identity, SiiMailbox BootstrapMailbox, SiiMailbox StandardMailbox,
    MailboxProtocols MailboxProtocols, int EepromSizeBytes, ushort Version)
{
    /// <summary>Bytes of the fixed area; categories start right after it.</summary>
    public const int Bytes = 128;

    /// <summary>Parses the fixed words.</summary>
    /// <exception cref="SiiFormatException">Fewer than 128 bytes.</exception>
    public static SiiHeader Parse(ReadOnlySpan<byte> image)
    {
        if (image.Length < Bytes)
            throw new SiiFormatException(null, 0, $"image has {image.Length} bytes; the fixed header needs {Bytes}");
        ushort Word(ReadOnlySpan<byte> s, int w) => BinaryPrimitives.ReadUInt16LittleEndian(s[(2 * w)..]);
        uint DWord(ReadOnlySpan<byte> s, int w) => BinaryPrimitives.ReadUInt32LittleEndian(s[(2 * w)..]);
        byte checksum = image[14];
        return new SiiHeader(
            Word(image, 0x00), Word(image, 0x01), Word(image, 0x02), Word(image, 0x03), Word(image, 0x04),
            checksum, Crc8(image[..14]) == checksum,
            new SlaveIdentity(DWord(image, 0x08), DWord(image, 0x0A), DWord(image, 0x0C), DWord(image, 0x0E)),
            new SiiMailbox(Word(image, 0x14), Word(image, 0x15), Word(image, 0x16), Word(image, 0x17)),
            new SiiMailbox(Word(image, 0x18), Word(image, 0x19), Word(image, 0x1A), Word(image, 0x1B)),
            (MailboxProtocols)Word(image, 0x1C),
            (Word(image, 0x3E) + 1) * 1024 / 8,
            Word(image, 0x3F));
    }

    /// <summary>The ESC configuration-area checksum: CRC-8, polynomial x^8+x^2+x+1 (0x07), initial value 0xFF, not reflected.</summary>
    public static byte Crc8(ReadOnlySpan<byte> data)
    {
        int crc = 0xFF;
        foreach (byte b in data)
        {
            crc ^= b;
            for (int bit = 0; bit < 8; bit++)
                crc = (crc & 0x80) != 0 ? ((crc << 1) ^ 0x07) & 0xFF : (crc << 1) & 0xFF;
        }
        return (byte)crc;
    }
}
