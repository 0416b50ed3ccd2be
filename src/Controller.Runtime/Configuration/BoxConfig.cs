namespace Controller.Runtime.Configuration;

/// <summary>An axis-aligned box in the simulated scene (a cube to pick, a bin wall), in the robot's root frame.</summary>
/// <param name="Name">Name (cubes are named by colour: <c>red_cube</c>).</param>
/// <param name="Min">Lowest corner (m).</param>
/// <param name="Max">Highest corner (m).</param>
/// <param name="Movable">True for an object the gripper can pick (a cube); false for fixtures (bin walls).</param>
public sealed record BoxConfig(string Name, double[] Min, double[] Max, bool Movable);
