using System.Buffers.Binary;
using Controller.Hardware.Protocols.EtherCat.Esc;

namespace Controller.Hardware.Simulation.EtherCat;

/// <summary>
/// Bit-exact FMMU mapping between a logical datagram and ESC memory, read from the FMMU registers
/// (ETG.1000.4 §6.6: logical start u32, length u16, start bit, stop bit, physical start u16, physical start bit,
/// type bit 0 read / bit 1 write, activate bit 0).
/// </summary>
internal static class SimulatedFmmu
{
    /// <summary>Applies every active FMMU to a logical datagram; returns which directions matched.</summary>
    public static (bool Read, bool Wrote) Apply(Span<byte> memory, uint logicalAddress, Span<byte> data, bool read, bool write, int fmmuCount)
    {
        bool didRead = false, didWrite = false;
        long datagramFirstBit = (long)logicalAddress * 8;
        long datagramEndBit = datagramFirstBit + (long)data.Length * 8; // exclusive
        for (int n = 0; n < fmmuCount; n++)
        {
            var f = memory.Slice(EscRegister.Fmmu(n), EscRegister.FmmuBytes);
            if ((f[12] & 0x01) == 0)
                continue;
            byte type = f[11];
            bool canRead = read && (type & 0x01) != 0;
            bool canWrite = write && (type & 0x02) != 0;
            if (!canRead && !canWrite)
                continue;
            uint logicalStart = BinaryPrimitives.ReadUInt32LittleEndian(f);
            int length = BinaryPrimitives.ReadUInt16LittleEndian(f[4..]);
            if (length == 0)
                continue;
            long firstBit = (long)logicalStart * 8 + (f[6] & 7);
            long lastBit = ((long)logicalStart + length - 1) * 8 + (f[7] & 7);
            long physicalFirstBit = (long)BinaryPrimitives.ReadUInt16LittleEndian(f[8..]) * 8 + (f[10] & 7);
            long from = Math.Max(firstBit, datagramFirstBit);
            long to = Math.Min(lastBit + 1, datagramEndBit);
            if (from >= to)
                continue;
            for (long bit = from; bit < to; bit++)
            {
                long physicalBit = physicalFirstBit + (bit - firstBit);
                if (physicalBit >= (long)memory.Length * 8)
                    break;
                long datagramBit = bit - datagramFirstBit;
                ref byte mem = ref memory[(int)(physicalBit >> 3)];
                ref byte dat = ref data[(int)(datagramBit >> 3)];
                int memMask = 1 << (int)(physicalBit & 7);
                int datMask = 1 << (int)(datagramBit & 7);
                bool memoryBit = (mem & memMask) != 0;
                bool datagramBit1 = (dat & datMask) != 0;
                if (canWrite)
                    mem = (byte)(datagramBit1 ? mem | memMask : mem & ~memMask);
                if (canRead)
                    dat = (byte)(memoryBit ? dat | datMask : dat & ~datMask);
            }
            didRead |= canRead;
            didWrite |= canWrite;
        }
        return (didRead, didWrite);
    }
}
