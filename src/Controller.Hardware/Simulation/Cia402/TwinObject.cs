namespace Controller.Hardware.Simulation.Cia402;

/// <summary>One entry of a twin's object dictionary: a little-endian integer of 1..8 bytes, or a string.</summary>
public sealed class TwinObject
{
    /// <summary>Creates an integer entry.</summary>
    public TwinObject(ushort index, byte subIndex, int size, bool signed, bool writable, long value, bool mappable = false)
    {
        Index = index;
        SubIndex = subIndex;
        Size = size;
        Signed = signed;
        Writable = writable;
        Value = value;
        Mappable = mappable;
    }

    /// <summary>Creates a read-only VISIBLE_STRING entry.</summary>
    public TwinObject(ushort index, byte subIndex, string text)
    {
        Index = index;
        SubIndex = subIndex;
        Text = System.Text.Encoding.ASCII.GetBytes(text);
        Size = Text.Length;
    }

    /// <summary>Object index.</summary>
    public ushort Index { get; }

    /// <summary>Sub-index.</summary>
    public byte SubIndex { get; }

    /// <summary>Size in bytes.</summary>
    public int Size { get; }

    /// <summary>True for a signed integer.</summary>
    public bool Signed { get; }

    /// <summary>True when SDO may write it.</summary>
    public bool Writable { get; }

    /// <summary>True when it may be mapped into a PDO.</summary>
    public bool Mappable { get; }

    /// <summary>The integer value (the low <see cref="Size"/> bytes are what goes on the wire).</summary>
    public long Value { get; set; }

    /// <summary>The bytes of a string entry; null for integers.</summary>
    public byte[]? Text { get; }
}
