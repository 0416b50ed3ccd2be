using Controller.Brain.Policies;
using Controller.Runtime.Brain;
using Controller.Runtime.Configuration;
using Controller.Runtime.Tests.Configuration;

namespace Controller.Runtime.Tests.Brain;

/// <summary>
/// Every way a policy can go wrong, on the running sim-arm6 (twins, plant, loop thread, brain thread): the robot
/// holds where it is, the outcome is counted, and a model that misses deadlines or crashes is reloaded.
/// </summary>
[Collection("runtime")]
public sealed class BrainWorkerFaultTests : IDisposable
{
    // sim-arm6's start posture (robot.yaml initial_positions) in URDF joint order.
    private static readonly float[] StartPosture = [0, 0.3f, 1.2f, 0, 1.0f, 0, 1.0f];
    private readonly TestPolicies _policies = new();

    public void Dispose() => _policies.Dispose();

    internal static RobotRuntime Build(string? model, BrainOptions? brain = null) =>
        RobotRuntime.Build(RobotConfigLoader.Load(RobotConfigLoaderTests.Hardware("sim-arm6/robot.yaml")),
            new RuntimeOptions { RealtimeSetup = false, Model = model, Brain = brain ?? new BrainOptions(), HoldBeforeDisable = TimeSpan.Zero });

    internal static bool WaitUntil(Func<bool> condition, double seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) return false;
            Thread.Sleep(20);
        }
        return true;
    }

    private static double[] Commanded(RobotRuntime runtime) => runtime.Status().Joints.Select(j => j.CommandRad).ToArray();

    public static TheoryData<string, PolicyStepStatus> BadOutputs => new()
    {
        { "nan", PolicyStepStatus.RejectedNotFinite },
        { "huge", PolicyStepStatus.RejectedOutOfRange },
        { "jump", PolicyStepStatus.RejectedJump },
    };

    [Theory]
    [MemberData(nameof(BadOutputs))]
    public void BadOutput_RunningRobot_HoldsAndCountsTheRejection(string kind, PolicyStepStatus expected)
    {
        float[] posture = kind switch
        {
            "nan" => Enumerable.Repeat(float.NaN, 7).ToArray(),
            "huge" => Enumerable.Repeat(1e6f, 7).ToArray(),
            _ => StartPosture.Select((q, j) => j == 0 ? q + 0.8f : q).ToArray(), // pan 0.8 rad away in one row: above max_jump 0.5
        };
        using var runtime = Build(_policies.Posture(kind, posture));
        runtime.Start();
        BrainWorker brain = runtime.Brain!;
        Assert.True(WaitUntil(() => brain.Ticks >= 4), $"the brain ticked {brain.Ticks} times");
        double[] before = Commanded(runtime);
        long cycles = runtime.Status().Cycles;
        Assert.True(WaitUntil(() => brain.Ticks >= 8 && runtime.Status().Cycles > cycles), "the loop and the brain kept running");
        double[] after = Commanded(runtime);
        RuntimeStatus status = runtime.Status();
        runtime.Stop();

        Assert.True(brain.PolicyCount(expected) >= 8, $"{expected} counted {brain.PolicyCount(expected)} times; " +
            string.Join(", ", Enum.GetValues<PolicyStepStatus>().Select(k => $"{k} {brain.PolicyCount(k)}")));
        Assert.Equal(0, brain.PolicyCount(PolicyStepStatus.Published));
        Assert.Equal(0, status.ChunksReceived);
        for (int j = 0; j < before.Length; j++) Assert.Equal(before[j], after[j], 9);               // holding: the command does not move
        Assert.Equal(StartPosture[0], after[0], 2);
    }

    [Fact]
    public void DeadlineMiss_EveryCall_HoldsCountsAndReloads()
    {
        // A 1 ns deadline: every run ends after it, so every call is a miss, deterministically.
        using var runtime = Build(_policies.DemoPolicy("slow", ""), new BrainOptions { PolicyDeadlineNs = 1, ReloadAfterFailures = 2, ReloadBackoff = TimeSpan.FromMilliseconds(100) });
        runtime.Start();
        BrainWorker brain = runtime.Brain!;
        Assert.True(WaitUntil(() => brain.Reloads >= 2), $"reloads {brain.Reloads}, misses {brain.PolicyCount(PolicyStepStatus.DeadlineMissed)}");
        RuntimeStatus status = runtime.Status();
        runtime.Stop();

        Assert.True(brain.PolicyCount(PolicyStepStatus.DeadlineMissed) >= 4);
        Assert.True(brain.Counts.DeadlineMisses >= 4);
        Assert.Equal(0, brain.PolicyCount(PolicyStepStatus.Published));
        Assert.Equal(0, status.ChunksReceived);
        Assert.Equal(StartPosture[2], status.Joints[2].CommandRad, 2);
    }

    [Fact]
    public void CrashedSession_HoldsReloadsAndResumesOnceTheModelIsFixed()
    {
        string manifest = _policies.CrashingOnRealState("crash", StartPosture);
        using var runtime = Build(manifest, new BrainOptions { ReloadAfterFailures = 2, ReloadBackoff = TimeSpan.FromMilliseconds(100) });
        runtime.Start();
        BrainWorker brain = runtime.Brain!;
        Assert.True(WaitUntil(() => brain.Reloads >= 1 && brain.PolicyCount(PolicyStepStatus.InferenceFailed) >= 4),
            $"failures {brain.PolicyCount(PolicyStepStatus.InferenceFailed)}, reloads {brain.Reloads}");
        Assert.Equal(0, runtime.Status().ChunksReceived);
        Assert.Equal(0, brain.PolicyCount(PolicyStepStatus.Published));

        // Someone fixes the model on disk: the next reload picks it up and chunks flow again.
        File.Copy(Path.Combine(TestPolicies.RepoRoot, "models", "demo-policy.onnx"), Path.ChangeExtension(manifest, ".onnx"), overwrite: true);
        bool resumed = WaitUntil(() => runtime.Status().ChunksReceived > 3);
        long reloads = brain.Reloads;
        runtime.Stop();

        Assert.True(resumed, $"published {brain.PolicyCount(PolicyStepStatus.Published)}, reloads {reloads}");
        Assert.True(reloads >= 2);
    }
}
