using Controller.Brain.Hosting;
using Controller.Brain.Manifests;
using Controller.Pipeline.Messages;
using Controller.Pipeline.Rings;

namespace Controller.Brain.Policies;

/// <summary>
/// One policy step: state → inference → output checks → un-normalise → an <see cref="ActionChunk"/> claimed,
/// filled in place and published in the chunk ring. A chunk that fails a check is counted and not published,
/// so the cerebellum's follower holds. Allocation-free after construction; errors are statuses and counters.
/// Camera frames and the instruction are written through <see cref="Observation"/> before <see cref="Step"/>.
/// </summary>
public sealed class PolicyRunner
{
    private readonly ModelHost _host;
    private readonly SpscProducer<ActionChunk> _chunks;
    private readonly ActionOutput _action;
    private readonly AffineNormalizer _unnormalize;
    private readonly float[] _rows;
    private readonly float[] _current;
    private readonly float[] _min;
    private readonly float[] _max;
    private readonly long[] _counts = new long[Enum.GetValues<PolicyStepStatus>().Length];
    private long _sequence;

    /// <summary>
    /// Runs <paramref name="host"/>'s policy for a robot with <paramref name="jointCount"/> joints, publishing into <paramref name="chunks"/>.
    /// Absolute joint-position chunks go through a <see cref="ChunkShaper"/>: <paramref name="shaper"/> when given (a swap hands
    /// over the previous runner's, so the plan continues), otherwise a new one from the manifest's strategy and limits.
    /// </summary>
    /// <exception cref="ArgumentException">When the host's manifest is not a policy, the joint count does not fit it, or the shaper's dimension differs.</exception>
    public PolicyRunner(ModelHost host, int jointCount, SpscProducer<ActionChunk> chunks, int modelIndex = 0, ChunkShaper? shaper = null)
    {
        _action = host.Manifest.Action ?? throw new ArgumentException($"'{host.Manifest.ManifestPath}' is a {host.Manifest.Kind}, not a policy.", nameof(host));
        _host = host;
        _chunks = chunks;
        ModelIndex = modelIndex;
        Observation = new ObservationAssembler(host, jointCount);
        host.Manifest.Stats.TryGetValue("action", out var stats);
        _unnormalize = AffineNormalizer.Create(_action.Normalization, stats, _action.Dimension);
        _rows = new float[_action.Horizon * _action.Dimension];
        _current = new float[_action.Dimension];
        _min = _action.Minimum ?? [];
        _max = _action.Maximum ?? [];
        if (_action.Meaning == ActionKind.AbsoluteJointPosition && _action.Dimension > jointCount)
            throw new ArgumentException($"{_action.YamlPath}: absolute joint positions of {_action.Dimension} values for {jointCount} joints.", nameof(jointCount));
        if (_action.Meaning == ActionKind.AbsoluteJointPosition)
        {
            if (shaper is not null && (shaper.Dimension != _action.Dimension || shaper.StepPeriodNs != _action.StepPeriodNs))
                throw new ArgumentException($"The shaper handed over has {shaper.Dimension} joints at {shaper.StepPeriodNs} ns a row; '{host.Manifest.ManifestPath}' has {_action.Dimension} at {_action.StepPeriodNs} ns.", nameof(shaper));
            Shaper = shaper ?? ChunkShaper.For(_action, host.Manifest.PeriodNs);
        }
    }

    /// <summary>The shaper between the model and the ring (absolute joint positions), or null.</summary>
    public ChunkShaper? Shaper { get; }

    /// <summary>The host running the model.</summary>
    public ModelHost Host => _host;

    /// <summary>Where images, wrench and the instruction are written before a step.</summary>
    public ObservationAssembler Observation { get; }

    /// <summary>The policy's manifest (rate, action meaning, inputs).</summary>
    public ModelManifest Manifest => _host.Manifest;

    /// <summary>Stamped into every chunk (hot swap, telemetry).</summary>
    public int ModelIndex { get; }

    /// <summary>How many steps ended with <paramref name="status"/>.</summary>
    public long Count(PolicyStepStatus status) => _counts[(int)status];

    /// <summary>Runs the policy on <paramref name="state"/> (sampled at <paramref name="observationTimeNs"/>) and publishes the chunk.</summary>
    public PolicyStepStatus Step(in JointState state, long observationTimeNs)
    {
        if (Observation.SetState(in state) is not (AssemblyStatus.Ok or AssemblyStatus.UnknownFeature)) return Done(PolicyStepStatus.BadObservation);
        var run = _host.Run();
        if (run == InferenceStatus.DeadlineMissed) return Done(PolicyStepStatus.DeadlineMissed);
        if (run == InferenceStatus.Failed) return Done(PolicyStepStatus.InferenceFailed);

        int dim = _action.Dimension, steps = _action.ExecuteSteps;
        ReadOnlySpan<float> raw = _host.Outputs[_action.Tensor].Floats;
        for (int i = 0; i < steps * dim; i++) _rows[i] = _unnormalize.Invert(raw[i], i % dim);
        bool absolute = _action.Meaning == ActionKind.AbsoluteJointPosition;
        if (absolute) for (int j = 0; j < dim; j++) _current[j] = (float)state.Position[j];
        var verdict = ChunkChecks.Check(_rows, steps, dim, _min, _max, _action.MaxJump ?? float.PositiveInfinity, absolute ? _current : default);
        if (verdict != PolicyStepStatus.Published) return Done(verdict);

        ReadOnlySpan<float> rows = _rows.AsSpan(0, steps * dim);
        long startNs = observationTimeNs;
        if (Shaper is not null)
        {
            steps = Shaper.Shape(_rows, steps, observationTimeNs, _host.LastRunNs, _current, out startNs);
            rows = Shaper.Output;
        }

        if (!_chunks.TryClaim(out var claim)) return Done(PolicyStepStatus.RingFull);
        ref var chunk = ref claim.Message;
        chunk.Header = new MessageHeader(++_sequence, observationTimeNs);
        chunk.SetShape(steps, dim);
        chunk.Kind = _action.Meaning;
        chunk.ModelIndex = ModelIndex;
        chunk.StepPeriodNs = _action.StepPeriodNs;
        chunk.StartTimeNs = startNs;
        rows.CopyTo(chunk.Values);
        claim.Publish();
        Shaper?.Commit();
        return Done(PolicyStepStatus.Published);
    }

    private PolicyStepStatus Done(PolicyStepStatus status)
    {
        _counts[(int)status]++;
        return status;
    }
}
