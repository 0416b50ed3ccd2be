namespace Controller.Hardware.Devices.Gripper;

/// <summary>A gripper's measured state (SI).</summary>
public struct GripperState
{
    /// <summary>Opening between the fingers (m).</summary>
    public double WidthM;

    /// <summary>Rate of change of the width (m/s, positive opening).</summary>
    public double SpeedMps;

    /// <summary>Grip force the fingers exert (N; 0 when not in contact).</summary>
    public double ForceN;

    /// <summary>What the fingers are doing.</summary>
    public GraspStatus Status;

    /// <summary>True when <see cref="Status"/> is <see cref="GraspStatus.Grasped"/>.</summary>
    public readonly bool GraspDetected => Status == GraspStatus.Grasped;
}
