using Controller.Hardware.Protocols.EtherCat.Sii;

namespace Controller.Hardware.Devices.EtherCat;

/// <summary>What the planner needs to know of one slave: its address, its process-data SMs with their PDOs, and what its SII says each FMMU is for.</summary>
/// <param name="StationAddress">Configured station address.</param>
/// <param name="SyncManagers">Process-data SM assignments (see <see cref="PdoAssignment"/>).</param>
/// <param name="FmmuUsages">The SII FMMU category (empty: FMMUs are taken in order).</param>
public sealed record SlaveProcessData(ushort StationAddress, IReadOnlyList<SyncManagerAssignment> SyncManagers, IReadOnlyList<SiiFmmuUsage> FmmuUsages);
