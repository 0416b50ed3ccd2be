namespace Controller.Hardware.Simulation.EtherCat;

/// <summary>
/// A simulated slave's CoE object dictionary: values by (index, subindex) with access rights. Entries added
/// with a fixed size reject writes of another length, as real drives do; variable-size entries (strings,
/// domains) take any length. Not thread-safe: the simulated slave owns it.
/// </summary>
public sealed class CoeObjectDictionary
{
    private sealed class Entry(byte[] value, CoeAccess access, bool variableSize)
    {
        public byte[] Value = value;
        public CoeAccess Access { get; } = access;
        public bool VariableSize { get; } = variableSize;
    }

    private readonly Dictionary<(ushort, byte), Entry> _entries = [];
    private readonly HashSet<ushort> _indices = [];

    /// <summary>Adds or replaces an entry.</summary>
    /// <param name="index">Object index.</param>
    /// <param name="subIndex">Subindex.</param>
    /// <param name="value">Initial value (copied); its length is the entry's size unless <paramref name="variableSize"/>.</param>
    /// <param name="access">Access rights.</param>
    /// <param name="variableSize">True for strings and domains.</param>
    public void Add(ushort index, byte subIndex, ReadOnlySpan<byte> value, CoeAccess access = CoeAccess.ReadWrite, bool variableSize = false)
    {
        _entries[(index, subIndex)] = new Entry(value.ToArray(), access, variableSize);
        _indices.Add(index);
    }

    /// <summary>True when the object <paramref name="index"/> has any subindex.</summary>
    public bool HasObject(ushort index) => _indices.Contains(index);

    /// <summary>The current value, or null when the entry does not exist.</summary>
    public byte[]? Get(ushort index, byte subIndex) => _entries.TryGetValue((index, subIndex), out var e) ? e.Value : null;

    /// <summary>The access rights of an existing entry.</summary>
    internal bool TryGetAccess(ushort index, byte subIndex, out CoeAccess access, out int fixedSize)
    {
        if (_entries.TryGetValue((index, subIndex), out var e))
        {
            access = e.Access;
            fixedSize = e.VariableSize ? -1 : e.Value.Length;
            return true;
        }
        access = default;
        fixedSize = 0;
        return false;
    }

    /// <summary>Sets a value regardless of access rights (the device's own application writing).</summary>
    /// <exception cref="KeyNotFoundException">The entry does not exist.</exception>
    public void Set(ushort index, byte subIndex, ReadOnlySpan<byte> value)
    {
        if (!_entries.TryGetValue((index, subIndex), out var e))
            throw new KeyNotFoundException($"object 0x{index:X4}:{subIndex} does not exist");
        e.Value = value.ToArray();
    }
}
