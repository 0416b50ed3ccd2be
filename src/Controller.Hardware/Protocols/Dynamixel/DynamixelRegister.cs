namespace Controller.Hardware.Protocols.Dynamixel;

/// <summary>One control-table item: its address and size in bytes (1, 2 or 4; multi-byte values little-endian).</summary>
/// <param name="Address">Control-table address.</param>
/// <param name="Size">Bytes.</param>
public readonly record struct DynamixelRegister(ushort Address, byte Size)
{
    /// <summary>First address after the item.</summary>
    public int End => Address + Size;
}
