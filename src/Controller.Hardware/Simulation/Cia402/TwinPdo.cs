namespace Controller.Hardware.Simulation.Cia402;

/// <summary>One PDO of a twin: its COB-ID, transmission type and the resolved objects it maps.</summary>
public sealed class TwinPdo
{
    internal TwinPdo(ushort communicationIndex, ushort mappingIndex, uint cobId)
    {
        CommunicationIndex = communicationIndex;
        MappingIndex = mappingIndex;
        CobId = cobId;
    }

    /// <summary>0x1400+n or 0x1800+n.</summary>
    public ushort CommunicationIndex { get; }

    /// <summary>0x1600+n or 0x1A00+n.</summary>
    public ushort MappingIndex { get; }

    /// <summary>COB-ID with bit 31 set while invalid.</summary>
    public uint CobId { get; internal set; }

    /// <summary>Transmission type (1 = every SYNC).</summary>
    public byte TransmissionType { get; internal set; } = 1;

    /// <summary>True when the PDO is valid (bit 31 clear) and maps something.</summary>
    public bool IsActive => (CobId & 0x8000_0000) == 0 && Count > 0;

    /// <summary>Mapped objects in order.</summary>
    public TwinObject[] Mapped { get; } = new TwinObject[8];

    /// <summary>Number of mapped objects.</summary>
    public int Count { get; internal set; }

    /// <summary>Bytes the PDO carries.</summary>
    public int Length { get; internal set; }
}
