namespace Controller.Hardware.Protocols.Cia402;

/// <summary>
/// Object 0x6041 statusword: bit meanings and state decoding per CiA 402-2 (IEC 61800-7-201 §6.2, "statusword").
/// Pure functions on <see cref="ushort"/>, shared by the CANopen and EtherCAT (CoE) drives.
/// </summary>
public static class Cia402Statusword
{
    /// <summary>Bit 0: ready to switch on.</summary>
    public const ushort ReadyToSwitchOn = 1 << 0;

    /// <summary>Bit 1: switched on.</summary>
    public const ushort SwitchedOn = 1 << 1;

    /// <summary>Bit 2: operation enabled.</summary>
    public const ushort OperationEnabled = 1 << 2;

    /// <summary>Bit 3: fault.</summary>
    public const ushort Fault = 1 << 3;

    /// <summary>Bit 4: voltage enabled (high voltage applied).</summary>
    public const ushort VoltageEnabled = 1 << 4;

    /// <summary>Bit 5: quick stop — active LOW: 0 means a quick stop is in progress.</summary>
    public const ushort QuickStop = 1 << 5;

    /// <summary>Bit 6: switch on disabled.</summary>
    public const ushort SwitchOnDisabled = 1 << 6;

    /// <summary>Bit 7: warning (the drive runs on).</summary>
    public const ushort Warning = 1 << 7;

    /// <summary>Bit 9: remote — the controlword is being processed.</summary>
    public const ushort Remote = 1 << 9;

    /// <summary>Bit 10: target reached (mode-specific meaning).</summary>
    public const ushort TargetReached = 1 << 10;

    /// <summary>Bit 11: internal limit active.</summary>
    public const ushort InternalLimitActive = 1 << 11;

    /// <summary>Bit 12: mode specific (CSP/CSV/CST: drive follows the command value; homing: homing attained).</summary>
    public const ushort OperationModeSpecific12 = 1 << 12;

    /// <summary>Bit 13: mode specific (CSP and PP: following error; homing: homing error).</summary>
    public const ushort OperationModeSpecific13 = 1 << 13;

    /// <summary>Decodes the state from bits 0, 1, 2, 3, 5 and 6 (the spec's masks 0x4F and 0x6F).</summary>
    public static Cia402State DecodeState(ushort statusword)
    {
        switch (statusword & 0x4F)
        {
            case 0x00: return Cia402State.NotReadyToSwitchOn;
            case 0x40: return Cia402State.SwitchOnDisabled;
            case 0x0F: return Cia402State.FaultReactionActive;
            case 0x08: return Cia402State.Fault;
        }
        return (statusword & 0x6F) switch
        {
            0x21 => Cia402State.ReadyToSwitchOn,
            0x23 => Cia402State.SwitchedOn,
            0x27 => Cia402State.OperationEnabled,
            0x07 => Cia402State.QuickStopActive,
            _ => Cia402State.Unknown,
        };
    }

    /// <summary>
    /// The state bits a drive reports for <paramref name="state"/> (bits 0..3, 5, 6), with bit 4 "voltage enabled"
    /// set whenever the power stage is ready. OR in warning, remote and the mode-specific bits separately.
    /// </summary>
    public static ushort Encode(Cia402State state) => state switch
    {
        Cia402State.NotReadyToSwitchOn => 0x0000,
        Cia402State.SwitchOnDisabled => 0x0040,
        Cia402State.ReadyToSwitchOn => 0x0021 | VoltageEnabled,
        Cia402State.SwitchedOn => 0x0023 | VoltageEnabled,
        Cia402State.OperationEnabled => 0x0027 | VoltageEnabled,
        Cia402State.QuickStopActive => 0x0007 | VoltageEnabled,
        Cia402State.FaultReactionActive => 0x000F | VoltageEnabled,
        Cia402State.Fault => 0x0008,
        _ => 0x0000,
    };

    /// <summary>True when the drive reports a following error (bit 13; meaningful in CSP and PP).</summary>
    public static bool HasFollowingError(ushort statusword) => (statusword & OperationModeSpecific13) != 0;

    /// <summary>True when the warning bit is set.</summary>
    public static bool HasWarning(ushort statusword) => (statusword & Warning) != 0;
}
