namespace Controller.Hardware.Devices.Gripper;

/// <summary>Move the fingers to a width at a speed, gripping with at most a force (SI). Values are clamped to the device's <see cref="GripperSpec"/>.</summary>
/// <param name="WidthM">Target opening (m).</param>
/// <param name="SpeedMps">Finger speed (m/s, &gt; 0).</param>
/// <param name="ForceN">Largest grip force (N, ≥ 0).</param>
public readonly record struct GripperCommand(double WidthM, double SpeedMps, double ForceN);
