namespace Controller.Hardware.Protocols.CanOpen;

/// <summary>NMT node control command specifiers (CiA 301 §7.2.8.3.1): byte 0 of a COB-ID 0x000 frame.</summary>
public enum NmtCommand : byte
{
    /// <summary>Start remote node: to operational.</summary>
    StartRemoteNode = 0x01,

    /// <summary>Stop remote node: to stopped.</summary>
    StopRemoteNode = 0x02,

    /// <summary>Enter pre-operational.</summary>
    EnterPreOperational = 0x80,

    /// <summary>Reset node (application and communication).</summary>
    ResetNode = 0x81,

    /// <summary>Reset communication.</summary>
    ResetCommunication = 0x82,
}
