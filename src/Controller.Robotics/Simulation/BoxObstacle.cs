using Controller.Robotics.Spatial;

namespace Controller.Robotics.Simulation;

/// <summary>An axis-aligned box fixed in the root frame (a cube on the table, a bin wall).</summary>
/// <param name="Name">For messages and telemetry.</param>
/// <param name="Min">Lowest corner (m).</param>
/// <param name="Max">Highest corner (m).</param>
public sealed record BoxObstacle(string Name, Vec3 Min, Vec3 Max);
