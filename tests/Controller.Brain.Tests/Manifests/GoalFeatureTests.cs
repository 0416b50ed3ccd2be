using Controller.Brain.Manifests;
using Controller.Brain.Tests.Support;

namespace Controller.Brain.Tests.Manifests;

public class GoalFeatureTests
{
    private static ModelManifest Parse(string goalInput, TempFolder folder)
    {
        folder.Write("m.onnx", "not read by the parser");
        return ManifestParser.Parse($$"""
            kind: policy
            model: m.onnx
            rate_hz: 10
            inputs:
              - {feature: observation.state, tensor: state, shape: [1, 7]}
              - {{goalInput}}
            action: {tensor: action, shape: [1, 4, 7], meaning: absolute_joint_position, step_hz: 50}
            """, "goal.yaml", folder.Path);
    }

    [Fact]
    public void Parse_ObservationGoal_IsGoalKind()
    {
        using var folder = new TempFolder();
        var m = Parse("{feature: observation.goal, tensor: goal, shape: [1, 7]}", folder);
        var goal = Assert.Single(m.Inputs, i => i.Feature == "observation.goal");
        Assert.Equal((FeatureKind.Goal, "goal", TensorType.Float32), (goal.Kind, goal.Tensor, goal.Type));
    }

    [Theory]
    [InlineData("{feature: observation.goal, tensor: goal, shape: [1, 7], dtype: int64}", "inputs[1].dtype: observation.goal must be float32")]
    [InlineData("{feature: observation.goal, tensor: goal, shape: [1, 65]}", "inputs[1].shape: observation.goal holds at most 64 joint positions")]
    [InlineData("{feature: observation.goal, tensor: goal, shape: [2, 7]}", "inputs[1].shape: batch dimension must be 1")]
    [InlineData("{feature: observation.goal, tensor: goal, shape: [1, 7], normalize: mean_std}", "inputs[1].normalize: MeanStd needs stats for 'observation.goal'")]
    public void Parse_BadGoal_ReportsPathAndWhy(string goalInput, string expected)
    {
        using var folder = new TempFolder();
        var e = Assert.Throws<ManifestException>(() => Parse(goalInput, folder));
        Assert.Contains(e.Problems, p => p.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_UnknownFeature_ListsGoalAmongKnownOnes()
    {
        using var folder = new TempFolder();
        var e = Assert.Throws<ManifestException>(() => Parse("{feature: observation.goals, tensor: goal, shape: [1, 7]}", folder));
        Assert.Contains(e.Problems, p => p.Contains("observation.goal, task)", StringComparison.Ordinal));
    }
}
