namespace Controller.Brain.Manifests;

/// <summary>Normalisation statistics of one feature (LeRobot's meta/stats.json entry), flattened row-major.</summary>
/// <param name="Mean">Mean per element or per channel (null when absent).</param>
/// <param name="Std">Standard deviation.</param>
/// <param name="Min">Minimum.</param>
/// <param name="Max">Maximum.</param>
public sealed record FeatureStats(float[]? Mean, float[]? Std, float[]? Min, float[]? Max);
