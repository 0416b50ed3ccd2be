using Controller.Brain.Demo;
using Controller.Brain.Hosting;
using Controller.Brain.Manifests;
using Controller.Brain.Tests.Support;
using Controller.Robotics.Model;
using Controller.Robotics.Urdf;

namespace Controller.Brain.Tests.Demo;

public class DemoModelGeneratorTests
{
    [Fact]
    public void WriteAll_TempFolder_ByteIdenticalToCommittedModels()
    {
        // Set REGENERATE_DEMO_MODELS=1 to rewrite models/ after changing the generator (or run `robotctl model generate-demo`).
        if (Environment.GetEnvironmentVariable("REGENERATE_DEMO_MODELS") == "1") DemoModelGenerator.WriteAll(RepoPaths.Models);
        using var folder = new TempFolder();
        var written = DemoModelGenerator.WriteAll(folder.Path);
        Assert.Equal(5, written.Count);
        foreach (string path in written)
        {
            string committed = RepoPaths.Model(Path.GetFileName(path));
            Assert.True(File.Exists(committed), $"{committed} is missing; regenerate with REGENERATE_DEMO_MODELS=1.");
            Assert.True(File.ReadAllBytes(path).AsSpan().SequenceEqual(File.ReadAllBytes(committed)),
                $"{Path.GetFileName(path)} differs from the committed file; regenerate with REGENERATE_DEMO_MODELS=1 and commit.");
        }
    }

    [Theory]
    [InlineData(DemoModelGenerator.PlannerManifestFile)]
    [InlineData(DemoModelGenerator.PolicyManifestFile)]
    public void CommittedManifest_LoadsAndValidatesAgainstItsModel(string manifest)
    {
        using var host = ModelHost.Create(ManifestParser.Load(RepoPaths.Model(manifest)));
        Assert.NotEmpty(host.Outputs);
    }

    [Fact]
    public void LimitsRad_EqualSimArm6Urdf()
    {
        var model = RobotModel.FromUrdf(UrdfParser.ParseFile(RepoPaths.SimArm6Urdf));
        Assert.Equal(DemoModelGenerator.Joints, model.DofCount);
        for (int j = 0; j < model.DofCount; j++)
        {
            Assert.Equal(model.Joints[j].LowerLimit, DemoModelGenerator.LowerLimitsRad[j], 9);
            Assert.Equal(model.Joints[j].UpperLimit, DemoModelGenerator.UpperLimitsRad[j], 9);
        }
    }
}
