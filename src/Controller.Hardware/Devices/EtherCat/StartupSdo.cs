namespace Controller.Hardware.Devices.EtherCat;

/// <summary>An SDO download the group does in PRE-OP (INIT → PRE-OP and again when a slave is re-initialised), e.g. the mode of operation.</summary>
/// <param name="StationAddress">The slave's station address.</param>
/// <param name="Index">Object index.</param>
/// <param name="SubIndex">Subindex.</param>
/// <param name="Data">Value, little-endian as on the wire.</param>
public sealed record StartupSdo(ushort StationAddress, ushort Index, byte SubIndex, byte[] Data);
