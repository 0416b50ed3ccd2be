namespace Controller.Hardware.Protocols.EtherCat;

/// <summary>What the master sent and what it expects back: the key a reply is matched against.</summary>
/// <param name="Command">The command sent.</param>
/// <param name="Address">The address sent (raw 32-bit).</param>
/// <param name="DataLength">The data length sent; a reply has the same.</param>
/// <param name="ExpectedWorkingCounter">The working counter of a complete exchange.</param>
public readonly record struct DatagramRequest(EtherCatCommand Command, uint Address, ushort DataLength, ushort ExpectedWorkingCounter);
