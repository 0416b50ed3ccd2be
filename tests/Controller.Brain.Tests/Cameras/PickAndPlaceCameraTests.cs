using Controller.Brain.Cameras;
using Controller.Brain.Demo;
using Controller.Brain.Hosting;
using Controller.Brain.Manifests;
using Controller.Brain.Perception;
using Controller.Brain.Policies;
using Controller.Brain.Tasks;
using Controller.Brain.Tests.Support;
using Controller.Pipeline.Messages;
using Controller.Pipeline.Rings;
using Controller.Robotics.Model;
using Controller.Robotics.Urdf;

namespace Controller.Brain.Tests.Cameras;

/// <summary>The pick-and-place task's planner reading a camera source instead of rendering the scene it is given.</summary>
public sealed class PickAndPlaceCameraTests : IDisposable
{
    private static readonly RobotModel Model = RobotModel.FromUrdf(UrdfParser.ParseFile(RepoPaths.SimArm6Urdf));
    private readonly ModelHost _planner = ModelHost.Create(ManifestParser.Load(RepoPaths.Model(DemoModelGenerator.PlannerManifestFile)));
    private readonly ModelHost _policyHost = ModelHost.Create(ManifestParser.Load(RepoPaths.Model(DemoModelGenerator.PolicyManifestFile)));
    private readonly SpscRing<ActionChunk> _ring = SpscRing<ActionChunk>.Create(8);

    public void Dispose()
    {
        _planner.Dispose();
        _policyHost.Dispose();
        _ring.Dispose();
    }

    private static SceneBox Red(double x, double y) => SceneBox.Named("red_cube", [x - 0.015, y - 0.015, 0], [x + 0.015, y + 0.015, 0.03]);

    private PickAndPlaceTask Task(ICameraSource source) =>
        new(Model, _planner, new PolicyRunner(_policyHost, 7, _ring.TakeProducer()), new TopDownCamera(), imageSource: source);

    private static PickAndPlaceSkill Step(PickAndPlaceTask task, IReadOnlyList<SceneBox> scene)
    {
        var state = new JointState { JointCount = 7 };
        state.Position[1] = 0.3;
        state.Position[2] = 1.2;
        return task.Step(in state, scene, "put the red cube in the bin", 1_000_000);
    }

    [Fact]
    public void Step_WithCameraSource_PlansFromTheCameraNotTheScene()
    {
        using var camera = new SceneCameraSource("top", new TopDownCamera(), boxes => boxes.Add(Red(0.15, 0.05)));
        camera.Open();
        var task = Task(camera);

        Assert.Equal(PickAndPlaceSkill.Approach, Step(task, [Red(0.30, -0.12)]));
        Assert.Equal(0.15, task.LastTargetXM, 0.003);
        Assert.Equal(0.05, task.LastTargetYM, 0.003);
        Assert.Equal(1, camera.FramesCaptured);
    }

    [Fact]
    public void Step_CameraWithoutFrame_CountsAMissAndWaits()
    {
        using var camera = new SceneCameraSource("top", new TopDownCamera(), boxes => boxes.Add(Red(0.15, 0.05)));
        var task = Task(camera); // never opened: no frame

        Assert.Equal(PickAndPlaceSkill.WaitForPlan, Step(task, [Red(0.30, -0.12)]));
        Assert.Equal(1, task.PlannerImageMisses);
        Assert.Equal(0, task.PlannerFailures);
    }
}
