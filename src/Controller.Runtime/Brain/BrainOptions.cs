namespace Controller.Runtime.Brain;

/// <summary>How the runtime runs its brain (models, deadlines, recovery). Defaults suit the shipped demo.</summary>
public sealed record BrainOptions
{
    /// <summary>
    /// A manifest replacing the configured planner or policy (<c>robotctl run --model</c>): its <c>kind</c> says which.
    /// Null keeps the configuration's models.
    /// </summary>
    public string? ModelManifest { get; init; }

    /// <summary>
    /// Deadline of one policy inference; 0 takes the policy's period (1 / rate_hz): a model slower than its own rate
    /// is a miss, and the robot holds on the plan it has.
    /// </summary>
    public long PolicyDeadlineNs { get; init; }

    /// <summary>Deadline of one planner inference; 0 takes the planner's period.</summary>
    public long PlannerDeadlineNs { get; init; }

    /// <summary>Consecutive deadline misses or failed inferences of one model after which it is reloaded from its manifest (off the brain thread).</summary>
    public int ReloadAfterFailures { get; init; } = 3;

    /// <summary>Least time between two reloads of a model that keeps failing.</summary>
    public TimeSpan ReloadBackoff { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The robot's cameras (<c>cameras:</c>). The planner's image comes from the one named after its camera feature
    /// (<c>top</c> for <c>observation.images.top</c>) unless that one is of type <c>scene</c>; with none, the simulated scene camera.
    /// </summary>
    public IReadOnlyList<Configuration.CameraConfig> Cameras { get; init; } = [];

    /// <summary>Throws when a value is out of range, naming it and the allowed range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A deadline is negative or the failure count is below 1.</exception>
    public void Validate()
    {
        if (PolicyDeadlineNs < 0) throw new ArgumentOutOfRangeException(nameof(PolicyDeadlineNs), PolicyDeadlineNs, $"PolicyDeadlineNs must be >= 0 (0: the policy's period); it is {PolicyDeadlineNs}.");
        if (PlannerDeadlineNs < 0) throw new ArgumentOutOfRangeException(nameof(PlannerDeadlineNs), PlannerDeadlineNs, $"PlannerDeadlineNs must be >= 0 (0: the planner's period); it is {PlannerDeadlineNs}.");
        if (ReloadAfterFailures < 1) throw new ArgumentOutOfRangeException(nameof(ReloadAfterFailures), ReloadAfterFailures, $"ReloadAfterFailures must be >= 1; it is {ReloadAfterFailures}.");
        if (ReloadBackoff < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(ReloadBackoff), ReloadBackoff, $"ReloadBackoff must be >= 0; it is {ReloadBackoff}.");
    }
}
