namespace Controller.Hardware.Transports.Can;

/// <summary>
/// The CAN FD data length code (ISO 11898-1:2015, table 5): DLC 0..8 are 0..8 bytes as in classic CAN, DLC 9..15
/// are 12, 16, 20, 24, 32, 48, 64 bytes. A payload of another size is padded up to the next valid length.
/// </summary>
public static class CanFdDlc
{
    /// <summary>Largest CAN FD payload.</summary>
    public const int MaxLength = 64;

    private static readonly byte[] Lengths = [0, 1, 2, 3, 4, 5, 6, 7, 8, 12, 16, 20, 24, 32, 48, 64];

    /// <summary>The byte count of DLC <paramref name="dlc"/> (0..15).</summary>
    /// <exception cref="ArgumentOutOfRangeException">DLC outside 0..15.</exception>
    public static int LengthOf(int dlc) => (uint)dlc < 16
        ? Lengths[dlc]
        : throw new ArgumentOutOfRangeException(nameof(dlc), dlc, "a CAN FD DLC is 0..15.");

    /// <summary>The smallest DLC that carries <paramref name="length"/> bytes (0..64).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Length outside 0..64.</exception>
    public static int DlcFor(int length)
    {
        if ((uint)length > MaxLength) throw new ArgumentOutOfRangeException(nameof(length), length, "a CAN FD payload is 0..64 bytes.");
        if (length <= 8) return length;
        int dlc = 9;
        while (Lengths[dlc] < length) dlc++;
        return dlc;
    }

    /// <summary><paramref name="length"/> (0..64) rounded up to a length a DLC can express.</summary>
    public static int RoundUp(int length) => Lengths[DlcFor(length)];

    /// <summary>True when <paramref name="length"/> is one of the 16 lengths a DLC expresses.</summary>
    public static bool IsValidLength(int length) => (uint)length <= MaxLength && Lengths[DlcFor(length)] == length;
}
