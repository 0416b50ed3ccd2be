namespace Controller.Hardware.Devices.EtherCat;

/// <summary>How an <see cref="EtherCatGroup"/> configures its slaves and supervises the cycle.</summary>
public sealed record EtherCatGroupOptions
{
    /// <summary>Where PDO assignments come from.</summary>
    public PdoSource PdoSource { get; init; } = PdoSource.Auto;

    /// <summary>PDO assignments written over CoE in PRE-OP (drives whose default mapping is not the one wanted).</summary>
    public IReadOnlyList<PdoConfiguration> PdoConfigurations { get; init; } = [];

    /// <summary>SDOs written in PRE-OP, after the PDO configurations.</summary>
    public IReadOnlyList<StartupSdo> StartupSdos { get; init; } = [];

    /// <summary>Logical address of the process image.</summary>
    public uint LogicalStart { get; init; }

    /// <summary>How long a cyclic frame may take to come back, 1 µs..1 s.</summary>
    public long CycleTimeoutNs { get; init; } = 1_000_000;

    /// <summary>How long each AL state change may take.</summary>
    public long StateTimeoutNs { get; init; } = 2_000_000_000;

    /// <summary>What the outputs do when a slave leaves OP on its own.</summary>
    public EtherCatFaultReaction FaultReaction { get; init; } = EtherCatFaultReaction.Disable;

    /// <summary>Distributed clocks and SYNC0; null runs the group without DC (frames paced by the master alone).</summary>
    public EtherCatDcOptions? DistributedClocks { get; init; }
}
