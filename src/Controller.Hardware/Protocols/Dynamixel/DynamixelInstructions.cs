namespace Controller.Hardware.Protocols.Dynamixel;

/// <summary>
/// Encoders for every Protocol 2.0 instruction (ROBOTIS e-Manual, Protocol 2.0, "Instruction Details"), each into a
/// caller-provided buffer, returning the packet's size. None allocates.
/// </summary>
public static class DynamixelInstructions
{
    /// <summary>Ping: the device answers model number (2 bytes) and firmware version (1 byte).</summary>
    public static int Ping(Span<byte> buffer, byte id) =>
        DynamixelInstructionWriter.Begin(buffer, id, DynamixelInstruction.Ping).Finish();

    /// <summary>Read <paramref name="length"/> bytes from <paramref name="address"/>.</summary>
    public static int Read(Span<byte> buffer, byte id, ushort address, ushort length)
    {
        var w = DynamixelInstructionWriter.Begin(buffer, id, DynamixelInstruction.Read);
        w.WriteUInt16(address);
        w.WriteUInt16(length);
        return w.Finish();
    }

    /// <summary>Write <paramref name="data"/> at <paramref name="address"/>.</summary>
    public static int Write(Span<byte> buffer, byte id, ushort address, ReadOnlySpan<byte> data) =>
        AddressAndData(buffer, id, DynamixelInstruction.Write, address, data);

    /// <summary>Write a 1-, 2- or 4-byte value at <paramref name="address"/>.</summary>
    public static int WriteValue(Span<byte> buffer, byte id, ushort address, int value, int size)
    {
        var w = DynamixelInstructionWriter.Begin(buffer, id, DynamixelInstruction.Write);
        w.WriteUInt16(address);
        w.WriteValue(value, size);
        return w.Finish();
    }

    /// <summary>Register a write, executed by <see cref="Action"/>.</summary>
    public static int RegWrite(Span<byte> buffer, byte id, ushort address, ReadOnlySpan<byte> data) =>
        AddressAndData(buffer, id, DynamixelInstruction.RegWrite, address, data);

    /// <summary>Execute registered writes.</summary>
    public static int Action(Span<byte> buffer, byte id) =>
        DynamixelInstructionWriter.Begin(buffer, id, DynamixelInstruction.Action).Finish();

    /// <summary>Reboot the device.</summary>
    public static int Reboot(Span<byte> buffer, byte id) =>
        DynamixelInstructionWriter.Begin(buffer, id, DynamixelInstruction.Reboot).Finish();

    /// <summary>Factory reset; <paramref name="option"/> 0xFF resets all, 0x01 all but ID, 0x02 all but ID and baud rate.</summary>
    public static int FactoryReset(Span<byte> buffer, byte id, byte option)
    {
        var w = DynamixelInstructionWriter.Begin(buffer, id, DynamixelInstruction.FactoryReset);
        w.WriteByte(option);
        return w.Finish();
    }

    /// <summary>Sync Read: the same <paramref name="length"/> bytes at <paramref name="address"/> from each of <paramref name="ids"/>, which answer in that order.</summary>
    public static int SyncRead(Span<byte> buffer, ushort address, ushort length, ReadOnlySpan<byte> ids) =>
        AddressLengthIds(buffer, DynamixelInstruction.SyncRead, address, length, ids);

    /// <summary>Fast Sync Read: as <see cref="SyncRead"/>, answered by one aggregate status packet (see <see cref="DynamixelFastSyncRead"/>).</summary>
    public static int FastSyncRead(Span<byte> buffer, ushort address, ushort length, ReadOnlySpan<byte> ids) =>
        AddressLengthIds(buffer, DynamixelInstruction.FastSyncRead, address, length, ids);

    /// <summary>Sync Write: <paramref name="length"/> bytes at <paramref name="address"/> to each of <paramref name="ids"/>; <paramref name="data"/> holds ids.Length × length bytes, device by device.</summary>
    public static int SyncWrite(Span<byte> buffer, ushort address, ushort length, ReadOnlySpan<byte> ids, ReadOnlySpan<byte> data)
    {
        if (data.Length != ids.Length * length)
            throw new ArgumentException($"sync write data must hold {ids.Length} × {length} = {ids.Length * length} bytes; it holds {data.Length}.", nameof(data));
        var w = DynamixelInstructionWriter.Begin(buffer, DynamixelPacket.BroadcastId, DynamixelInstruction.SyncWrite);
        w.WriteUInt16(address);
        w.WriteUInt16(length);
        for (int i = 0; i < ids.Length; i++)
        {
            w.WriteByte(ids[i]);
            w.WriteBytes(data.Slice(i * length, length));
        }
        return w.Finish();
    }

    /// <summary>Bulk Read: each entry's own address and length; devices answer in entry order.</summary>
    public static int BulkRead(Span<byte> buffer, ReadOnlySpan<DynamixelBulkEntry> entries)
    {
        var w = DynamixelInstructionWriter.Begin(buffer, DynamixelPacket.BroadcastId, DynamixelInstruction.BulkRead);
        foreach (var e in entries)
        {
            w.WriteByte(e.Id);
            w.WriteUInt16(e.Address);
            w.WriteUInt16(e.Length);
        }
        return w.Finish();
    }

    /// <summary>Bulk Write: each entry's own address and length; <paramref name="data"/> holds the entries' bytes back to back.</summary>
    public static int BulkWrite(Span<byte> buffer, ReadOnlySpan<DynamixelBulkEntry> entries, ReadOnlySpan<byte> data)
    {
        int total = 0;
        foreach (var e in entries) total += e.Length;
        if (data.Length != total)
            throw new ArgumentException($"bulk write data must hold the entries' {total} bytes; it holds {data.Length}.", nameof(data));
        var w = DynamixelInstructionWriter.Begin(buffer, DynamixelPacket.BroadcastId, DynamixelInstruction.BulkWrite);
        int offset = 0;
        foreach (var e in entries)
        {
            w.WriteByte(e.Id);
            w.WriteUInt16(e.Address);
            w.WriteUInt16(e.Length);
            w.WriteBytes(data.Slice(offset, e.Length));
            offset += e.Length;
        }
        return w.Finish();
    }

    /// <summary>A status packet (what a device answers): error byte, then parameters.</summary>
    public static int Status(Span<byte> buffer, byte id, byte error, ReadOnlySpan<byte> parameters)
    {
        var w = DynamixelInstructionWriter.Begin(buffer, id, DynamixelInstruction.Status);
        w.WriteByte(error);
        w.WriteBytes(parameters);
        return w.Finish();
    }

    private static int AddressAndData(Span<byte> buffer, byte id, DynamixelInstruction instruction, ushort address, ReadOnlySpan<byte> data)
    {
        var w = DynamixelInstructionWriter.Begin(buffer, id, instruction);
        w.WriteUInt16(address);
        w.WriteBytes(data);
        return w.Finish();
    }

    private static int AddressLengthIds(Span<byte> buffer, DynamixelInstruction instruction, ushort address, ushort length, ReadOnlySpan<byte> ids)
    {
        var w = DynamixelInstructionWriter.Begin(buffer, DynamixelPacket.BroadcastId, instruction);
        w.WriteUInt16(address);
        w.WriteUInt16(length);
        w.WriteBytes(ids);
        return w.Finish();
    }
}
