namespace Controller.Hardware.Protocols.CanOpen;

/// <summary>NMT states as a heartbeat reports them (CiA 301 §7.2.8.3.2, byte 0 bits 6..0).</summary>
public enum NmtState : byte
{
    /// <summary>Boot-up message (sent once, on entering pre-operational after initialisation).</summary>
    BootUp = 0x00,

    /// <summary>Stopped: only NMT and heartbeat.</summary>
    Stopped = 0x04,

    /// <summary>Operational: PDOs run.</summary>
    Operational = 0x05,

    /// <summary>Pre-operational: SDO, SYNC, EMCY, no PDOs.</summary>
    PreOperational = 0x7F,

    /// <summary>Not heard from (this library's value, never on the wire).</summary>
    Unknown = 0xFF,
}
