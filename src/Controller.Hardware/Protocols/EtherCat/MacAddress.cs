using System.Buffers.Binary;

namespace Controller.Hardware.Protocols.EtherCat;

/// <summary>A 48-bit Ethernet MAC address held in a value (no allocation, unlike PhysicalAddress).</summary>
public readonly record struct MacAddress
{
    private const ulong Mask = 0xFFFF_FFFF_FFFFUL;

    /// <summary>The address as an integer, first octet most significant.</summary>
    public ulong Value { get; }

    /// <summary>Creates an address from its integer form (first octet most significant).</summary>
    /// <exception cref="ArgumentOutOfRangeException">value has bits above 48 set.</exception>
    public MacAddress(ulong value)
    {
        if (value > Mask)
            throw new ArgumentOutOfRangeException(nameof(value), value, "a MAC address has 48 bits (0..0xFFFFFFFFFFFF)");
        Value = value;
    }

    /// <summary>ff:ff:ff:ff:ff:ff, the destination EtherCAT masters conventionally use.</summary>
    public static MacAddress Broadcast => new(Mask);

    /// <summary>Reads six octets in wire order.</summary>
    /// <exception cref="ArgumentException">source is shorter than six bytes.</exception>
    public static MacAddress Read(ReadOnlySpan<byte> source)
    {
        if (source.Length < 6)
            throw new ArgumentException($"a MAC address needs 6 bytes, got {source.Length}", nameof(source));
        return new MacAddress(((ulong)BinaryPrimitives.ReadUInt16BigEndian(source) << 32) | BinaryPrimitives.ReadUInt32BigEndian(source[2..]));
    }

    /// <summary>Writes six octets in wire order.</summary>
    /// <exception cref="ArgumentException">destination is shorter than six bytes.</exception>
    public void WriteTo(Span<byte> destination)
    {
        if (destination.Length < 6)
            throw new ArgumentException($"a MAC address needs 6 bytes, got {destination.Length}", nameof(destination));
        BinaryPrimitives.WriteUInt16BigEndian(destination, (ushort)(Value >> 32));
        BinaryPrimitives.WriteUInt32BigEndian(destination[2..], (uint)Value);
    }

    /// <summary>Colon-separated lower-case hex, e.g. 10:10:10:10:10:10.</summary>
    public override string ToString()
    {
        Span<byte> b = stackalloc byte[6];
        WriteTo(b);
        return $"{b[0]:x2}:{b[1]:x2}:{b[2]:x2}:{b[3]:x2}:{b[4]:x2}:{b[5]:x2}";
    }
}
