namespace Controller.Brain.Manifests;

/// <summary>What a model does, and so which outputs its manifest declares.</summary>
public enum ManifestKind
{
    /// <summary>Observation → action chunk (15-50 Hz).</summary>
    Policy,

    /// <summary>Image(s) + instruction (+ state) → skill logits and arguments (1-10 Hz).</summary>
    Planner,
}
