namespace Controller.Hardware.Protocols.Cia402;

/// <summary>Object dictionary indices of the CiA 402-2 drive profile used here (all sub-index 0 unless noted).</summary>
public static class Cia402Objects
{
    /// <summary>0x603F error code (UNSIGNED16): the last EMCY error code.</summary>
    public const ushort ErrorCode = 0x603F;

    /// <summary>0x6040 controlword (UNSIGNED16).</summary>
    public const ushort Controlword = 0x6040;

    /// <summary>0x6041 statusword (UNSIGNED16).</summary>
    public const ushort Statusword = 0x6041;

    /// <summary>0x605A quick stop option code (INTEGER16).</summary>
    public const ushort QuickStopOptionCode = 0x605A;

    /// <summary>0x6060 modes of operation (INTEGER8).</summary>
    public const ushort ModesOfOperation = 0x6060;

    /// <summary>0x6061 modes of operation display (INTEGER8).</summary>
    public const ushort ModesOfOperationDisplay = 0x6061;

    /// <summary>0x6064 position actual value (INTEGER32, increments).</summary>
    public const ushort PositionActualValue = 0x6064;

    /// <summary>0x6065 following error window (UNSIGNED32, increments).</summary>
    public const ushort FollowingErrorWindow = 0x6065;

    /// <summary>0x606C velocity actual value (INTEGER32, increments/s here).</summary>
    public const ushort VelocityActualValue = 0x606C;

    /// <summary>0x6071 target torque (INTEGER16, per mille of rated torque).</summary>
    public const ushort TargetTorque = 0x6071;

    /// <summary>0x6072 max torque (UNSIGNED16, per mille of rated torque).</summary>
    public const ushort MaxTorque = 0x6072;

    /// <summary>0x6076 motor rated torque (UNSIGNED32, mN·m).</summary>
    public const ushort MotorRatedTorque = 0x6076;

    /// <summary>0x6077 torque actual value (INTEGER16, per mille of rated torque).</summary>
    public const ushort TorqueActualValue = 0x6077;

    /// <summary>0x607A target position (INTEGER32, increments).</summary>
    public const ushort TargetPosition = 0x607A;

    /// <summary>0x6081 profile velocity (UNSIGNED32), used by profile position.</summary>
    public const ushort ProfileVelocity = 0x6081;

    /// <summary>0x6098 homing method (INTEGER8).</summary>
    public const ushort HomingMethod = 0x6098;

    /// <summary>0x60B1 velocity offset (INTEGER32): velocity feed-forward in CSP.</summary>
    public const ushort VelocityOffset = 0x60B1;

    /// <summary>0x60B2 torque offset (INTEGER16): torque feed-forward in CSP/CSV.</summary>
    public const ushort TorqueOffset = 0x60B2;

    /// <summary>0x60F4 following error actual value (INTEGER32, increments).</summary>
    public const ushort FollowingErrorActualValue = 0x60F4;

    /// <summary>0x60FF target velocity (INTEGER32, increments/s here).</summary>
    public const ushort TargetVelocity = 0x60FF;

    /// <summary>0x6502 supported drive modes (UNSIGNED32 bit field: bit 0 PP, 2 PV, 5 homing, 7 CSP, 8 CSV, 9 CST).</summary>
    public const ushort SupportedDriveModes = 0x6502;
}
