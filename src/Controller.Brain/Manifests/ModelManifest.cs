namespace Controller.Brain.Manifests;

/// <summary>
/// A researcher's description of an exported model: what feeds each input, what the outputs mean, how to
/// normalise, how fast to run. Load with <see cref="ManifestParser.Load"/>; check against the ONNX model
/// with <see cref="ManifestValidator"/> before anything runs. Immutable.
/// </summary>
/// <param name="ManifestPath">The manifest file (absolute) or the name given to parsed text.</param>
/// <param name="Kind">Policy or planner.</param>
/// <param name="ModelPath">The ONNX file, resolved against the manifest's folder.</param>
/// <param name="RateHz">How often the model is called.</param>
/// <param name="Inputs">Feature inputs.</param>
/// <param name="RecurrentStates">Tensors carried from one call to the next.</param>
/// <param name="Action">The action chunk (policies).</param>
/// <param name="Planner">The skill head (planners).</param>
/// <param name="Stats">Statistics by feature name (<c>observation.state</c>, <c>action</c>, …).</param>
/// <param name="Text">The tokenizer, when a <c>task</c> input exists.</param>
public sealed record ModelManifest(string ManifestPath, ManifestKind Kind, string ModelPath, double RateHz,
    IReadOnlyList<FeatureInput> Inputs, IReadOnlyList<RecurrentState> RecurrentStates, ActionOutput? Action,
    PlannerOutput? Planner, IReadOnlyDictionary<string, FeatureStats> Stats, TextInput? Text)
{
    /// <summary>Time between calls in nanoseconds.</summary>
    public long PeriodNs => (long)Math.Round(1e9 / RateHz);
}
