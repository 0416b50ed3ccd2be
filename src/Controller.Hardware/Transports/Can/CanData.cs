using System.Runtime.CompilerServices;

namespace Controller.Hardware.Transports.Can;

/// <summary>The eight data bytes of a classic CAN frame, stored inline. Index it like an array or take a span.</summary>
[InlineArray(CanFrame.MaxClassicLength)]
public struct CanData
{
    private byte _element0;
}
