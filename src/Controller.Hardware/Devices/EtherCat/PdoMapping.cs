namespace Controller.Hardware.Devices.EtherCat;

/// <summary>One PDO: its mapping object index (0x1600.. outputs, 0x1A00.. inputs) and the objects it carries in order.</summary>
/// <param name="Index">The PDO's mapping object index.</param>
/// <param name="Entries">Mapped objects, first at the lowest bit.</param>
public sealed record PdoMapping(ushort Index, IReadOnlyList<PdoEntryMapping> Entries)
{
    /// <summary>Sum of the entries' bits.</summary>
    public int BitLength
    {
        get
        {
            int bits = 0;
            foreach (var e in Entries) bits += e.BitLength;
            return bits;
        }
    }

    /// <summary>Bit offset of the entry mapping <paramref name="index"/>:<paramref name="subIndex"/> inside this PDO, or -1.</summary>
    public int BitOffsetOf(ushort index, byte subIndex)
    {
        int bit = 0;
        foreach (var e in Entries)
        {
            if (e.Index == index && e.SubIndex == subIndex)
                return bit;
            bit += e.BitLength;
        }
        return -1;
    }
}
