using System.Buffers.Binary;
using Controller.Hardware.Protocols.Modbus;

namespace Controller.Hardware.Protocols.Robotiq;

/// <summary>
/// One frame of the FT 300 data stream (Robotiq FT Sensor manual, "Data stream"): 16 bytes at 100 Hz,
/// <c>20 4E | Fx Fy Fz Mx My Mz (int16, little-endian) | CRC-16/MODBUS of the first 14 bytes, low byte first</c>.
/// </summary>
public static class Ft300StreamFrame
{
    /// <summary>Frame length.</summary>
    public const int Length = 16;

    /// <summary>First header byte.</summary>
    public const byte Header0 = 0x20;

    /// <summary>Second header byte.</summary>
    public const byte Header1 = 0x4E;

    /// <summary>Encodes <paramref name="sample"/> into <paramref name="destination"/>[..16]; returns 16.</summary>
    public static int Encode(Span<byte> destination, in Ft300Sample sample)
    {
        destination[0] = Header0;
        destination[1] = Header1;
        BinaryPrimitives.WriteInt16LittleEndian(destination[2..], sample.ForceX);
        BinaryPrimitives.WriteInt16LittleEndian(destination[4..], sample.ForceY);
        BinaryPrimitives.WriteInt16LittleEndian(destination[6..], sample.ForceZ);
        BinaryPrimitives.WriteInt16LittleEndian(destination[8..], sample.TorqueX);
        BinaryPrimitives.WriteInt16LittleEndian(destination[10..], sample.TorqueY);
        BinaryPrimitives.WriteInt16LittleEndian(destination[12..], sample.TorqueZ);
        return ModbusCrc.Append(destination, 14);
    }

    /// <summary>True and the sample when <paramref name="frame"/> starts with a whole frame with the header and a good CRC.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> frame, out Ft300Sample sample)
    {
        sample = default;
        if (frame.Length < Length || frame[0] != Header0 || frame[1] != Header1 || !ModbusCrc.IsValid(frame[..Length])) return false;
        sample = new Ft300Sample(
            BinaryPrimitives.ReadInt16LittleEndian(frame[2..]),
            BinaryPrimitives.ReadInt16LittleEndian(frame[4..]),
            BinaryPrimitives.ReadInt16LittleEndian(frame[6..]),
            BinaryPrimitives.ReadInt16LittleEndian(frame[8..]),
            BinaryPrimitives.ReadInt16LittleEndian(frame[10..]),
            BinaryPrimitives.ReadInt16LittleEndian(frame[12..]));
        return true;
    }
}
