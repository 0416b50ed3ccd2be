namespace Controller.Hardware.Devices.EtherCat;

/// <summary>A PDO assignment the group writes over CoE in PRE-OP (see <see cref="PdoAssignment.WriteToCoe"/>) before reading it back to plan the image.</summary>
/// <param name="StationAddress">The slave's station address.</param>
/// <param name="SyncManager">Process-data SM (2 outputs, 3 inputs on a CoE slave).</param>
/// <param name="Pdos">PDOs and their mappings.</param>
public sealed record PdoConfiguration(ushort StationAddress, int SyncManager, IReadOnlyList<PdoMapping> Pdos);
