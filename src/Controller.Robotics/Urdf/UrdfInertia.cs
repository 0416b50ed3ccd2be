namespace Controller.Robotics.Urdf;

/// <summary>The six independent entries of a symmetric 3×3 rotational inertia matrix, kg·m².</summary>
/// <param name="Ixx">Entry (x, x).</param>
/// <param name="Ixy">Entry (x, y) = (y, x).</param>
/// <param name="Ixz">Entry (x, z) = (z, x).</param>
/// <param name="Iyy">Entry (y, y).</param>
/// <param name="Iyz">Entry (y, z) = (z, y).</param>
/// <param name="Izz">Entry (z, z).</param>
public readonly record struct UrdfInertia(double Ixx, double Ixy, double Ixz, double Iyy, double Iyz, double Izz);
