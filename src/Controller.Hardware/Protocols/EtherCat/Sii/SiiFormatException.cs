namespace Controller.Hardware.Protocols.EtherCat.Sii;

/// <summary>The one exception <see cref="SiiParser"/> throws: names the category (or the fixed header) and the byte offset.</summary>
public sealed class SiiFormatException : Exception
{
    /// <summary>The category type being read, or null for the fixed header words.</summary>
    public ushort? Category { get; }

    /// <summary>Byte offset into the EEPROM image where the problem was found.</summary>
    public int ByteOffset { get; }

    /// <summary>Creates the exception.</summary>
    public SiiFormatException(ushort? category, int byteOffset, string problem)
        : base($"SII {(category is ushort c ? $"category {SiiCategoryNames.Describe(c)}" : "header")} at byte 0x{byteOffset:X4}: {problem}")
    {
        Category = category;
        ByteOffset = byteOffset;
    }
}
