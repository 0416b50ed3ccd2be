namespace Controller.Hardware.Protocols.Feetech;

/// <summary>A Feetech STS/SMS memory-table item: address, size, and the sign bit of sign-magnitude items (-1 for unsigned).</summary>
/// <param name="Address">Memory-table address.</param>
/// <param name="Size">Bytes.</param>
/// <param name="SignBit">Sign bit of a sign-magnitude value, or -1 for unsigned items.</param>
public readonly record struct FeetechRegister(byte Address, byte Size, int SignBit = -1);
