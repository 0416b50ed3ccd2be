using Controller.Brain.Manifests;
using Controller.Brain.Onnx;
using Controller.Brain.Tests.Support;
using Controller.Pipeline.Messages;
using Microsoft.ML.OnnxRuntime;

namespace Controller.Brain.Tests.Manifests;

public class ManifestValidatorTests
{
    private static ModelSignature SignatureOf(string onnxPath)
    {
        using var session = new InferenceSession(onnxPath);
        return ModelSignature.Of(session);
    }

    [Fact]
    public void Validate_ActExampleAgainstActShapedModel_Passes()
    {
        using var folder = new TempFolder();
        var manifest = ManifestParser.Load(TestModels.WriteActExample(folder));
        ManifestValidator.Validate(manifest, SignatureOf(manifest.ModelPath));

        Assert.Equal(ManifestKind.Policy, manifest.Kind);
        Assert.Equal(100, manifest.Action!.Horizon);
        Assert.Equal(14, manifest.Action.Dimension);
        Assert.Equal(ActionKind.AbsoluteJointPosition, manifest.Action.Meaning);
        Assert.Equal(20_000_000, manifest.Action.StepPeriodNs);
        var image = manifest.Inputs.Single(i => i.Kind == FeatureKind.Image);
        Assert.Equal((3, 480, 640), (image.Image!.Channels, image.Image.Height, image.Image.Width));
        Assert.Equal([0.485f, 0.456f, 0.406f], manifest.Stats["observation.images.top"].Mean!);
    }

    [Fact]
    public void Validate_PlannerAndRecurrentExamples_Pass()
    {
        using var folder = new TempFolder();
        foreach (string path in new[] { TestModels.WritePlannerExample(folder), TestModels.WriteRecurrentExample(folder) })
        {
            var manifest = ManifestParser.Load(path);
            ManifestValidator.Validate(manifest, SignatureOf(manifest.ModelPath));
        }
    }

    [Fact]
    public void Validate_EveryKindOfMismatch_AllReportedWithPathsAndExpectations()
    {
        using var folder = new TempFolder();
        string path = TestModels.WriteActExample(folder);
        string yaml = File.ReadAllText(path)
            .Replace("tensor: observation.state", "tensor: obs_state")            // wrong name
            .Replace("shape: [1, 3, 480, 640]", "shape: [1, 3, 240, 320]")          // wrong shape
            .Replace("shape: [1, 100, 14]", "shape: [1, 50, 14]").Replace("execute_steps: 100", "execute_steps: 50"); // wrong output shape
        var manifest = ManifestParser.Parse(yaml, path, folder.Path);
        var e = Assert.Throws<ManifestException>(() => ManifestValidator.Validate(manifest, SignatureOf(manifest.ModelPath)));

        Assert.Equal(4, e.Problems.Count);
        Assert.Contains(e.Problems, p => p.StartsWith("inputs[0].tensor: the model has no input 'obs_state'", StringComparison.Ordinal) && p.Contains("'observation.state' float [1, 14]"));
        Assert.Contains(e.Problems, p => p.StartsWith("inputs[1].tensor: input 'observation.images.top' has shape float [1, 3, 480, 640] in the model; the manifest says float32 [1, 3, 240, 320]", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.StartsWith("inputs: the model's input 'observation.state' (float [1, 14]) is fed by nothing", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.StartsWith("action.tensor: output 'action' has shape float [1, 100, 14]", StringComparison.Ordinal));
        Assert.Contains(path, e.Message);
    }

    [Fact]
    public void Validate_WrongDtype_Reported()
    {
        using var folder = new TempFolder();
        string path = TestModels.WritePlannerExample(folder);
        var manifest = ManifestParser.Parse(File.ReadAllText(path).Replace("tensor: state\n    shape: [1, 6]", "tensor: tokens\n    shape: [1, 8]")
            .Replace("feature: task\n    tensor: tokens", "feature: task\n    tensor: state"), path, folder.Path);
        var problems = ManifestValidator.Check(manifest, SignatureOf(manifest.ModelPath));
        Assert.Contains(problems, p => p.Contains("input 'state' is float [1, 6] in the model; the manifest says int64 [1, 8]"));
        Assert.Contains(problems, p => p.Contains("input 'tokens' is int64 [1, 8] in the model; the manifest says float32 [1, 8]"));
    }

    [Fact]
    public void Validate_SymbolicBatch_AcceptsManifestSize()
    {
        var b = new OnnxGraphBuilder("sym");
        var x = b.Input("state", OnnxDataType.Float, "batch", 6);
        b.Output(b.Reshape(b.Relu(b.MatMul(x, b.Weights("w", TestModels.Weights(360), 6, 60))), -1, 10, 6), "act", OnnxDataType.Float, "batch", 10, 6);
        using var folder = new TempFolder();
        b.Build().Save(folder.File("m.onnx"));
        var manifest = ManifestParser.Parse("""
            kind: policy
            model: m.onnx
            rate_hz: 10
            inputs: [{feature: observation.state, tensor: state, shape: [1, 6]}]
            action: {tensor: act, shape: [1, 10, 6], meaning: delta_joint_position, step_hz: 10}
            """, "inline", folder.Path);
        Assert.Empty(ManifestValidator.Check(manifest, SignatureOf(manifest.ModelPath)));
    }
}
