using System.Globalization;
using Controller.Brain.Onnx;

namespace Controller.Brain.Tests.Support;

/// <summary>Models with the example manifests' signatures, written with the project's graph writer.</summary>
internal static class TestModels
{
    public const int ActHorizon = 100, ActDim = 14;

    /// <summary>Deterministic small weights: w[i] = sin(i · 0.37) · scale.</summary>
    public static float[] Weights(int count, float scale = 0.1f) =>
        Enumerable.Range(0, count).Select(i => MathF.Sin(i * 0.37f + 0.1f) * scale).ToArray();

    /// <summary>
    /// ACT-shaped: observation.state [1,14] and observation.images.top [1,3,480,640] → action [1,100,14].
    /// action = reshape(Gemm(concat(state, mean over pixels per channel), W, b)).
    /// </summary>
    public static OnnxModel Act(int height = 480, int width = 640)
    {
        var b = new OnnxGraphBuilder("act_like");
        var state = b.Input("observation.state", OnnxDataType.Float, 1, ActDim);
        var image = b.Input("observation.images.top", OnnxDataType.Float, 1, 3, height, width);
        var pooled = b.ReduceMean(image, keepDims: false, 2, 3);
        var features = b.Concat(1, state, pooled);
        var flat = b.Gemm(features, b.Weights("w", Weights(17 * ActHorizon * ActDim, 0.05f), 17, ActHorizon * ActDim), b.Weights("b", Weights(ActHorizon * ActDim, 0.01f), ActHorizon * ActDim));
        b.Output(b.Reshape(flat, 1, ActHorizon, ActDim), "action", OnnxDataType.Float, 1, ActHorizon, ActDim);
        return b.Build();
    }

    /// <summary>LeRobot-style stats.json for the ACT example (image stats per channel as [3, 1, 1]).</summary>
    public static string ActStatsJson()
    {
        string Row(float v) => "[" + string.Join(", ", Enumerable.Repeat(v.ToString(CultureInfo.InvariantCulture), ActDim)) + "]";
        return $$"""
        {
          "observation.state": {"mean": {{Row(0.1f)}}, "std": {{Row(0.5f)}}, "min": {{Row(-1)}}, "max": {{Row(1)}}, "count": [5000]},
          "observation.images.top": {"mean": [[[0.485]], [[0.456]], [[0.406]]], "std": [[[0.229]], [[0.224]], [[0.225]]]},
          "action": {"mean": {{Row(0.2f)}}, "std": {{Row(0.25f)}}, "min": {{Row(-1.5f)}}, "max": {{Row(1.5f)}}}
        }
        """;
    }

    /// <summary>Writes act_aloha.onnx and meta/stats.json next to a copy of the ACT example manifest; returns its path.</summary>
    public static string WriteActExample(TempFolder folder)
    {
        Act().Save(folder.File("act_aloha.onnx"));
        folder.Write("meta/stats.json", ActStatsJson());
        return folder.CopyExample("act_aloha.yaml");
    }

    /// <summary>Planner with the planner_words example's signature.</summary>
    public static OnnxModel Planner()
    {
        var b = new OnnxGraphBuilder("planner_like");
        var image = b.Input("image", OnnxDataType.Float, 1, 64, 64, 3);
        var tokens = b.Input("tokens", OnnxDataType.Int64, 1, 8);
        var state = b.Input("state", OnnxDataType.Float, 1, 6);
        var pooled = b.ReduceMean(image, keepDims: false, 1, 2);
        var tokenFloats = b.Node("Cast", [tokens], OnnxAttribute.Int("to", (long)OnnxDataType.Float));
        var features = b.Concat(1, pooled, tokenFloats, state);
        b.Output(b.Gemm(features, b.Weights("ws", Weights(17 * 5), 17, 5), b.Weights("bs", Weights(5), 5)), "skill_logits", OnnxDataType.Float, 1, 5);
        b.Output(b.Gemm(features, b.Weights("wt", Weights(17 * 3), 17, 3), b.Weights("bt", Weights(3), 3)), "target", OnnxDataType.Float, 1, 3);
        return b.Build();
    }

    public static string WritePlannerExample(TempFolder folder)
    {
        Planner().Save(folder.File("planner.onnx"));
        folder.Write("words.txt", "<pad>\n<unk>\nput\nthe\nred\ncube\nin\nbin\n");
        return folder.CopyExample("planner_words.yaml");
    }

    /// <summary>Recurrent delta policy: h_out = tanh([state, wrench, h_in]·W), delta = reshape(h_out·V) [8, 6].</summary>
    public static OnnxModel Recurrent()
    {
        var b = new OnnxGraphBuilder("recurrent_like");
        var state = b.Input("state", OnnxDataType.Float, 1, 6);
        var wrench = b.Input("wrench", OnnxDataType.Float, 1, 6);
        var h = b.Input("h_in", OnnxDataType.Float, 1, 32);
        var hOut = b.Tanh(b.MatMul(b.Concat(1, state, wrench, h), b.Weights("w", Weights(44 * 32), 44, 32)));
        b.Output(hOut, "h_out", OnnxDataType.Float, 1, 32);
        var delta = b.Reshape(b.Mul(b.Tanh(b.MatMul(hOut, b.Weights("v", Weights(32 * 48), 32, 48))), b.Weights("scale", [0.1f], 1)), 8, 6);
        b.Output(delta, "delta", OnnxDataType.Float, 8, 6);
        return b.Build();
    }

    public static string WriteRecurrentExample(TempFolder folder)
    {
        Recurrent().Save(folder.File("gru_policy.onnx"));
        return folder.CopyExample("recurrent_delta.yaml");
    }
}
