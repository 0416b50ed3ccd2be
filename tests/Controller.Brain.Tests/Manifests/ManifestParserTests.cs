using Controller.Brain.Manifests;
using Controller.Brain.Tests.Support;

namespace Controller.Brain.Tests.Manifests;

public class ManifestParserTests
{
    [Fact]
    public void Parse_ManyProblems_AllCollectedInOneException()
    {
        using var folder = new TempFolder();
        var e = Assert.Throws<ManifestException>(() => ManifestParser.Parse("""
            kind: policee
            model: missing.onnx
            rate_hz: -3
            inputs:
              - feature: observation.images.top
                tensor: img
                shape: [1, 5, 48, 64]
              - feature: observation.stat
                tensor: s
                shape: [1, 14]
              - feature: task
                tensor: ids
                shape: [1, 8]
            action:
              tensor: action
              shape: [1, 200, 14]
              meaning: absolute_joint_position
              step_hz: 30
              execute_steps: 300
              normalize: mean_std
              min: [0, 1]
              colour: red
            """, "bad.yaml", folder.Path));
        string[] expected =
        [
            "kind: expected one of policy, planner, found 'policee'",
            "rate_hz: must be in [0.01, 1000]; it is -3",
            "inputs[0].shape: Nchw image with 5 channels; 1 or 3 expected (check layout:)",
            "inputs[1].feature: 'observation.stat' is not a known feature",
            "action.execute_steps: must be in [1, 128]; it is 300",
            "action.colour: unknown key",
            "action.shape: horizon 200 exceeds the chunk capacity 128",
            "action.min: expected 14 values (one per action dimension), found 2",
            "tokenizer: missing: a 'task' input needs a tokenizer",
            "action.normalize: MeanStd needs stats for 'action'",
        ];
        foreach (string p in expected) Assert.Contains(e.Problems, q => q.StartsWith(p, StringComparison.Ordinal));
        Assert.Equal("bad.yaml", e.ManifestPath);
    }

    [Fact]
    public void Parse_MissingModelFile_NamesTheResolvedPath()
    {
        using var folder = new TempFolder();
        var e = Assert.Throws<ManifestException>(() => ManifestParser.Parse("""
            kind: policy
            model: nope.onnx
            rate_hz: 10
            inputs: [{feature: observation.state, tensor: s, shape: [1, 6]}]
            action: {tensor: a, shape: [4, 6], meaning: delta_joint_position, step_hz: 10}
            """, "m.yaml", folder.Path));
        Assert.Equal($"model: file '{folder.File("nope.onnx")}' does not exist", Assert.Single(e.Problems));
    }

    [Fact]
    public void Parse_StatsWithWrongWidth_Reported()
    {
        using var folder = new TempFolder();
        string path = TestModels.WriteActExample(folder);
        folder.Write("meta/stats.json", """{"observation.state": {"mean": [0, 0], "std": [1, 1]}, "observation.images.top": {"mean": [0.5], "std": [0.2]}}""");
        var e = Assert.Throws<ManifestException>(() => ManifestParser.Load(path));
        Assert.Contains(e.Problems, p => p == "inputs[0].normalize: 'observation.state.mean' has 2 values; 14 expected");
        Assert.Contains(e.Problems, p => p == "action.normalize: MeanStd needs stats for 'action' (stats.file or stats.features), none found");
        Assert.DoesNotContain(e.Problems, p => p.Contains("observation.images.top")); // one value for all channels is allowed
    }

    [Fact]
    public void Parse_BadStatsJson_Reported()
    {
        using var folder = new TempFolder();
        string path = TestModels.WriteActExample(folder);
        folder.Write("meta/stats.json", """{"observation.state": {"mean": [0, "x"]}""");
        var e = Assert.Throws<ManifestException>(() => ManifestParser.Load(path));
        Assert.Contains(e.Problems, p => p.Contains("stats.json") && p.Contains("not valid JSON"));
    }

    [Fact]
    public void Parse_InlineStatsOverrideFile()
    {
        using var folder = new TempFolder();
        string path = TestModels.WriteActExample(folder);
        string yaml = File.ReadAllText(path).Replace("  file: meta/stats.json", "  file: meta/stats.json\n  features:\n    action: {mean: [" + string.Join(",", Enumerable.Repeat("7", 14)) + "], std: [" + string.Join(",", Enumerable.Repeat("2", 14)) + "]}");
        var m = ManifestParser.Parse(yaml, path, folder.Path);
        Assert.Equal(7f, m.Stats["action"].Mean![13]);
        Assert.Equal(0.1f, m.Stats["observation.state"].Mean![0]);
    }

    [Fact]
    public void Load_MissingFile_ThrowsManifestException()
    {
        var e = Assert.Throws<ManifestException>(() => ManifestParser.Load("/nonexistent/brain/m.yaml"));
        Assert.StartsWith("cannot read the manifest", Assert.Single(e.Problems));
    }

    [Fact]
    public void Parse_PlannerExample_ReadsVocabularyAndSkills()
    {
        using var folder = new TempFolder();
        var m = ManifestParser.Load(TestModels.WritePlannerExample(folder));
        Assert.Equal(["move_to", "grasp", "release", "place", "home"], m.Planner!.Skills);
        Assert.Equal("target_position_m", m.Planner.Arguments.Single().Name);
        Assert.Equal(8, m.Text!.Encoder.VocabularySize);
        var image = m.Inputs[0].Image!;
        Assert.Equal((ImageLayout.Nhwc, 3, 64, 64), (image.Layout, image.Channels, image.Height, image.Width));
        Assert.Equal(new ImageCrop(0, 80, 480, 480), image.Crop);
    }
}
