using Controller.Pipeline.Messages;
using Controller.Pipeline.Rings;

namespace Controller.Runtime.Recording;

/// <summary>
/// What the recorder reads: the pipeline's mailboxes and rings (written by the loop, read here off the loop thread)
/// and two probes it polls for the brain's task and skill and the buses' states. Any source may be absent.
/// </summary>
public sealed class RecorderSources
{
    /// <summary>The measured joint state the loop publishes every cycle.</summary>
    public required LatestValue<JointState> State { get; init; }

    /// <summary>The command the loop wrote, published every cycle.</summary>
    public LatestValue<JointCommand>? Command { get; init; }

    /// <summary>The wrist wrench, published when the sensor delivered.</summary>
    public LatestValue<Wrench>? Wrench { get; init; }

    /// <summary>The loop's statistics.</summary>
    public LatestValue<LoopStatistics>? Loop { get; init; }

    /// <summary>The safety supervisor's events (this recorder is the ring's one consumer).</summary>
    public MpscConsumer<SafetyEvent>? SafetyEvents { get; init; }

    /// <summary>Summaries of the chunks the loop took (this recorder is the ring's consumer).</summary>
    public SpscConsumer<ChunkSummary>? Chunks { get; init; }

    /// <summary>The brain's instruction and skill now, or null without a brain.</summary>
    public Func<(string Task, string Skill)?>? Brain { get; init; }

    /// <summary>The brain's model calls (this recorder is the tap's consumer).</summary>
    public ModelCallTap? ModelCalls { get; init; }

    /// <summary>Every bus's name, lifecycle state and fault count now.</summary>
    public Func<IReadOnlyList<(string Name, string State, long Faults)>>? Buses { get; init; }
}
