namespace Controller.Pipeline.Messages;

/// <summary>A six-axis force/torque sample in the sensor's frame.</summary>
public struct Wrench
{
    /// <summary>Sequence and sample time.</summary>
    public MessageHeader Header;

    /// <summary>Which sensor, by its index in the hardware configuration.</summary>
    public int SensorIndex;

    /// <summary>Sample quality.</summary>
    public WrenchFlags Flags;

    /// <summary>Force along x (N).</summary>
    public double ForceXN;

    /// <summary>Force along y (N).</summary>
    public double ForceYN;

    /// <summary>Force along z (N).</summary>
    public double ForceZN;

    /// <summary>Torque about x (N·m).</summary>
    public double TorqueXNm;

    /// <summary>Torque about y (N·m).</summary>
    public double TorqueYNm;

    /// <summary>Torque about z (N·m).</summary>
    public double TorqueZNm;
}
