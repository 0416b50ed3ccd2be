using Controller.Robotics.Model;
using Controller.Robotics.Simulation;
using Controller.Robotics.Spatial;
using Controller.Robotics.Urdf;
using Controller.Runtime.Simulation;
using Controller.Runtime.Tests.Configuration;

namespace Controller.Runtime.Tests.Simulation;

/// <summary>The simulated operator's hand, stepped by hand on a bare sim-arm6 plant (no thread, no runtime).</summary>
public class SimulatedOperatorTests
{
    private static (RigidBodyPlant Plant, RobotModel Model) Arm()
    {
        RobotModel model = RobotModel.FromUrdf(UrdfParser.ParseFile(RobotConfigLoaderTests.Hardware("sim-arm6/sim_arm6.urdf")));
        var plant = new RigidBodyPlant(model);
        plant.SetState([0, 0.3, 1.2, 0, 1.0, 0, 1.0], new double[7]);
        return (plant, model);
    }

    [Fact]
    public void Step_FarWaypoint_PullsTowardItWithTheBoundedForce()
    {
        var (plant, model) = Arm();
        Vec3 tool = SimulatedOperator.FramePosition(plant, model, "tool_tip");
        var target = new Vec3(tool.X, tool.Y + 0.3, tool.Z + 0.4);
        using var hand = new SimulatedOperator(plant, model, "tool_tip", [target]) { MaxForceN = 12 };

        Vec3 force = hand.Step();

        Assert.Equal(12, force.Norm, 9);
        Vec3 direction = (1 / (target - tool).Norm) * (target - tool);
        Assert.Equal(1, Vec3.Dot(direction, (1 / force.Norm) * force), 6); // at rest: the spring alone, straight at the waypoint
        Assert.Equal(force, plant.GetExternalWrench("tool_tip").ForceN);
    }

    [Fact]
    public void Step_NearWaypoint_SpringForceAndNextWaypointOnceReached()
    {
        var (plant, model) = Arm();
        Vec3 tool = SimulatedOperator.FramePosition(plant, model, "tool_tip");
        var near = new Vec3(tool.X, tool.Y, tool.Z + 0.01);
        using var hand = new SimulatedOperator(plant, model, "tool_tip", [near, new Vec3(0, 0.23, 0.1)]) { StiffnessNPerM = 300, ReachedM = 0.015 };

        Vec3 force = hand.Step();

        Assert.Equal(1, hand.NextWaypoint); // 1 cm away: reached, so the hand goes on to the second waypoint
        Assert.Equal(hand.MaxForceN, force.Norm, 9);
        hand.Dispose();
        Assert.Equal(Vec3.Zero, plant.GetExternalWrench("tool_tip").ForceN); // let go
    }

    [Fact]
    public void Constructor_NoWaypointsOrUnknownFrame_Throws()
    {
        var (plant, model) = Arm();

        Assert.Contains("at least one finite waypoint", Assert.Throws<ArgumentException>(() => new SimulatedOperator(plant, model, "tool_tip", [])).Message);
        Assert.Contains("no frame 'hand'", Assert.Throws<ArgumentException>(() => new SimulatedOperator(plant, model, "hand", [Vec3.Zero])).Message);
    }
}
