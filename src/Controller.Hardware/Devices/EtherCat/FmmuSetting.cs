using System.Buffers.Binary;

namespace Controller.Hardware.Devices.EtherCat;

/// <summary>
/// The 16 bytes of one FMMU register set (0x0600 + 16 n, ETG.1000.4 §6.6): logical start (u32), length in
/// bytes (u16), logical start bit, logical stop bit, physical start (u16), physical start bit, type
/// (1 read = inputs, 2 write = outputs), activate.
/// </summary>
/// <param name="Fmmu">FMMU number.</param>
/// <param name="LogicalStart">Logical address of the first byte touched.</param>
/// <param name="LengthBytes">Logical bytes touched (first to last, partial ones included).</param>
/// <param name="LogicalStartBit">First bit in the first logical byte, 0..7.</param>
/// <param name="LogicalEndBit">Last bit in the last logical byte, 0..7.</param>
/// <param name="PhysicalStart">ESC memory address it maps to (the SM buffer).</param>
/// <param name="PhysicalStartBit">First bit at the physical address, 0..7.</param>
/// <param name="IsOutput">True: the FMMU writes ESC memory (type 2); false: it reads it (type 1).</param>
public readonly record struct FmmuSetting(int Fmmu, uint LogicalStart, ushort LengthBytes, byte LogicalStartBit, byte LogicalEndBit,
    ushort PhysicalStart, byte PhysicalStartBit, bool IsOutput)
{
    /// <summary>The type register value: 2 for outputs (write access), 1 for inputs (read access).</summary>
    public byte Type => IsOutput ? (byte)0x02 : (byte)0x01;

    /// <summary>Writes the 16 register bytes, activated.</summary>
    public void Encode(Span<byte> registers)
    {
        registers[..16].Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(registers, LogicalStart);
        BinaryPrimitives.WriteUInt16LittleEndian(registers[4..], LengthBytes);
        registers[6] = LogicalStartBit;
        registers[7] = LogicalEndBit;
        BinaryPrimitives.WriteUInt16LittleEndian(registers[8..], PhysicalStart);
        registers[10] = PhysicalStartBit;
        registers[11] = Type;
        registers[12] = 0x01;
    }
}
