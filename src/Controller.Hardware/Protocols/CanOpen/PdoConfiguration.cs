namespace Controller.Hardware.Protocols.CanOpen;

/// <summary>
/// The SDO write sequences that configure a PDO, in the order CiA 301 §7.5.2.36–§7.5.2.38 requires: invalidate the
/// PDO (COB-ID bit 31 set), clear the mapping count (sub 0 = 0), write the entries, set the count, set the
/// transmission type, then validate the PDO with its COB-ID.
/// </summary>
public static class PdoConfiguration
{
    /// <summary>Bit 31 of a PDO COB-ID: the PDO does not exist / is not valid.</summary>
    public const uint InvalidBit = 0x8000_0000;

    /// <summary>Transmission type 1: synchronous, every SYNC (TPDO sent / RPDO applied at each SYNC).</summary>
    public const byte SynchronousEverySync = 1;

    /// <summary>Transmission type 255: event-driven (device profile specific).</summary>
    public const byte EventDriven = 255;

    /// <summary>Writes configuring RPDO <paramref name="pdo"/> (1..4) of a node with the predefined COB-ID.</summary>
    public static IReadOnlyList<SdoWrite> Rpdo(int pdo, byte nodeId, PdoMap map, byte transmissionType = SynchronousEverySync) =>
        Sequence((ushort)(0x1400 + pdo - 1), (ushort)(0x1600 + pdo - 1), CanOpenCobIds.Rpdo(CheckPdo(pdo), nodeId), map, transmissionType);

    /// <summary>Writes configuring TPDO <paramref name="pdo"/> (1..4) of a node with the predefined COB-ID.</summary>
    public static IReadOnlyList<SdoWrite> Tpdo(int pdo, byte nodeId, PdoMap map, byte transmissionType = SynchronousEverySync) =>
        Sequence((ushort)(0x1800 + pdo - 1), (ushort)(0x1A00 + pdo - 1), CanOpenCobIds.Tpdo(CheckPdo(pdo), nodeId), map, transmissionType);

    private static IReadOnlyList<SdoWrite> Sequence(ushort communication, ushort mapping, uint cobId, PdoMap map, byte transmissionType)
    {
        var writes = new List<SdoWrite>
        {
            SdoWrite.UInt32(communication, 1, cobId | InvalidBit),
            SdoWrite.UInt8(mapping, 0, 0),
        };
        for (int i = 0; i < map.Entries.Count; i++) writes.Add(SdoWrite.UInt32(mapping, (byte)(i + 1), map.Entries[i].Encode()));
        writes.Add(SdoWrite.UInt8(mapping, 0, (byte)map.Entries.Count));
        writes.Add(SdoWrite.UInt8(communication, 2, transmissionType));
        writes.Add(SdoWrite.UInt32(communication, 1, cobId));
        return writes;
    }

    private static int CheckPdo(int pdo)
    {
        if (pdo is < 1 or > 4) throw new ArgumentOutOfRangeException(nameof(pdo), pdo, "the predefined connection set has PDOs 1..4.");
        return pdo;
    }
}
