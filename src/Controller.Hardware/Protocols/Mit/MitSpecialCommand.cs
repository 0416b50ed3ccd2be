namespace Controller.Hardware.Protocols.Mit;

/// <summary>
/// The special frames of the MIT protocol: seven 0xFF bytes then this byte. They share the identifier of ordinary
/// commands, so an ordinary command must never pack to one of them (see <see cref="MitCodec.EncodeCommand"/>).
/// </summary>
public enum MitSpecialCommand : byte
{
    /// <summary>Damiao: clear error.</summary>
    ClearError = 0xFB,

    /// <summary>Enter motor mode (enable).</summary>
    EnterMotorMode = 0xFC,

    /// <summary>Exit motor mode (disable).</summary>
    ExitMotorMode = 0xFD,

    /// <summary>Set the current position as zero.</summary>
    SetZero = 0xFE,
}
