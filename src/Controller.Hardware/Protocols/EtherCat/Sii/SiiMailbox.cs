namespace Controller.Hardware.Protocols.EtherCat.Sii;

/// <summary>Where a mailbox lives in ESC memory (SII words 0x14..0x17 bootstrap, 0x18..0x1B standard).</summary>
/// <param name="ReceiveOffset">Start of the master-to-slave mailbox (SM0).</param>
/// <param name="ReceiveSize">Its size in bytes.</param>
/// <param name="SendOffset">Start of the slave-to-master mailbox (SM1).</param>
/// <param name="SendSize">Its size in bytes.</param>
public readonly record struct SiiMailbox(ushort ReceiveOffset, ushort ReceiveSize, ushort SendOffset, ushort SendSize)
{
    /// <summary>True when both directions have a size.</summary>
    public bool IsPresent => ReceiveSize != 0 && SendSize != 0;
}
