namespace Controller.Hardware.Simulation;

/// <summary>A force/torque reading in the sensor's frame, as the simulated plant produces it.</summary>
/// <param name="ForceXN">Force along x (N).</param>
/// <param name="ForceYN">Force along y (N).</param>
/// <param name="ForceZN">Force along z (N).</param>
/// <param name="TorqueXNm">Torque about x (N·m).</param>
/// <param name="TorqueYNm">Torque about y (N·m).</param>
/// <param name="TorqueZNm">Torque about z (N·m).</param>
public readonly record struct SensorWrench(
    double ForceXN, double ForceYN, double ForceZN, double TorqueXNm, double TorqueYNm, double TorqueZNm);
