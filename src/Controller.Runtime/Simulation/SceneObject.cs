namespace Controller.Runtime.Simulation;

/// <summary>A box in the simulated scene at one instant, in the robot's root frame.</summary>
/// <param name="Name">Name (cubes carry their colour: <c>red_cube</c>).</param>
/// <param name="Min">Lowest corner (m).</param>
/// <param name="Max">Highest corner (m).</param>
/// <param name="Movable">True for a cube the gripper can pick.</param>
/// <param name="Held">True while the gripper holds it.</param>
public sealed record SceneObject(string Name, double[] Min, double[] Max, bool Movable, bool Held)
{
    /// <summary>Centre of the box.</summary>
    public double[] Center => [(Min[0] + Max[0]) / 2, (Min[1] + Max[1]) / 2, (Min[2] + Max[2]) / 2];
}
