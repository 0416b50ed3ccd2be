using Controller.Pipeline.Messages;

namespace Controller.Brain.Manifests;

/// <summary>A policy's action-chunk output and the checks every chunk must pass before it is published.</summary>
/// <param name="Tensor">Model output name.</param>
/// <param name="Shape">Its shape, e.g. [1, 100, 14]; the last two dimensions are horizon and dimension.</param>
/// <param name="Meaning">What the values mean once un-normalised.</param>
/// <param name="StepHz">Rows per second (the dataset's fps): row k applies k / StepHz after the observation.</param>
/// <param name="ExecuteSteps">Rows published per chunk (1..horizon), LeRobot's n_action_steps.</param>
/// <param name="Normalization">How outputs are un-normalised with the <c>action</c> statistics.</param>
/// <param name="Minimum">Per-dimension lower bound after un-normalising (null: none).</param>
/// <param name="Maximum">Per-dimension upper bound (null: none).</param>
/// <param name="MaxJump">Largest change allowed between consecutive rows, and between the state and row 0 (absolute chunks); null: none.</param>
/// <param name="YamlPath">Where in the manifest it was declared.</param>
public sealed record ActionOutput(string Tensor, long[] Shape, ActionKind Meaning, double StepHz, int ExecuteSteps, NormalizationMode Normalization,
    float[]? Minimum, float[]? Maximum, float? MaxJump, string YamlPath)
{
    /// <summary>How a fresh chunk meets the published one (<c>strategy</c>, absolute joint positions only).</summary>
    public ChunkStrategyKind Strategy { get; init; } = ChunkStrategyKind.Replace;

    /// <summary>Largest joint speed of a published chunk, rad/s (<c>max_velocity</c>); null: the chunk is not limited.</summary>
    public float? MaxVelocity { get; init; }

    /// <summary>Largest joint acceleration of a published chunk, rad/s² (<c>max_acceleration</c>); needs <see cref="MaxVelocity"/>.</summary>
    public float? MaxAcceleration { get; init; }

    /// <summary>Time between rows in nanoseconds.</summary>
    public long StepPeriodNs => (long)Math.Round(1e9 / StepHz);

    /// <summary>Rows the model predicts.</summary>
    public int Horizon => Shape.Length >= 2 ? (int)Shape[^2] : 1;

    /// <summary>Values per row.</summary>
    public int Dimension => (int)Shape[^1];
}
