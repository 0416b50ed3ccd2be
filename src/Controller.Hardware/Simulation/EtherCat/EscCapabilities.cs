namespace Controller.Hardware.Simulation.EtherCat;

/// <summary>
/// What a simulated ESC implements. Accesses to FMMUs, sync managers or DC registers it lacks are not
/// counted in the working counter, exactly as the real terminals in ethercrab's EK1100 + EL2828 + EL2889
/// capture answer (FMMU 3..7 and SM 4..7 only by the EK1100; no DC register by the EL2828).
/// </summary>
/// <param name="FmmuCount">FMMUs, 1..16.</param>
/// <param name="SyncManagerCount">Sync managers, 1..16.</param>
/// <param name="DistributedClocks">True when the DC system-time unit (0x0910..0x09FF) exists; port receive times (0x0900..0x090F) always do.</param>
public readonly record struct EscCapabilities(int FmmuCount, int SyncManagerCount, bool DistributedClocks)
{
    /// <summary>Beckhoff ET1100 (EK1100 and larger terminals): 8 FMMUs, 8 SMs, DC.</summary>
    public static EscCapabilities Et1100 => new(8, 8, true);

    /// <summary>Beckhoff ET1200 (small terminals): 3 FMMUs, 4 SMs, DC.</summary>
    public static EscCapabilities Et1200 => new(3, 4, true);

    /// <summary>Throws when a count is outside 1..16.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is out of range.</exception>
    public void Validate()
    {
        if (FmmuCount is < 1 or > 16)
            throw new ArgumentOutOfRangeException(nameof(FmmuCount), FmmuCount, "an ESC has 1..16 FMMUs");
        if (SyncManagerCount is < 1 or > 16)
            throw new ArgumentOutOfRangeException(nameof(SyncManagerCount), SyncManagerCount, "an ESC has 1..16 sync managers");
    }
}
