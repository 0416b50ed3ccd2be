using Controller.Brain.Onnx;

namespace Controller.Runtime.Tests.Brain;

/// <summary>
/// Policies with the demo policy's signature (state [1, 7] + goal [1, 7] → action [1, 20, 7]), written with the
/// project's graph writer into a temporary folder next to a copy of the demo manifest, misbehaving on purpose.
/// </summary>
internal sealed class TestPolicies : IDisposable
{
    public const int Joints = 7, Horizon = 20;
    private readonly string _folder = Directory.CreateTempSubdirectory("brain-policies-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    /// <summary>Every row is <paramref name="posture"/> (ignores state and goal): NaN, huge or far values make the bad cases.</summary>
    public string Posture(string name, float[] posture, string manifestExtra = "")
    {
        var b = new OnnxGraphBuilder(name);
        var features = b.Concat(1, b.Input("state", OnnxDataType.Float, 1, Joints), b.Input("goal", OnnxDataType.Float, 1, Joints));
        var bias = new float[Horizon * Joints];
        for (int i = 0; i < bias.Length; i++) bias[i] = posture[i % Joints];
        // 0 · features keeps the inputs in the graph (the manifest feeds them); NaN · 0 would be NaN, so the weights are 0 and the bias carries the values.
        var flat = b.Add(b.MatMul(features, b.Weights("w", new float[2 * Joints * Horizon * Joints], 2 * Joints, Horizon * Joints)), b.Weights("b", bias, Horizon * Joints));
        b.Output(b.Reshape(flat, 1, Horizon, Joints), "action", OnnxDataType.Float, 1, Horizon, Joints);
        return Write(name, b.Build(), manifestExtra);
    }

    /// <summary>
    /// Runs on zeros (the warm-up) but fails inside ONNX Runtime on any other state: a Gather whose index is
    /// 10⁶ × the mean state lies outside its two-element table — a crashed session, every call.
    /// </summary>
    public string CrashingOnRealState(string name, float[] posture)
    {
        var b = new OnnxGraphBuilder(name);
        var state = b.Input("state", OnnxDataType.Float, 1, Joints);
        var features = b.Concat(1, state, b.Input("goal", OnnxDataType.Float, 1, Joints));
        var index = b.Node("Cast", [b.Mul(b.ReduceMean(state, keepDims: false, 1), b.Weights("big", [1e6f], 1))], OnnxAttribute.Int("to", (long)OnnxDataType.Int64));
        var picked = b.Node("Gather", [b.Weights("table", [0f, 0f], 2), index], OnnxAttribute.Int("axis", 0));
        var bias = new float[Horizon * Joints];
        for (int i = 0; i < bias.Length; i++) bias[i] = posture[i % Joints];
        var flat = b.Add(b.Add(b.MatMul(features, b.Weights("w", new float[2 * Joints * Horizon * Joints], 2 * Joints, Horizon * Joints)), b.Weights("b", bias, Horizon * Joints)), picked);
        b.Output(b.Reshape(flat, 1, Horizon, Joints), "action", OnnxDataType.Float, 1, Horizon, Joints);
        return Write(name, b.Build(), "");
    }

    /// <summary>A copy of the shipped demo policy's manifest and model with <paramref name="manifestExtra"/> added to its action section.</summary>
    public string DemoPolicy(string name, string manifestExtra)
    {
        File.Copy(Path.Combine(RepoRoot, "models", "demo-policy.onnx"), Path.Combine(_folder, name + ".onnx"), overwrite: true);
        return WriteManifest(name, manifestExtra);
    }

    private string Write(string name, OnnxModel model, string manifestExtra)
    {
        model.Save(Path.Combine(_folder, name + ".onnx"));
        return WriteManifest(name, manifestExtra);
    }

    private string WriteManifest(string name, string manifestExtra)
    {
        string text = File.ReadAllText(Path.Combine(RepoRoot, "models", "demo-policy.yaml"))
            .Replace("model: demo-policy.onnx", $"model: {name}.onnx", StringComparison.Ordinal)
            .Replace("  max_jump: 0.5", "  max_jump: 0.5" + manifestExtra, StringComparison.Ordinal);
        string path = Path.Combine(_folder, name + ".yaml");
        File.WriteAllText(path, text);
        return path;
    }

    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Controller.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("repository root (Controller.sln) not found above " + AppContext.BaseDirectory);
        }
    }
}
