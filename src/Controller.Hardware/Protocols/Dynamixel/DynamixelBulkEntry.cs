namespace Controller.Hardware.Protocols.Dynamixel;

/// <summary>One device's share of a Bulk Read or Bulk Write: its ID, the start address and the byte count.</summary>
/// <param name="Id">Device ID.</param>
/// <param name="Address">Control-table start address.</param>
/// <param name="Length">Bytes to read or write.</param>
public readonly record struct DynamixelBulkEntry(byte Id, ushort Address, ushort Length);
