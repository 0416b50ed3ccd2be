using System.Runtime.CompilerServices;

namespace Controller.Hardware.Transports.Can;

/// <summary>The 64 data bytes of a CAN FD frame, stored inline.</summary>
[InlineArray(CanFdDlc.MaxLength)]
public struct CanFdData
{
    private byte _element0;
}
