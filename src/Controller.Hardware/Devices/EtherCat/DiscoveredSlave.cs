using Controller.Hardware.Protocols.EtherCat.Esc;
using Controller.Hardware.Protocols.EtherCat.Sii;

namespace Controller.Hardware.Devices.EtherCat;

/// <summary>A slave found by <see cref="EtherCatDiscovery"/>.</summary>
/// <param name="Position">0-based position in the line.</param>
/// <param name="StationAddress">The configured station address the master assigned.</param>
/// <param name="Sii">Its parsed SII EEPROM.</param>
/// <param name="AlStatus">Its AL status after discovery.</param>
public sealed record DiscoveredSlave(int Position, ushort StationAddress, SiiImage Sii, AlStatus AlStatus);
