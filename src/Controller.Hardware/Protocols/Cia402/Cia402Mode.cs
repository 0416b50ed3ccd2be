namespace Controller.Hardware.Protocols.Cia402;

/// <summary>Modes of operation, object 0x6060 (commanded) and 0x6061 (displayed), INTEGER8 (CiA 402-2 §6.3).</summary>
public enum Cia402Mode : sbyte
{
    /// <summary>No mode assigned.</summary>
    None = 0,

    /// <summary>Profile position (PP): the drive plans its own trajectory to 0x607A.</summary>
    ProfilePosition = 1,

    /// <summary>Velocity mode (vl, frequency-converter style).</summary>
    Velocity = 2,

    /// <summary>Profile velocity (PV): ramps to 0x60FF.</summary>
    ProfileVelocity = 3,

    /// <summary>Profile torque (PT).</summary>
    ProfileTorque = 4,

    /// <summary>Homing (method in 0x6098).</summary>
    Homing = 6,

    /// <summary>Interpolated position (IP).</summary>
    InterpolatedPosition = 7,

    /// <summary>Cyclic synchronous position (CSP): a new 0x607A every SYNC.</summary>
    CyclicSyncPosition = 8,

    /// <summary>Cyclic synchronous velocity (CSV): a new 0x60FF every SYNC.</summary>
    CyclicSyncVelocity = 9,

    /// <summary>Cyclic synchronous torque (CST): a new 0x6071 every SYNC.</summary>
    CyclicSyncTorque = 10,
}
