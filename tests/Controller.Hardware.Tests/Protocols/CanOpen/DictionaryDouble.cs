using Controller.Hardware.Protocols.CanOpen;

namespace Controller.Hardware.Tests.Protocols.CanOpen;

/// <summary>A dictionary of byte arrays for SDO tests; unknown objects abort with "object does not exist".</summary>
internal sealed class DictionaryDouble : IObjectDictionary
{
    public Dictionary<(ushort, byte), byte[]> Values { get; } = [];

    public SdoAbortCode Read(ushort index, byte subIndex, Span<byte> destination, out int length)
    {
        length = 0;
        if (!Values.TryGetValue((index, subIndex), out var value)) return SdoAbortCode.ObjectDoesNotExist;
        if (value.Length > destination.Length) return SdoAbortCode.OutOfMemory;
        value.CopyTo(destination);
        length = value.Length;
        return SdoAbortCode.None;
    }

    public SdoAbortCode Write(ushort index, byte subIndex, ReadOnlySpan<byte> data)
    {
        if (index == 0x1000) return SdoAbortCode.WriteOfReadOnly;
        Values[(index, subIndex)] = data.ToArray();
        return SdoAbortCode.None;
    }
}
