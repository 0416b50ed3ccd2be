namespace Controller.Hardware.Devices.EtherCat;

/// <summary>The result of <see cref="DistributedClocks.Initialise"/>: the reference clock and every slave's delay and offset.</summary>
/// <param name="ReferenceStation">Station address of the reference clock (the first slave with DC).</param>
/// <param name="Slaves">All slaves of the line, in position order.</param>
public sealed record DcTopology(ushort ReferenceStation, IReadOnlyList<DcSlaveClock> Slaves)
{
    /// <summary>Slaves with a DC unit: the expected working counter of an FRMW/ARMW of 0x0910.</summary>
    public int ClockCount => Slaves.Count(s => s.HasDistributedClock);
}
