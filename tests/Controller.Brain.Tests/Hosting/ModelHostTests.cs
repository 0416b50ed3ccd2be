using Controller.Brain.Hosting;
using Controller.Brain.Manifests;
using Controller.Brain.Onnx;
using Controller.Brain.Tests.Support;
using Controller.Pipeline.Messages;

namespace Controller.Brain.Tests.Hosting;

public class ModelHostTests
{
    private static JointState State(params double[] positions)
    {
        var s = new JointState { JointCount = positions.Length };
        for (int i = 0; i < positions.Length; i++) { s.Position[i] = positions[i]; s.Velocity[i] = 0.1 * i; }
        return s;
    }

    [Fact]
    public void Run_ActExampleWithUniformFrame_MatchesHandComputation()
    {
        using var folder = new TempFolder();
        var manifest = ManifestParser.Load(TestModels.WriteActExample(folder));
        using var host = ModelHost.Create(manifest);
        var obs = new ObservationAssembler(host, jointCount: 14);
        double[] q = Enumerable.Range(0, 14).Select(i => 0.05 * i - 0.3).ToArray();
        var pixels = new byte[480 * 640 * 3];
        for (int i = 0; i < pixels.Length; i += 3) { pixels[i] = 200; pixels[i + 1] = 100; pixels[i + 2] = 50; }

        Assert.Equal(AssemblyStatus.Ok, obs.SetState(State(q)));
        Assert.Equal(AssemblyStatus.Ok, obs.SetImage("observation.images.top", new CameraFrame(pixels, 640, 480, 3, 0)));
        Assert.Equal(InferenceStatus.Ok, host.Run());

        // By hand: features = [(q − 0.1)/0.5 …, (rgb/255 − imagenet mean)/imagenet std], action = features·W + b.
        var f = q.Select(v => (float)((v - 0.1) / 0.5)).Concat(new[] { (200 / 255f - 0.485f) / 0.229f, (100 / 255f - 0.456f) / 0.224f, (50 / 255f - 0.406f) / 0.225f }).ToArray();
        int n = TestModels.ActHorizon * TestModels.ActDim;
        float[] w = TestModels.Weights(17 * n, 0.05f), b = TestModels.Weights(n, 0.01f);
        var action = host.Outputs["action"].Floats;
        for (int j = 0; j < n; j += 97)
        {
            float expected = b[j];
            for (int k = 0; k < 17; k++) expected += f[k] * w[k * n + j];
            Assert.Equal(expected, action[j], 1e-3f);
        }
    }

    [Fact]
    public void Run_RecurrentExample_CarriesHiddenStateBetweenCalls()
    {
        using var folder = new TempFolder();
        using var host = ModelHost.Create(ManifestParser.Load(TestModels.WriteRecurrentExample(folder)));
        var obs = new ObservationAssembler(host, jointCount: 6);
        Assert.Equal(AssemblyStatus.Ok, obs.SetState(State(0.3, -0.2, 0.1, 0, 1.5, -3)));
        Assert.Equal(AssemblyStatus.Ok, obs.SetWrench(new Wrench { ForceZN = 2, TorqueXNm = -0.5 }));
        float[] x = [.. host.Inputs["state"].Floats, .. host.Inputs["wrench"].Floats];
        Assert.Equal(0.3f / 3f, x[0], 1e-6f);                  // min/max [-3, 3] → [-1, 1]
        Assert.Equal(-1f, x[5], 1e-6f);

        float[] w = TestModels.Weights(44 * 32), h = new float[32];
        for (int call = 0; call < 3; call++)
        {
            Assert.Equal(InferenceStatus.Ok, host.Run());
            var next = new float[32];
            for (int j = 0; j < 32; j++)
            {
                float s = 0;
                for (int k = 0; k < 44; k++) s += (k < 12 ? x[k] : h[k - 12]) * w[k * 32 + j];
                next[j] = MathF.Tanh(s);
            }
            h = next;
            Assert.Equal(h, host.Inputs["h_in"].Floats.ToArray(), new Tolerance(1e-5f));
        }
        host.ResetRecurrentState();
        Assert.All(host.Inputs["h_in"].Floats.ToArray(), v => Assert.Equal(0f, v));
    }

    [Fact]
    public void Run_ThousandsOfCallsWithAssembly_AllocatesNothing()
    {
        using var folder = new TempFolder();
        using var policy = ModelHost.Create(ManifestParser.Load(TestModels.WriteRecurrentExample(folder)), new HostOptions { DeadlineNs = 10_000_000_000 });
        using var planner = ModelHost.Create(ManifestParser.Load(TestModels.WritePlannerExample(folder)));
        var policyObs = new ObservationAssembler(policy, 6);
        var plannerObs = new ObservationAssembler(planner, 6);
        var state = State(0.1, 0.2, 0.3, 0.4, 0.5, 0.6);
        var wrench = new Wrench { ForceXN = 1 };
        var pixels = new byte[640 * 480 * 3];
        new Random(1).NextBytes(pixels);

        int notOk = 0;
        void Cycle()
        {
            // Count instead of asserting inside the measured loop: xUnit's Assert.Equal allocates.
            if (policyObs.SetState(in state) != AssemblyStatus.Ok) notOk++;
            if (policyObs.SetWrench(in wrench) != AssemblyStatus.Ok) notOk++;
            if (policy.Run() != InferenceStatus.Ok) notOk++;
            if (plannerObs.SetImage("observation.images.wrist", new CameraFrame(pixels, 640, 480, 3, 0)) != AssemblyStatus.Ok) notOk++;
            if (plannerObs.SetTask("put the red cube in the bin") != AssemblyStatus.Ok) notOk++;
            if (plannerObs.SetState(in state) != AssemblyStatus.Ok) notOk++;
            if (planner.Run() != InferenceStatus.Ok) notOk++;
        }

        for (int i = 0; i < 10; i++) Cycle();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 3000; i++) Cycle();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.Equal(0, notOk);
        Assert.Equal(3010, policy.Calls);
        Assert.Equal(0, policy.DeadlineMisses);
    }

    [Fact]
    public void Run_PastDeadline_TerminatedAndCountedEachTime()
    {
        // 60 chained 128×128 matrix products (≈ 250 MFLOP): far longer than the 1 ns deadline.
        var b = new OnnxGraphBuilder("slow");
        var x = b.Input("state", OnnxDataType.Float, 1, 128);
        var w = b.Weights("w", TestModels.Weights(128 * 128, 0.01f), 128, 128);
        var y = b.MatMul(b.Reshape(x, 128, 1), b.Weights("ones", Enumerable.Repeat(1f, 128).ToArray(), 1, 128));
        for (int i = 0; i < 60; i++) y = b.MatMul(y, w);
        b.Output(b.Reshape(b.ReduceMean(y, keepDims: false, 0), 2, 64), "act", OnnxDataType.Float, 2, 64);
        using var folder = new TempFolder();
        b.Build().Save(folder.File("slow.onnx"));
        var manifest = ManifestParser.Parse("""
            kind: policy
            model: slow.onnx
            rate_hz: 10
            inputs: [{feature: observation.state, tensor: state, shape: [1, 128]}]
            action: {tensor: act, shape: [2, 64], meaning: delta_joint_position, step_hz: 10}
            """, "slow.yaml", folder.Path);
        using var host = ModelHost.Create(manifest, new HostOptions { DeadlineNs = 1, WarmUpRuns = 0 });
        for (int i = 1; i <= 3; i++)
        {
            Assert.Equal(InferenceStatus.DeadlineMissed, host.Run());
            Assert.Equal(i, host.DeadlineMisses);
        }
        Assert.Equal(0, host.Failures);
    }

    [Fact]
    public void Create_ModelDoesNotFitManifest_ThrowsManifestException()
    {
        using var folder = new TempFolder();
        string path = TestModels.WriteActExample(folder);
        TestModels.Act(240, 320).Save(folder.File("act_aloha.onnx"));
        var e = Assert.Throws<ManifestException>(() => ModelHost.Create(ManifestParser.Load(path)));
        Assert.Contains(e.Problems, p => p.Contains("float [1, 3, 240, 320] in the model; the manifest says float32 [1, 3, 480, 640]"));
    }

    [Fact]
    public void Create_CorruptModelFile_ThrowsManifestException()
    {
        using var folder = new TempFolder();
        string path = TestModels.WriteActExample(folder);
        File.WriteAllBytes(folder.File("act_aloha.onnx"), [1, 2, 3, 4, 5]);
        var e = Assert.Throws<ManifestException>(() => ModelHost.Create(ManifestParser.Load(path)));
        Assert.StartsWith("model: ONNX Runtime cannot load", Assert.Single(e.Problems));
    }

    [Fact]
    public void Create_CudaWithoutGpuBuild_ClearMessage()
    {
        if (ModelHost.AvailableProviders().Contains("CUDAExecutionProvider")) return; // a GPU build: nothing to refuse
        using var folder = new TempFolder();
        var manifest = ManifestParser.Load(TestModels.WriteRecurrentExample(folder));
        var e = Assert.Throws<InvalidOperationException>(() => ModelHost.Create(manifest, new HostOptions { Provider = ExecutionProvider.Cuda }));
        Assert.Contains("CUDA execution provider is not available", e.Message);
        Assert.Contains("Microsoft.ML.OnnxRuntime.Gpu", e.Message);
    }

    private sealed class Tolerance(float t) : IEqualityComparer<float>
    {
        public bool Equals(float a, float b) => MathF.Abs(a - b) <= t;
        public int GetHashCode(float f) => 0;
    }
}
