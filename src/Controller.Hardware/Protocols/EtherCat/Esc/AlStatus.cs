namespace Controller.Hardware.Protocols.EtherCat.Esc;

/// <summary>The AL status register (0x0130) decoded: state, error indicator (bit 4) and ID-loaded (bit 5).</summary>
/// <param name="Raw">The register value.</param>
public readonly record struct AlStatus(ushort Raw)
{
    /// <summary>Bit 4: the slave refused or left a state; the reason is in AL status code (0x0134).</summary>
    public const ushort ErrorFlag = 0x10;

    /// <summary>Bit 5: the device identification value is loaded into AL status code.</summary>
    public const ushort IdLoadedFlag = 0x20;

    /// <summary>The state (low 4 bits). A value outside <see cref="AlState"/> is returned as is.</summary>
    public AlState State => (AlState)(Raw & 0x0F);

    /// <summary>True when the error indicator is set.</summary>
    public bool HasError => (Raw & ErrorFlag) != 0;

    /// <summary>True when the ID-loaded bit is set.</summary>
    public bool IdLoaded => (Raw & IdLoadedFlag) != 0;

    /// <summary>"SafeOp", or "SafeOp + error".</summary>
    public override string ToString() => HasError ? $"{State} + error" : State.ToString();
}
