using System.Text.Json.Serialization;

namespace Controller.Cerebellum.Realtime;

/// <summary>
/// What the machine offers a real-time loop: the facts read from it and a verdict with advice per capability.
/// Probing reads procfs, sysfs and resource limits and changes nothing.
/// </summary>
public sealed class RealtimeCapabilities
{
    private RealtimeCapabilities(RealtimeFacts facts, IReadOnlyList<RealtimeCapability> items)
    {
        Facts = facts;
        Items = items;
    }

    /// <summary>The raw readings.</summary>
    [JsonPropertyName("facts")]
    public RealtimeFacts Facts { get; }

    /// <summary>One verdict per capability, in the doctor's order.</summary>
    [JsonPropertyName("items")]
    public IReadOnlyList<RealtimeCapability> Items { get; }

    /// <summary>Number of items with status <see cref="RealtimeCapabilityStatus.Problem"/>.</summary>
    [JsonPropertyName("problems")]
    public int Problems => Items.Count(item => item.Status == RealtimeCapabilityStatus.Problem);

    /// <summary>Number of items with status <see cref="RealtimeCapabilityStatus.Warning"/>.</summary>
    [JsonPropertyName("warnings")]
    public int Warnings => Items.Count(item => item.Status == RealtimeCapabilityStatus.Warning);

    /// <summary>Reads this machine; <paramref name="loopPriority"/> is the SCHED_FIFO priority the loop will ask for.</summary>
    public static RealtimeCapabilities Probe(int loopPriority = RealtimeRequest.DefaultPriority) =>
        FromFacts(RealtimeFactsReader.Read(), loopPriority);

    /// <summary>Judges given facts, e.g. those of another machine stored as JSON.</summary>
    public static RealtimeCapabilities FromFacts(RealtimeFacts facts, int loopPriority = RealtimeRequest.DefaultPriority)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return new RealtimeCapabilities(facts, RealtimeAssessment.Assess(facts, loopPriority));
    }

    /// <summary>The item called <paramref name="name"/> (see the constants on <see cref="RealtimeCapability"/>), or null.</summary>
    public RealtimeCapability? Find(string name) => Items.FirstOrDefault(item => item.Name == name);
}
