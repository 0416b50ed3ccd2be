namespace Controller.Runtime.Configuration;

/// <summary>A sphere on a robot link that touches the table and the boxes.</summary>
/// <param name="Link">Link name in the URDF.</param>
/// <param name="Center">Centre in the link frame (m).</param>
/// <param name="RadiusM">Radius (m).</param>
public sealed record ContactSphereConfig(string Link, double[] Center, double RadiusM);
