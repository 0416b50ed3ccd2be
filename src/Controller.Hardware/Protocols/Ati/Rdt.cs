using System.Buffers.Binary;

namespace Controller.Hardware.Protocols.Ati;

/// <summary>
/// ATI Net F/T Raw Data Transfer over UDP port 49152 (ATI Net F/T installation and operation manual, section "RDT").
/// All fields are big-endian. Request, 8 bytes: <c>uint16 0x1234 | uint16 command | uint32 sample count (0 = forever)</c>.
/// Response record, 36 bytes: <c>uint32 rdt_sequence | uint32 ft_sequence | uint32 status | int32 Fx Fy Fz Tx Ty Tz</c>
/// in counts (divide by counts per force / per torque from the sensor's calibration).
/// </summary>
public static class Rdt
{
    /// <summary>The Net F/T's RDT UDP port.</summary>
    public const int Port = 49152;

    /// <summary>Request header word.</summary>
    public const ushort RequestHeader = 0x1234;

    /// <summary>Request length.</summary>
    public const int RequestLength = 8;

    /// <summary>Response record length.</summary>
    public const int RecordLength = 36;

    /// <summary>Encodes a request; returns 8.</summary>
    public static int EncodeRequest(Span<byte> destination, RdtCommand command, uint sampleCount)
    {
        BinaryPrimitives.WriteUInt16BigEndian(destination, RequestHeader);
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], (ushort)command);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], sampleCount);
        return RequestLength;
    }

    /// <summary>Decodes a request datagram; false unless it is exactly 8 bytes with the 0x1234 header.</summary>
    public static bool TryDecodeRequest(ReadOnlySpan<byte> datagram, out RdtCommand command, out uint sampleCount)
    {
        command = default;
        sampleCount = 0;
        if (datagram.Length != RequestLength || BinaryPrimitives.ReadUInt16BigEndian(datagram) != RequestHeader) return false;
        command = (RdtCommand)BinaryPrimitives.ReadUInt16BigEndian(datagram[2..]);
        sampleCount = BinaryPrimitives.ReadUInt32BigEndian(datagram[4..]);
        return true;
    }

    /// <summary>Encodes a response record; returns 36.</summary>
    public static int EncodeRecord(Span<byte> destination, in RdtRecord record)
    {
        BinaryPrimitives.WriteUInt32BigEndian(destination, record.RdtSequence);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], record.FtSequence);
        BinaryPrimitives.WriteUInt32BigEndian(destination[8..], record.Status);
        BinaryPrimitives.WriteInt32BigEndian(destination[12..], record.ForceX);
        BinaryPrimitives.WriteInt32BigEndian(destination[16..], record.ForceY);
        BinaryPrimitives.WriteInt32BigEndian(destination[20..], record.ForceZ);
        BinaryPrimitives.WriteInt32BigEndian(destination[24..], record.TorqueX);
        BinaryPrimitives.WriteInt32BigEndian(destination[28..], record.TorqueY);
        BinaryPrimitives.WriteInt32BigEndian(destination[32..], record.TorqueZ);
        return RecordLength;
    }

    /// <summary>Decodes the record of a real-time streaming datagram; false unless it is exactly 36 bytes (UDP keeps datagram boundaries, so any other size is not RDT).</summary>
    public static bool TryDecodeRecord(ReadOnlySpan<byte> datagram, out RdtRecord record)
    {
        record = default;
        if (datagram.Length != RecordLength) return false;
        record = new RdtRecord(
            BinaryPrimitives.ReadUInt32BigEndian(datagram),
            BinaryPrimitives.ReadUInt32BigEndian(datagram[4..]),
            BinaryPrimitives.ReadUInt32BigEndian(datagram[8..]),
            BinaryPrimitives.ReadInt32BigEndian(datagram[12..]),
            BinaryPrimitives.ReadInt32BigEndian(datagram[16..]),
            BinaryPrimitives.ReadInt32BigEndian(datagram[20..]),
            BinaryPrimitives.ReadInt32BigEndian(datagram[24..]),
            BinaryPrimitives.ReadInt32BigEndian(datagram[28..]),
            BinaryPrimitives.ReadInt32BigEndian(datagram[32..]));
        return true;
    }
}
