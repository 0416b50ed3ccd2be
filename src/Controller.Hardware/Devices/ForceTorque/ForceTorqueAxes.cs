namespace Controller.Hardware.Devices.ForceTorque;

/// <summary>The six axes of a wrench as bits, e.g. which axes are saturated.</summary>
[Flags]
public enum ForceTorqueAxes
{
    /// <summary>No axis.</summary>
    None = 0,

    /// <summary>Force along x.</summary>
    ForceX = 1,

    /// <summary>Force along y.</summary>
    ForceY = 2,

    /// <summary>Force along z.</summary>
    ForceZ = 4,

    /// <summary>Torque about x.</summary>
    TorqueX = 8,

    /// <summary>Torque about y.</summary>
    TorqueY = 16,

    /// <summary>Torque about z.</summary>
    TorqueZ = 32,
}
