namespace Controller.Hardware.Protocols.EtherCat;

/// <summary>A datagram came back with the wrong working counter: which datagram, what was expected, what came back.</summary>
/// <param name="Command">The datagram's command.</param>
/// <param name="Index">The datagram's index.</param>
/// <param name="Address">The address the request was sent to (raw 32-bit: ADP | ADO &lt;&lt; 16 or logical).</param>
/// <param name="Expected">The working counter a complete exchange returns.</param>
/// <param name="Received">The working counter that came back.</param>
public readonly record struct WorkingCounterError(EtherCatCommand Command, byte Index, uint Address, ushort Expected, ushort Received)
{
    /// <summary>A one-line description, e.g. "FPRD 0x1001:0x0130 idx 3: working counter 0, expected 1".</summary>
    public override string ToString() => Command.Addressing() == EtherCatAddressing.Logical
        ? $"{Command.ToString().ToUpperInvariant()} logical 0x{Address:X8} idx {Index}: working counter {Received}, expected {Expected}"
        : $"{Command.ToString().ToUpperInvariant()} 0x{(ushort)Address:X4}:0x{(ushort)(Address >> 16):X4} idx {Index}: working counter {Received}, expected {Expected}";
}
