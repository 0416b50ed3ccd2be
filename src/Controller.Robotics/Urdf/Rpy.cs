namespace Controller.Robotics.Urdf;

/// <summary>
/// Fixed-axis roll, pitch, yaw angles in radians, as URDF writes them: the rotation is
/// Rz(yaw) · Ry(pitch) · Rx(roll).
/// </summary>
/// <param name="Roll">Rotation about the x axis, radians.</param>
/// <param name="Pitch">Rotation about the y axis, radians.</param>
/// <param name="Yaw">Rotation about the z axis, radians.</param>
public readonly record struct Rpy(double Roll, double Pitch, double Yaw);
