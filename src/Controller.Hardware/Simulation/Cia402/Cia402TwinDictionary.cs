using System.Buffers.Binary;
using Controller.Hardware.Protocols.Cia402;
using Controller.Hardware.Protocols.CanOpen;

namespace Controller.Hardware.Simulation.Cia402;

/// <summary>
/// The object dictionary of a simulated CiA 402 servo drive: the CiA 301 communication objects (device type,
/// error register, device name, heartbeat time, identity, PDO communication and mapping parameters) and the
/// CiA 402 drive objects the runtime uses. PDO mapping written over SDO is checked like a real drive checks it
/// (PDO invalid while changing, mappable objects, at most 64 bits) and becomes the twin's actual PDO layout.
/// </summary>
public sealed class Cia402TwinDictionary : IObjectDictionary
{
    private readonly Dictionary<uint, TwinObject> _objects = [];

    /// <summary>Creates the dictionary with the default PDO mapping of <see cref="Cia402PdoLayout"/>.</summary>
    public Cia402TwinDictionary(byte nodeId, string deviceName, uint serialNumber)
    {
        Add(new TwinObject(0x1000, 0, 4, false, false, 0x0002_0192)); // device type: CiA 402, servo drive
        Add(new TwinObject(0x1001, 0, 1, false, false, 0));
        Add(new TwinObject(0x1008, 0, deviceName));
        Add(new TwinObject(0x1017, 0, 2, false, true, 0));
        Add(new TwinObject(0x1018, 0, 1, false, false, 4));
        Add(new TwinObject(0x1018, 1, 4, false, false, 0x0000_0000)); // vendor-ID: none assigned to a simulation
        Add(new TwinObject(0x1018, 2, 4, false, false, 0x0000_0402));
        Add(new TwinObject(0x1018, 3, 4, false, false, 0x0001_0000));
        Add(new TwinObject(0x1018, 4, 4, false, false, serialNumber));
        foreach (var (index, size, signed, writable) in new (ushort, int, bool, bool)[]
        {
            (Cia402Objects.ErrorCode, 2, false, false), (Cia402Objects.Controlword, 2, false, true), (Cia402Objects.Statusword, 2, false, false),
            (Cia402Objects.QuickStopOptionCode, 2, true, true), (Cia402Objects.ModesOfOperation, 1, true, true),
            (Cia402Objects.ModesOfOperationDisplay, 1, true, false), (Cia402Objects.PositionActualValue, 4, true, false),
            (Cia402Objects.FollowingErrorWindow, 4, false, true), (Cia402Objects.VelocityActualValue, 4, true, false),
            (Cia402Objects.TargetTorque, 2, true, true), (Cia402Objects.MaxTorque, 2, false, true), (Cia402Objects.MotorRatedTorque, 4, false, true),
            (Cia402Objects.TorqueActualValue, 2, true, false), (Cia402Objects.TargetPosition, 4, true, true),
            (Cia402Objects.TargetVelocity, 4, true, true), (Cia402Objects.FollowingErrorActualValue, 4, true, false),
            (Cia402Objects.TorqueOffset, 2, true, true),
            (Cia402Objects.SupportedDriveModes, 4, false, false),
        })
        {
            Add(new TwinObject(index, 0, size, signed, writable, 0, mappable: true));
        }
        Get(Cia402Objects.SupportedDriveModes).Value = (1 << 0) | (1 << 2) | (1 << 5) | (1 << 7) | (1 << 8) | (1 << 9);
        Get(Cia402Objects.MaxTorque).Value = 3000;
        for (int pdo = 0; pdo < 4; pdo++)
        {
            Rpdos[pdo] = AddPdo((ushort)(0x1400 + pdo), (ushort)(0x1600 + pdo), CanOpenCobIds.Rpdo(pdo + 1, nodeId));
            Tpdos[pdo] = AddPdo((ushort)(0x1800 + pdo), (ushort)(0x1A00 + pdo), CanOpenCobIds.Tpdo(pdo + 1, nodeId));
        }
        ApplyDefault(Rpdos[0], Cia402PdoLayout.Rpdo1);
        ApplyDefault(Rpdos[1], Cia402PdoLayout.Rpdo2);
        ApplyDefault(Tpdos[0], Cia402PdoLayout.Tpdo1);
        ApplyDefault(Tpdos[1], Cia402PdoLayout.Tpdo2);
    }

    /// <summary>The four receive PDOs.</summary>
    public TwinPdo[] Rpdos { get; } = new TwinPdo[4];

    /// <summary>The four transmit PDOs.</summary>
    public TwinPdo[] Tpdos { get; } = new TwinPdo[4];

    /// <summary>Called after an SDO write was stored (index, sub-index); the twin reacts (controlword, mode).</summary>
    public Action<ushort, byte>? Written { get; set; }

    /// <summary>The entry at <paramref name="index"/>:<paramref name="subIndex"/>; throws when absent (twin programming error).</summary>
    public TwinObject Get(ushort index, byte subIndex = 0) => _objects[Key(index, subIndex)];

    /// <inheritdoc />
    public SdoAbortCode Read(ushort index, byte subIndex, Span<byte> destination, out int length)
    {
        length = 0;
        if (!_objects.TryGetValue(Key(index, subIndex), out var entry))
            return HasIndex(index) ? SdoAbortCode.SubIndexDoesNotExist : SdoAbortCode.ObjectDoesNotExist;
        if (entry.Size > destination.Length) return SdoAbortCode.OutOfMemory;
        if (entry.Text is not null) entry.Text.CopyTo(destination);
        else WriteLittleEndian(destination, entry.Value, entry.Size);
        length = entry.Size;
        return SdoAbortCode.None;
    }

    /// <inheritdoc />
    public SdoAbortCode Write(ushort index, byte subIndex, ReadOnlySpan<byte> data)
    {
        if (!_objects.TryGetValue(Key(index, subIndex), out var entry))
            return HasIndex(index) ? SdoAbortCode.SubIndexDoesNotExist : SdoAbortCode.ObjectDoesNotExist;
        if (!entry.Writable) return SdoAbortCode.WriteOfReadOnly;
        if (data.Length > entry.Size) return SdoAbortCode.LengthTooHigh;
        if (data.Length < entry.Size) return SdoAbortCode.LengthTooLow;
        long value = ReadLittleEndian(data, entry.Signed);
        var pdoCode = CheckPdoWrite(index, subIndex, value);
        if (pdoCode != SdoAbortCode.None) return pdoCode;
        entry.Value = value;
        Written?.Invoke(index, subIndex);
        return SdoAbortCode.None;
    }

    /// <summary>Packs a transmit PDO from the current object values.</summary>
    public void Pack(TwinPdo pdo, Span<byte> data)
    {
        int offset = 0;
        for (int i = 0; i < pdo.Count; i++)
        {
            var entry = pdo.Mapped[i];
            WriteLittleEndian(data[offset..], entry.Value, entry.Size);
            offset += entry.Size;
        }
    }

    /// <summary>Stores a received PDO into its mapped objects; false when it is shorter than the mapping.</summary>
    public bool Unpack(TwinPdo pdo, ReadOnlySpan<byte> data)
    {
        if (data.Length < pdo.Length) return false;
        int offset = 0;
        for (int i = 0; i < pdo.Count; i++)
        {
            var entry = pdo.Mapped[i];
            entry.Value = ReadLittleEndian(data.Slice(offset, entry.Size), entry.Signed);
            offset += entry.Size;
        }
        return true;
    }

    private static uint Key(ushort index, byte subIndex) => ((uint)index << 8) | subIndex;

    private bool HasIndex(ushort index) => _objects.ContainsKey(Key(index, 0));

    private void Add(TwinObject entry) => _objects[Key(entry.Index, entry.SubIndex)] = entry;

    private TwinPdo AddPdo(ushort communication, ushort mapping, uint cobId)
    {
        var pdo = new TwinPdo(communication, mapping, cobId | PdoConfiguration.InvalidBit);
        Add(new TwinObject(communication, 0, 1, false, false, 2));
        Add(new TwinObject(communication, 1, 4, false, true, pdo.CobId));
        Add(new TwinObject(communication, 2, 1, false, true, PdoConfiguration.SynchronousEverySync));
        Add(new TwinObject(mapping, 0, 1, false, true, 0));
        for (byte sub = 1; sub <= 8; sub++) Add(new TwinObject(mapping, sub, 4, false, true, 0));
        return pdo;
    }

    private void ApplyDefault(TwinPdo pdo, PdoMap map)
    {
        for (int i = 0; i < map.Entries.Count; i++) Get(pdo.MappingIndex, (byte)(i + 1)).Value = map.Entries[i].Encode();
        Get(pdo.MappingIndex).Value = map.Entries.Count;
        Rebuild(pdo, map.Entries.Count);
        pdo.CobId &= ~PdoConfiguration.InvalidBit;
        Get(pdo.CommunicationIndex, 1).Value = pdo.CobId;
    }

    private TwinPdo? PdoOf(ushort index)
    {
        foreach (var pdo in Rpdos) if (pdo.CommunicationIndex == index || pdo.MappingIndex == index) return pdo;
        foreach (var pdo in Tpdos) if (pdo.CommunicationIndex == index || pdo.MappingIndex == index) return pdo;
        return null;
    }

    private SdoAbortCode CheckPdoWrite(ushort index, byte subIndex, long value)
    {
        var pdo = PdoOf(index);
        if (pdo is null) return SdoAbortCode.None;
        bool valid = (pdo.CobId & PdoConfiguration.InvalidBit) == 0;
        if (index == pdo.CommunicationIndex)
        {
            if (subIndex == 1)
            {
                bool becomesValid = (value & PdoConfiguration.InvalidBit) == 0;
                if (valid && becomesValid && (uint)value != pdo.CobId) return SdoAbortCode.InvalidValue; // change the COB-ID only while invalid
                pdo.CobId = (uint)value;
            }
            else if (subIndex == 2)
            {
                pdo.TransmissionType = (byte)value;
            }
            return SdoAbortCode.None;
        }
        // Mapping object: only while the PDO is invalid (CiA 301 §7.5.2.36, step a).
        if (valid) return SdoAbortCode.DataCannotBeStoredDeviceState;
        if (subIndex == 0)
        {
            if (value > 8) return SdoAbortCode.ValueTooHigh;
            return Rebuild(pdo, (int)value);
        }
        if (Get(pdo.MappingIndex).Value != 0) return SdoAbortCode.DataCannotBeStoredDeviceState;
        var entry = PdoMappingEntry.Decode((uint)value);
        if (!_objects.TryGetValue(Key(entry.Index, entry.SubIndex), out var target) || !target.Mappable || target.Size * 8 != entry.BitLength)
            return SdoAbortCode.ObjectCannotBeMapped;
        return SdoAbortCode.None;
    }

    private SdoAbortCode Rebuild(TwinPdo pdo, int count)
    {
        int bytes = 0;
        for (int i = 0; i < count; i++)
        {
            var entry = PdoMappingEntry.Decode((uint)Get(pdo.MappingIndex, (byte)(i + 1)).Value);
            if (!_objects.TryGetValue(Key(entry.Index, entry.SubIndex), out var target) || !target.Mappable) return SdoAbortCode.ObjectCannotBeMapped;
            bytes += target.Size;
            if (bytes > 8) return SdoAbortCode.PdoLengthExceeded;
            pdo.Mapped[i] = target;
        }
        pdo.Count = count;
        pdo.Length = bytes;
        return SdoAbortCode.None;
    }

    private static void WriteLittleEndian(Span<byte> destination, long value, int size)
    {
        for (int i = 0; i < size; i++) destination[i] = (byte)(value >> (8 * i));
    }

    private static long ReadLittleEndian(ReadOnlySpan<byte> data, bool signed)
    {
        long value = 0;
        for (int i = data.Length - 1; i >= 0; i--) value = (value << 8) | data[i];
        if (signed && data.Length < 8)
        {
            int shift = 64 - 8 * data.Length;
            value = (value << shift) >> shift;
        }
        return value;
    }
}
