namespace Controller.Hardware.Protocols.EtherCat;

/// <summary>Builds the 32-bit datagram address field.</summary>
public static class EtherCatAddress
{
    /// <summary>Auto-increment address of the slave at <paramref name="position"/> (0 = first): ADP is the negated position.</summary>
    /// <exception cref="ArgumentOutOfRangeException">position is outside 0..65535.</exception>
    public static uint AutoIncrement(int position, ushort register)
    {
        if (position is < 0 or > 0xFFFF)
            throw new ArgumentOutOfRangeException(nameof(position), position, "slave position must be in 0..65535");
        return Physical((ushort)(-position), register);
    }

    /// <summary>Configured-station (or broadcast) address: ADP = station, ADO = register.</summary>
    public static uint Physical(ushort adp, ushort register) => adp | ((uint)register << 16);
}
