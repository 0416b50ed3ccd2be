using Controller.Brain.Onnx;

namespace Controller.Brain.Demo;

/// <summary>
/// The demo policy as an ONNX graph: joint state q [1, J] and joint goal g [1, J] → an action chunk [1, H, J] of
/// absolute joint positions, row k = q + s_k·(g − q) = (1 − s_k)·q + s_k·g. That is linear in [q, g], so the graph is
/// Concat → MatMul with a [2J, H·J] matrix derived here → Reshape. s_k = smoothstep((k + 1) / H) eases in and out and
/// reaches the goal on the last row. Called again every 1 / rate_hz with the measured state, the executed start of
/// each chunk closes a fixed share of the remaining distance (receding horizon), so the arm settles on the goal.
/// </summary>
public static class DemoPolicyGraph
{
    /// <summary>Model input: joint positions.</summary>
    public const string StateInput = "state";

    /// <summary>Model input: the joint goal.</summary>
    public const string GoalInput = "goal";

    /// <summary>Model output: the chunk.</summary>
    public const string ActionOutput = "action";

    /// <summary>s_k for row <paramref name="row"/> of a chunk of <paramref name="horizon"/> rows: 3t² − 2t³ at t = (k + 1)/H.</summary>
    public static double Ease(int row, int horizon)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, horizon);
        double t = (row + 1.0) / horizon;
        return t * t * (3 - 2 * t);
    }

    /// <summary>Builds the graph for <paramref name="joints"/> joints and <paramref name="horizon"/> rows.</summary>
    public static OnnxModel Build(int joints, int horizon)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(joints, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(horizon, 1);
        var b = new OnnxGraphBuilder("demo_policy");
        var state = b.Input(StateInput, OnnxDataType.Float, 1, joints);
        var goal = b.Input(GoalInput, OnnxDataType.Float, 1, joints);
        int width = horizon * joints;
        var weights = new float[2 * joints * width];
        for (int k = 0; k < horizon; k++)
        {
            double s = Ease(k, horizon);
            for (int j = 0; j < joints; j++)
            {
                weights[j * width + k * joints + j] = (float)(1 - s);              // from q_j
                weights[(joints + j) * width + k * joints + j] = (float)s;         // from g_j
            }
        }
        var rows = b.MatMul(b.Concat(1, state, goal), b.Weights("ease_map", weights, 2 * joints, width));
        b.Output(b.Reshape(rows, 1, horizon, joints), ActionOutput, OnnxDataType.Float, 1, horizon, joints);
        return b.Build(docString: "Demo policy (Controller.Brain.Demo.DemoPolicyGraph): row k = q + s_k (goal - q), s_k = smoothstep((k+1)/H). Weights derived, not trained.");
    }
}
