namespace Controller.Runtime.Configuration;

/// <summary>The Cartesian admittance of hand guiding (<c>controllers.admittance</c>): M·ẍ + D·ẋ + K·x = F at <see cref="Frame"/>.</summary>
/// <param name="MassKg">Virtual mass (kg).</param>
/// <param name="DampingNsPerM">Virtual damping (N·s/m): a steady push of F moves the frame at F/D.</param>
/// <param name="StiffnessNPerM">Virtual spring back to where guiding started (N/m); 0: the arm stays where it is left.</param>
/// <param name="Frame">The URDF frame that is guided (the tool centre).</param>
/// <param name="MaxSpeedMps">The frame never moves faster than this (m/s).</param>
public sealed record AdmittanceConfig(double MassKg, double DampingNsPerM, double StiffnessNPerM, string Frame, double MaxSpeedMps);
