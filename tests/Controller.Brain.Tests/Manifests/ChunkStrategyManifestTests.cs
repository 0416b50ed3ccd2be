using Controller.Brain.Manifests;
using Controller.Brain.Tests.Support;

namespace Controller.Brain.Tests.Manifests;

public class ChunkStrategyManifestTests
{
    private static ModelManifest Parse(string actionExtra, TempFolder folder, string meaning = "absolute_joint_position")
    {
        folder.Write("m.onnx", "not read by the parser");
        return ManifestParser.Parse($$"""
            kind: policy
            model: m.onnx
            rate_hz: 10
            inputs: [{feature: observation.state, tensor: state, shape: [1, 7]}]
            action: {tensor: action, shape: [1, 4, 7], meaning: {{meaning}}, step_hz: 50{{actionExtra}}}
            """, "strategy.yaml", folder.Path);
    }

    [Theory]
    [InlineData("", ChunkStrategyKind.Replace)]
    [InlineData(", strategy: queue", ChunkStrategyKind.Queue)]
    [InlineData(", strategy: temporal_ensemble", ChunkStrategyKind.TemporalEnsemble)]
    [InlineData(", strategy: real_time_chunking", ChunkStrategyKind.RealTimeChunking)]
    public void Parse_Strategy_IsRead(string extra, ChunkStrategyKind expected)
    {
        using var folder = new TempFolder();
        Assert.Equal(expected, Parse(extra, folder).Action!.Strategy);
    }

    [Fact]
    public void Parse_Limits_AreRead()
    {
        using var folder = new TempFolder();
        var a = Parse(", max_velocity: 2, max_acceleration: 8", folder).Action!;
        Assert.Equal((2f, 8f), (a.MaxVelocity, a.MaxAcceleration));
    }

    [Theory]
    [InlineData(", strategy: ensemble", "absolute_joint_position", "action.strategy: expected one of replace, queue, temporal_ensemble, real_time_chunking")]
    [InlineData(", strategy: queue", "delta_joint_position", "action.strategy: chunk strategies and max_velocity shape absolute joint positions only")]
    [InlineData(", max_acceleration: 8", "absolute_joint_position", "action.max_acceleration: needs max_velocity too")]
    [InlineData(", max_velocity: -1", "absolute_joint_position", "action.max_velocity")]
    public void Parse_BadStrategyOrLimits_ReportsPathAndWhy(string extra, string meaning, string expected)
    {
        using var folder = new TempFolder();
        var e = Assert.Throws<ManifestException>(() => Parse(extra, folder, meaning));
        Assert.Contains(e.Problems, p => p.StartsWith(expected, StringComparison.Ordinal));
    }
}
