using System.Buffers.Binary;
using Controller.Hardware.Protocols.EtherCat.Esc;

namespace Controller.Hardware.Simulation.EtherCat;

/// <summary>
/// The ESC's EEPROM interface (registers 0x0500..0x050F) over an SII image: a read command with a word address
/// loads 8 bytes into the data register and keeps the busy bit set for a few status reads, as the real
/// EK1100 in ethercrab's capture does (control 0x8140 while busy, then 0x0040). Writes and reload are refused
/// with the command-error bit (the image is read-only here).
/// </summary>
internal sealed class SimulatedSiiInterface(byte[] image, int busyReads)
{
    private const ushort ReadSizeEightBytes = 0x0040;
    private const ushort CommandRead = 0x0100;
    private const ushort CommandMask = 0x0700;
    private const ushort CommandError = 0x2000;
    private const ushort Busy = 0x8000;

    private int _busyLeft;

    public void Initialise(Span<byte> registers) =>
        BinaryPrimitives.WriteUInt16LittleEndian(registers[EscRegister.SiiControlStatus..], ReadSizeEightBytes);

    /// <summary>Called after the master wrote the control register.</summary>
    public void OnControlWritten(Span<byte> registers)
    {
        ushort control = BinaryPrimitives.ReadUInt16LittleEndian(registers[EscRegister.SiiControlStatus..]);
        int command = control & CommandMask;
        ushort status = ReadSizeEightBytes;
        if (command == CommandRead)
        {
            uint word = BinaryPrimitives.ReadUInt32LittleEndian(registers[EscRegister.SiiAddress..]);
            var data = registers.Slice(EscRegister.SiiData, 8);
            for (int i = 0; i < 8; i++)
            {
                long at = 2L * word + i;
                data[i] = at < image.Length ? image[at] : (byte)0xFF;
            }
            _busyLeft = busyReads;
            status |= (ushort)(_busyLeft > 0 ? Busy | CommandRead : 0);
        }
        else if (command != 0)
            status |= CommandError;
        BinaryPrimitives.WriteUInt16LittleEndian(registers[EscRegister.SiiControlStatus..], status);
    }

    /// <summary>Called after the master read the control/status register: counts down the busy time.</summary>
    public void OnStatusRead(Span<byte> registers)
    {
        if (_busyLeft == 0 || --_busyLeft > 0)
            return;
        BinaryPrimitives.WriteUInt16LittleEndian(registers[EscRegister.SiiControlStatus..], ReadSizeEightBytes);
    }
}
