using System.Buffers.Binary;

namespace Controller.Hardware.Protocols.Dynamixel;

/// <summary>
/// The aggregate reply to Fast Sync Read (0x8A): one packet with ID 0xFE, instruction 0x55, then per device
/// <c>ERR ID DATA… CRC_L CRC_H</c>, each device appending its block and a CRC over the whole packet so far; the last
/// device's CRC is the packet CRC, and LEN = 1 + devices × (4 + data length) (ROBOTIS e-Manual, Protocol 2.0,
/// "Fast Sync Read"). The devices send their blocks positionally, without byte stuffing, so this reads the packet as
/// received rather than through <see cref="DynamixelPacketDecoder"/>'s unstuffing.
/// </summary>
public static class DynamixelFastSyncRead
{
    /// <summary>Wire size of the reply for <paramref name="devices"/> devices of <paramref name="dataLength"/> bytes each.</summary>
    public static int ReplyBytes(int devices, int dataLength) => DynamixelPacket.PrefixBytes + 1 + devices * (4 + dataLength);

    /// <summary>
    /// Builds the reply (what the devices send together): <paramref name="data"/> holds each device's bytes back to back.
    /// Returns the packet size.
    /// </summary>
    public static int EncodeReply(Span<byte> buffer, ReadOnlySpan<byte> ids, ReadOnlySpan<byte> errors, ReadOnlySpan<byte> data, int dataLength)
    {
        int total = ReplyBytes(ids.Length, dataLength);
        if (buffer.Length < total)
            throw new ArgumentException($"fast sync read reply needs {total} bytes; the buffer holds {buffer.Length}.", nameof(buffer));
        if (errors.Length != ids.Length || data.Length != ids.Length * dataLength)
            throw new ArgumentException($"need {ids.Length} errors and {ids.Length * dataLength} data bytes; got {errors.Length} and {data.Length}.");
        buffer[0] = DynamixelPacket.Header1;
        buffer[1] = DynamixelPacket.Header2;
        buffer[2] = DynamixelPacket.Header3;
        buffer[3] = DynamixelPacket.Reserved;
        buffer[4] = DynamixelPacket.BroadcastId;
        BinaryPrimitives.WriteUInt16LittleEndian(buffer[5..], (ushort)(total - DynamixelPacket.PrefixBytes));
        buffer[7] = (byte)DynamixelInstruction.Status;
        int at = 8;
        for (int i = 0; i < ids.Length; i++)
        {
            buffer[at++] = errors[i];
            buffer[at++] = ids[i];
            data.Slice(i * dataLength, dataLength).CopyTo(buffer[at..]);
            at += dataLength;
            BinaryPrimitives.WriteUInt16LittleEndian(buffer[at..], DynamixelCrc.Compute(buffer[..at]));
            at += 2;
        }
        return at;
    }

    /// <summary>
    /// Reads device <paramref name="index"/>'s block from a complete reply <paramref name="packet"/> (header first).
    /// Returns false when the packet is too short, not a fast-sync reply, or the block's running CRC is wrong.
    /// </summary>
    public static bool TryGetBlock(ReadOnlySpan<byte> packet, int index, int dataLength, out byte id, out byte error, out ReadOnlySpan<byte> data)
    {
        id = 0;
        error = 0;
        data = default;
        int blockBytes = 4 + dataLength;
        int blockStart = 8 + index * blockBytes;
        if (index < 0 || dataLength < 0 || packet.Length < blockStart + blockBytes || packet.Length < 8) return false;
        if (DynamixelPacketDecoder.FindHeader(packet) != 0 || packet[4] != DynamixelPacket.BroadcastId || packet[7] != (byte)DynamixelInstruction.Status)
            return false;
        int crcAt = blockStart + 2 + dataLength;
        if (DynamixelCrc.Compute(packet[..crcAt]) != BinaryPrimitives.ReadUInt16LittleEndian(packet[crcAt..])) return false;
        error = packet[blockStart];
        id = packet[blockStart + 1];
        data = packet.Slice(blockStart + 2, dataLength);
        return true;
    }
}
