namespace Controller.Hardware.Protocols.Feetech;

/// <summary>Encoders for the Feetech SCS/STS instructions, each into a caller-provided buffer; none allocates.</summary>
public static class FeetechInstructions
{
    /// <summary>Ping.</summary>
    public static int Ping(Span<byte> buffer, byte id) =>
        FeetechPacketWriter.Begin(buffer, id, (byte)FeetechInstruction.Ping).Finish();

    /// <summary>Read <paramref name="length"/> bytes at <paramref name="address"/>.</summary>
    public static int Read(Span<byte> buffer, byte id, byte address, byte length)
    {
        var w = FeetechPacketWriter.Begin(buffer, id, (byte)FeetechInstruction.Read);
        w.WriteByte(address);
        w.WriteByte(length);
        return w.Finish();
    }

    /// <summary>Write <paramref name="data"/> (already in the family's byte order) at <paramref name="address"/>.</summary>
    public static int Write(Span<byte> buffer, byte id, byte address, ReadOnlySpan<byte> data) =>
        AddressAndData(buffer, id, FeetechInstruction.Write, address, data);

    /// <summary>Register a write for <see cref="Action"/>.</summary>
    public static int RegWrite(Span<byte> buffer, byte id, byte address, ReadOnlySpan<byte> data) =>
        AddressAndData(buffer, id, FeetechInstruction.RegWrite, address, data);

    /// <summary>Execute registered writes.</summary>
    public static int Action(Span<byte> buffer, byte id) =>
        FeetechPacketWriter.Begin(buffer, id, (byte)FeetechInstruction.Action).Finish();

    /// <summary>Sync Read of <paramref name="length"/> bytes at <paramref name="address"/> from each of <paramref name="ids"/> (they answer in that order).</summary>
    public static int SyncRead(Span<byte> buffer, byte address, byte length, ReadOnlySpan<byte> ids)
    {
        var w = FeetechPacketWriter.Begin(buffer, FeetechPacket.BroadcastId, (byte)FeetechInstruction.SyncRead);
        w.WriteByte(address);
        w.WriteByte(length);
        w.WriteBytes(ids);
        return w.Finish();
    }

    /// <summary>Sync Write of <paramref name="length"/> bytes at <paramref name="address"/>; <paramref name="data"/> holds ids.Length × length bytes, servo by servo.</summary>
    public static int SyncWrite(Span<byte> buffer, byte address, byte length, ReadOnlySpan<byte> ids, ReadOnlySpan<byte> data)
    {
        if (data.Length != ids.Length * length)
            throw new ArgumentException($"sync write data must hold {ids.Length} × {length} = {ids.Length * length} bytes; it holds {data.Length}.", nameof(data));
        var w = FeetechPacketWriter.Begin(buffer, FeetechPacket.BroadcastId, (byte)FeetechInstruction.SyncWrite);
        w.WriteByte(address);
        w.WriteByte(length);
        for (int i = 0; i < ids.Length; i++)
        {
            w.WriteByte(ids[i]);
            w.WriteBytes(data.Slice(i * length, length));
        }
        return w.Finish();
    }

    /// <summary>A status packet (what a servo answers): its error byte, then parameters.</summary>
    public static int Status(Span<byte> buffer, byte id, FeetechStatusErrors error, ReadOnlySpan<byte> parameters)
    {
        var w = FeetechPacketWriter.Begin(buffer, id, (byte)error);
        w.WriteBytes(parameters);
        return w.Finish();
    }

    private static int AddressAndData(Span<byte> buffer, byte id, FeetechInstruction instruction, byte address, ReadOnlySpan<byte> data)
    {
        var w = FeetechPacketWriter.Begin(buffer, id, (byte)instruction);
        w.WriteByte(address);
        w.WriteBytes(data);
        return w.Finish();
    }
}
