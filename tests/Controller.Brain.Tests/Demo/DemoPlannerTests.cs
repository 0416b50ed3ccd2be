using Controller.Brain.Demo;
using Controller.Brain.Hosting;
using Controller.Brain.Manifests;
using Controller.Brain.Perception;
using Controller.Brain.Tests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace Controller.Brain.Tests.Demo;

/// <summary>The committed models/demo-planner.onnx on rendered scenes.</summary>
public sealed class DemoPlannerTests : IDisposable
{
    private readonly ModelHost _host = ModelHost.Create(ManifestParser.Load(RepoPaths.Model(DemoModelGenerator.PlannerManifestFile)));
    private readonly ObservationAssembler _observation;
    private readonly TopDownCamera _camera = new();
    private readonly byte[] _pixels;

    public DemoPlannerTests()
    {
        _observation = new ObservationAssembler(_host, 7);
        _pixels = new byte[_camera.FrameBytes];
    }

    public void Dispose() => _host.Dispose();

    private (string Skill, double X, double Y) Plan(IReadOnlyList<SceneBox> scene, string instruction)
    {
        Assert.Equal(AssemblyStatus.Ok, _observation.SetImage("observation.images.top", _camera.Render(scene, _pixels, 0)));
        Assert.Equal(AssemblyStatus.Ok, _observation.SetTask(instruction));
        Assert.Equal(InferenceStatus.Ok, _host.Run());
        var logits = _host.Outputs["skill_logits"].Floats;
        var target = _host.Outputs["target_xy"].Floats;
        return (logits[0] > logits[1] ? "pick_and_place" : "hold", target[0], target[1]);
    }

    private static SceneBox Cube(string colour, double x, double y) =>
        SceneBox.Named($"{colour}_cube", [x - 0.015, y - 0.015, 0], [x + 0.015, y + 0.015, 0.03]);

    private static IReadOnlyList<SceneBox> SimArm6Scene() =>
    [
        SceneBox.Named("red_cube", [0.22, -0.10, 0.0], [0.25, -0.07, 0.03]),
        SceneBox.Named("green_cube", [0.26, 0.02, 0.0], [0.29, 0.05, 0.03]),
        SceneBox.Named("blue_cube", [0.18, 0.08, 0.0], [0.21, 0.11, 0.03]),
        SceneBox.Named("bin_wall_near", [-0.05, 0.18, 0.0], [0.05, 0.19, 0.06]),
        SceneBox.Named("bin_wall_far", [-0.05, 0.27, 0.0], [0.05, 0.28, 0.06]),
        SceneBox.Named("bin_wall_left", [-0.06, 0.18, 0.0], [-0.05, 0.28, 0.06]),
        SceneBox.Named("bin_wall_right", [0.05, 0.18, 0.0], [0.06, 0.28, 0.06]),
    ];

    [Fact]
    public void Run_SimArm6SceneRedInstruction_TargetsRedCubeCentre()
    {
        var (skill, x, y) = Plan(SimArm6Scene(), "put the red cube in the bin");
        Assert.Equal("pick_and_place", skill);
        Assert.Equal(0.235, x, 0.002);
        Assert.Equal(-0.085, y, 0.002);
    }

    [Fact]
    public void Run_BlueInstruction_PicksTheBlueCube()
    {
        var (skill, x, y) = Plan(SimArm6Scene(), "Put the BLUE cube in the bin.");
        Assert.Equal("pick_and_place", skill);
        Assert.Equal(0.195, x, 0.002);
        Assert.Equal(0.095, y, 0.002);
    }

    [Fact]
    public void Run_RandomScenes_TargetWithinOneCentimetreOfNamedCube()
    {
        string[] colours = ["red", "green", "blue"];
        Prop.ForAll(Gen.Choose(0, int.MaxValue - 1).ToArbitrary(), seed =>
        {
            var random = new Random(seed);
            var centres = new List<(double X, double Y)>();
            while (centres.Count < 3)
            {
                (double X, double Y) c = (0.03 + random.NextDouble() * 0.34, -0.17 + random.NextDouble() * 0.44);
                if (centres.All(o => Math.Max(Math.Abs(o.X - c.X), Math.Abs(o.Y - c.Y)) > 0.04)) centres.Add(c);
            }
            var scene = new List<SceneBox> { SceneBox.Named("bin_wall", [-0.05, 0.18, 0], [0.05, 0.19, 0.06]) };
            for (int i = 0; i < 3; i++) scene.Add(Cube(colours[i], centres[i].X, centres[i].Y));
            int named = random.Next(3);
            var (skill, x, y) = Plan(scene, $"put the {colours[named]} cube in the bin");
            Assert.Equal("pick_and_place", skill);
            Assert.True(Math.Abs(x - centres[named].X) < 0.01 && Math.Abs(y - centres[named].Y) < 0.01,
                $"{colours[named]} cube at ({centres[named].X:0.####}, {centres[named].Y:0.####}); planner said ({x:0.####}, {y:0.####})");
        }).QuickCheckThrowOnFailure();
    }

    [Theory]
    [InlineData("put the cube in the bin")]                  // no colour named
    [InlineData("put the yellow cube in the bin")]           // unknown colour word
    [InlineData("put the red and the blue cube in the bin")] // ambiguous
    [InlineData("")]
    public void Run_NoSingleColourNamed_Holds(string instruction)
    {
        Assert.Equal("hold", Plan(SimArm6Scene(), instruction).Skill);
    }

    [Fact]
    public void Run_NamedCubeAbsentOrOutOfView_Holds()
    {
        IReadOnlyList<SceneBox> withoutGreen = SimArm6Scene().Where(b => !b.Name.Contains("green")).ToArray();
        Assert.Equal("hold", Plan(withoutGreen, "put the green cube in the bin").Skill);
        Assert.Equal("hold", Plan([Cube("red", 0.6, 0.0)], "put the red cube in the bin").Skill);
        Assert.Equal("pick_and_place", Plan(withoutGreen, "put the red cube in the bin").Skill);
    }
}
