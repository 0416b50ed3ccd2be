using System.Buffers.Binary;

namespace Controller.Hardware.Protocols.CanOpen;

/// <summary>
/// The layout of one PDO: its mapped objects in order, each at a byte offset, little-endian, 8 bytes at most.
/// Cyclic packing and unpacking go through <see cref="Write"/> and <see cref="Read"/> by entry number: no
/// allocation, no lookup by name on the cycle path.
/// </summary>
/// <remarks>Only byte-aligned entries of 8, 16, 32 or 64 bits are supported (what drives map in practice).</remarks>
public sealed class PdoMap
{
    private readonly PdoMappingEntry[] _entries;
    private readonly int[] _offsets;

    /// <summary>Creates a map.</summary>
    /// <exception cref="ArgumentException">When an entry's length is not 8/16/32/64 bits, there are more than 8 entries, or the total exceeds 64 bits.</exception>
    public PdoMap(params PdoMappingEntry[] entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Length > 8) throw new ArgumentException($"a PDO maps at most 8 objects; got {entries.Length}.", nameof(entries));
        _entries = [.. entries];
        _offsets = new int[entries.Length];
        int offset = 0;
        for (int i = 0; i < entries.Length; i++)
        {
            if (entries[i].BitLength is not (8 or 16 or 32 or 64))
                throw new ArgumentException($"PDO entry {entries[i]}: only 8, 16, 32 or 64 bit objects are supported; got {entries[i].BitLength}.", nameof(entries));
            _offsets[i] = offset;
            offset += entries[i].BitLength / 8;
        }
        if (offset > 8) throw new ArgumentException($"PDO mapping of {offset * 8} bits exceeds the 64 bits of a CAN frame.", nameof(entries));
        Length = offset;
    }

    /// <summary>The mapped objects in order.</summary>
    public IReadOnlyList<PdoMappingEntry> Entries => _entries;

    /// <summary>Bytes the PDO carries.</summary>
    public int Length { get; }

    /// <summary>Byte offset of entry <paramref name="entry"/>.</summary>
    public int OffsetOf(int entry) => _offsets[entry];

    /// <summary>The entry number mapping <paramref name="index"/>:<paramref name="subIndex"/>, or -1.</summary>
    public int Find(ushort index, byte subIndex = 0)
    {
        for (int i = 0; i < _entries.Length; i++)
            if (_entries[i].Index == index && _entries[i].SubIndex == subIndex) return i;
        return -1;
    }

    /// <summary>Writes the low bits of <paramref name="value"/> at entry <paramref name="entry"/>.</summary>
    public void Write(Span<byte> pdo, int entry, long value)
    {
        var at = pdo[_offsets[entry]..];
        switch (_entries[entry].BitLength)
        {
            case 8: at[0] = (byte)value; break;
            case 16: BinaryPrimitives.WriteUInt16LittleEndian(at, (ushort)value); break;
            case 32: BinaryPrimitives.WriteUInt32LittleEndian(at, (uint)value); break;
            default: BinaryPrimitives.WriteInt64LittleEndian(at, value); break;
        }
    }

    /// <summary>Reads entry <paramref name="entry"/>, sign-extended when <paramref name="signed"/>.</summary>
    public long Read(ReadOnlySpan<byte> pdo, int entry, bool signed)
    {
        var at = pdo[_offsets[entry]..];
        return _entries[entry].BitLength switch
        {
            8 => signed ? (sbyte)at[0] : at[0],
            16 => signed ? BinaryPrimitives.ReadInt16LittleEndian(at) : BinaryPrimitives.ReadUInt16LittleEndian(at),
            32 => signed ? BinaryPrimitives.ReadInt32LittleEndian(at) : BinaryPrimitives.ReadUInt32LittleEndian(at),
            _ => BinaryPrimitives.ReadInt64LittleEndian(at),
        };
    }
}
