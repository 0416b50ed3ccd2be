namespace Controller.Robotics.Kinematics;

/// <summary>The outcome of an inverse-kinematics solve.</summary>
/// <param name="Converged">True when both errors fell below their tolerances.</param>
/// <param name="Iterations">Iterations used.</param>
/// <param name="PositionErrorM">Remaining position error (m).</param>
/// <param name="OrientationErrorRad">Remaining orientation error (rad).</param>
public readonly record struct IkResult(bool Converged, int Iterations, double PositionErrorM, double OrientationErrorRad);
