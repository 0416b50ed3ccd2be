using System.Buffers.Binary;
using Controller.Hardware.Protocols.EtherCat;
using Controller.Hardware.Protocols.EtherCat.Esc;
using Controller.Hardware.Protocols.EtherCat.Sii;

namespace Controller.Hardware.Devices.EtherCat;

/// <summary>
/// Reads a slave's SII EEPROM through its ESC registers 0x0500..0x050F (ETG.1000.4 §6.4): take the interface
/// for EtherCAT, write the read command with a word address, poll until not busy, read 4 or 8 data bytes.
/// Reads the fixed header, then category by category up to the End marker.
/// </summary>
public static class SiiEepromReader
{
    private const ushort ReadSizeEightBytes = 0x0040;
    private const ushort CommandRead = 0x0100;
    private const ushort ErrorBits = 0x7800; // checksum, device info, command, write-enable errors
    private const ushort Busy = 0x8000;
    private const int MaxPolls = 1000;

    /// <summary>Reads the SII image of the slave at <paramref name="station"/> up to and including the End category.</summary>
    /// <exception cref="EtherCatException">The slave did not answer, reported an EEPROM error, or the image has no End within <paramref name="maxBytes"/>.</exception>
    public static byte[] ReadImage(EtherCatPort port, ushort station, int maxBytes = 8192)
    {
        Span<byte> one = stackalloc byte[1];
        one[0] = 0x02; // force EtherCAT access
        Check(port.Exchange(EtherCatCommand.Fpwr, EtherCatAddress.Physical(station, EscRegister.SiiConfiguration), one, 1), station, "take the EEPROM interface");
        one[0] = 0x00;
        Check(port.Exchange(EtherCatCommand.Fpwr, EtherCatAddress.Physical(station, EscRegister.SiiConfiguration), one, 1), station, "take the EEPROM interface");

        var image = new List<byte>(1024);
        ReadBytes(port, station, image, SiiHeader.Bytes);
        int offset = SiiHeader.Bytes;
        while (true)
        {
            ReadBytes(port, station, image, offset + 4);
            ushort type = BinaryPrimitives.ReadUInt16LittleEndian(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(image)[offset..]);
            if (type == (ushort)SiiCategoryType.End)
                return [.. image];
            int words = BinaryPrimitives.ReadUInt16LittleEndian(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(image)[(offset + 2)..]);
            offset += 4 + 2 * words;
            if (offset + 2 > maxBytes)
                throw new EtherCatException(station, $"slave 0x{station:X4}: SII has no End category within {maxBytes} bytes");
            ReadBytes(port, station, image, offset);
        }
    }

    private static void ReadBytes(EtherCatPort port, ushort station, List<byte> image, int upTo)
    {
        Span<byte> chunk = stackalloc byte[8];
        while (image.Count < upTo)
        {
            int chunkBytes = ReadChunk(port, station, image.Count / 2, chunk);
            for (int i = 0; i < chunkBytes; i++)
                image.Add(chunk[i]);
        }
    }

    private static int ReadChunk(EtherCatPort port, ushort station, int word, Span<byte> chunk)
    {
        ushort status = WaitNotBusy(port, station);
        Span<byte> command = stackalloc byte[6];
        BinaryPrimitives.WriteUInt16LittleEndian(command, CommandRead);
        BinaryPrimitives.WriteUInt32LittleEndian(command[2..], (uint)word);
        Check(port.Exchange(EtherCatCommand.Fpwr, EtherCatAddress.Physical(station, EscRegister.SiiControlStatus), command, 1), station, $"start EEPROM read of word 0x{word:X4}");
        status = WaitNotBusy(port, station);
        if ((status & ErrorBits) != 0)
            throw new EtherCatException(station, $"slave 0x{station:X4}: EEPROM read of word 0x{word:X4} failed, status 0x{status:X4}");
        int bytes = (status & ReadSizeEightBytes) != 0 ? 8 : 4;
        Check(port.Exchange(EtherCatCommand.Fprd, EtherCatAddress.Physical(station, EscRegister.SiiData), chunk[..bytes], 1), station, $"read EEPROM data of word 0x{word:X4}");
        return bytes;
    }

    private static ushort WaitNotBusy(EtherCatPort port, ushort station)
    {
        Span<byte> status = stackalloc byte[2];
        for (int poll = 0; poll < MaxPolls; poll++)
        {
            Check(port.Exchange(EtherCatCommand.Fprd, EtherCatAddress.Physical(station, EscRegister.SiiControlStatus), status, 1), station, "read EEPROM status");
            ushort value = BinaryPrimitives.ReadUInt16LittleEndian(status);
            if ((value & Busy) == 0)
                return value;
        }
        throw new EtherCatException(station, $"slave 0x{station:X4}: EEPROM stayed busy for {MaxPolls} polls");
    }

    internal static void Check(ExchangeStatus status, ushort station, string step)
    {
        if (status != ExchangeStatus.Ok)
            throw new EtherCatException(station, $"slave 0x{station:X4}: {step}: {status}");
    }
}
