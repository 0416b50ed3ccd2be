using Controller.Brain.Manifests;
using Controller.Pipeline.Messages;

namespace Controller.Brain.Policies;

/// <summary>
/// The brain-side memory of the published plan: it aligns a fresh chunk with the unexecuted rest of the last one,
/// applies the manifest's <see cref="ChunkStrategyKind"/> (<see cref="ChunkStrategies"/>) and then
/// <see cref="ChunkLimiter"/> from the row executed just before the seam, so the rows the follower receives join
/// the rows it already ran: no step beyond <c>max_velocity</c>, no change of step beyond <c>max_acceleration</c>,
/// positions inside the action's min/max. Absolute joint positions only. Outside Replace-without-limits the
/// published chunk starts on the old plan's row grid (the row at or just before the observation), so seams are
/// compared row for row. Allocation-free after construction; one thread. Survives a model swap: hand the same
/// shaper to the next <see cref="PolicyRunner"/> and the new model's first chunk joins the old model's plan.
/// </summary>
public sealed class ChunkShaper
{
    private readonly float[] _plan;
    private readonly int[] _counts;
    private readonly float[] _work;
    private readonly int[] _workCounts;
    private readonly float[] _minimum;
    private readonly float[] _maximum;
    private readonly float[] _anchorPosition;
    private readonly float[] _anchorStep;
    private readonly float[] _seamPosition;
    private readonly float[] _seamStep;
    private readonly float _maxStep;
    private readonly float _maxStepChange;
    private readonly long _callPeriodNs;
    private int _planSteps;
    private long _planStartNs;
    private bool _hasPlan;
    private int _shapedSteps;
    private long _shapedStartNs;

    /// <summary>
    /// A shaper for <paramref name="dimension"/> joints whose rows are <paramref name="stepPeriodNs"/> apart, called every
    /// <paramref name="callPeriodNs"/>. Limits: <paramref name="maxVelocity"/> (rad/s) and <paramref name="maxAcceleration"/>
    /// (rad/s²), infinity for none; <paramref name="minimum"/>/<paramref name="maximum"/> per joint, empty for none.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A dimension, period or limit out of range.</exception>
    public ChunkShaper(ChunkStrategyKind strategy, int dimension, long stepPeriodNs, long callPeriodNs, float maxVelocity, float maxAcceleration,
        ReadOnlySpan<float> minimum, ReadOnlySpan<float> maximum)
    {
        if (dimension < 1 || dimension > MessageLimits.MaxJoints)
            throw new ArgumentOutOfRangeException(nameof(dimension), dimension, $"dimension must be between 1 and {MessageLimits.MaxJoints}; it is {dimension}.");
        if (stepPeriodNs <= 0) throw new ArgumentOutOfRangeException(nameof(stepPeriodNs), stepPeriodNs, $"stepPeriodNs must be > 0; it is {stepPeriodNs}.");
        if (callPeriodNs <= 0) throw new ArgumentOutOfRangeException(nameof(callPeriodNs), callPeriodNs, $"callPeriodNs must be > 0; it is {callPeriodNs}.");
        if (!(maxVelocity > 0)) throw new ArgumentOutOfRangeException(nameof(maxVelocity), maxVelocity, $"maxVelocity must be > 0 (infinity: none); it is {maxVelocity}.");
        if (!(maxAcceleration > 0)) throw new ArgumentOutOfRangeException(nameof(maxAcceleration), maxAcceleration, $"maxAcceleration must be > 0 (infinity: none); it is {maxAcceleration}.");
        if ((!minimum.IsEmpty && minimum.Length != dimension) || (!maximum.IsEmpty && maximum.Length != dimension))
            throw new ArgumentOutOfRangeException(nameof(minimum), $"minimum and maximum need {dimension} values or none; they have {minimum.Length} and {maximum.Length}.");
        Strategy = strategy;
        Dimension = dimension;
        StepPeriodNs = stepPeriodNs;
        _callPeriodNs = callPeriodNs;
        double period = stepPeriodNs * 1e-9;
        _maxStep = (float)(maxVelocity * period);
        _maxStepChange = (float)(maxAcceleration * period * period);
        Limited = float.IsFinite(_maxStep);
        int capacity = MessageLimits.MaxChunkSteps * dimension;
        _plan = new float[capacity];
        _work = new float[capacity];
        _counts = new int[MessageLimits.MaxChunkSteps];
        _workCounts = new int[MessageLimits.MaxChunkSteps];
        _minimum = new float[dimension];
        _maximum = new float[dimension];
        for (int j = 0; j < dimension; j++)
        {
            _minimum[j] = minimum.IsEmpty ? float.NegativeInfinity : minimum[j];
            _maximum[j] = maximum.IsEmpty ? float.PositiveInfinity : maximum[j];
        }
        _anchorPosition = new float[dimension];
        _anchorStep = new float[dimension];
        _seamPosition = new float[dimension];
        _seamStep = new float[dimension];
    }

    /// <summary>The shaper a manifest's action asks for (policy called every <paramref name="callPeriodNs"/>).</summary>
    public static ChunkShaper For(ActionOutput action, long callPeriodNs) => new(action.Strategy, action.Dimension, action.StepPeriodNs, callPeriodNs,
        action.MaxVelocity ?? float.PositiveInfinity, action.MaxAcceleration ?? float.PositiveInfinity, action.Minimum ?? [], action.Maximum ?? []);

    /// <summary>The strategy applied.</summary>
    public ChunkStrategyKind Strategy { get; }

    /// <summary>Values per row.</summary>
    public int Dimension { get; }

    /// <summary>Time between rows.</summary>
    public long StepPeriodNs { get; }

    /// <summary>True when velocity (and acceleration) limits are applied.</summary>
    public bool Limited { get; }

    /// <summary>Joint-rows where a position limit forced a stop faster than the acceleration bound (see <see cref="ChunkLimiter"/>).</summary>
    public long ForcedRows { get; private set; }

    /// <summary>Calls where the queue still had rows beyond the next call: its pending rows went out again, the fresh chunk unused.</summary>
    public long Kept { get; private set; }

    /// <summary>Chunks committed.</summary>
    public long Committed { get; private set; }

    /// <summary>The rows of the last <see cref="Shape"/>, step-major.</summary>
    public ReadOnlySpan<float> Output => _work.AsSpan(0, _shapedSteps * Dimension);

    /// <summary>The plan as last committed (what the follower is executing), step-major from <see cref="PlanStartNs"/>.</summary>
    public ReadOnlySpan<float> Plan => _plan.AsSpan(0, _planSteps * Dimension);

    /// <summary>When row 0 of <see cref="Plan"/> applies.</summary>
    public long PlanStartNs => _planStartNs;

    /// <summary>
    /// Shapes <paramref name="freshSteps"/> rows of <paramref name="fresh"/> (predicted from an observation at
    /// <paramref name="observationTimeNs"/>, computed in <paramref name="inferenceNs"/>) against the committed plan;
    /// <paramref name="current"/> is the measured position, the anchor of the very first chunk. Returns the rows to
    /// publish (in <see cref="Output"/>, starting at <paramref name="startTimeNs"/>).
    /// Call <see cref="Commit"/> once the chunk is published.
    /// </summary>
    public int Shape(ReadOnlySpan<float> fresh, int freshSteps, long observationTimeNs, long inferenceNs, ReadOnlySpan<float> current, out long startTimeNs)
    {
        int dim = Dimension;
        freshSteps = Math.Min(freshSteps, MessageLimits.MaxChunkSteps);
        bool aligned = Strategy != ChunkStrategyKind.Replace || Limited;
        int pendingSteps = 0, k = 0;
        startTimeNs = observationTimeNs;
        if (!_hasPlan)
        {
            for (int j = 0; j < dim; j++) { _seamPosition[j] = current.Length > j ? current[j] : 0; _seamStep[j] = 0; }
        }
        else
        {
            long sinceStart = observationTimeNs - _planStartNs;
            k = sinceStart <= 0 ? 0 : (int)Math.Min(sinceStart / StepPeriodNs, int.MaxValue);
            if (k >= _planSteps)
            {
                // The plan ran out: the follower holds its last row. Nothing is pending (k past the plan would slice beyond it).
                for (int j = 0; j < dim; j++) { _seamPosition[j] = _plan[(_planSteps - 1) * dim + j]; _seamStep[j] = 0; }
                k = 0;
            }
            else
            {
                pendingSteps = _planSteps - k;
                if (aligned) startTimeNs = _planStartNs + k * StepPeriodNs;
                for (int j = 0; j < dim; j++)
                {
                    float before = k >= 1 ? _plan[(k - 1) * dim + j] : _anchorPosition[j];
                    float beforeThat = k >= 2 ? _plan[(k - 2) * dim + j] : _anchorPosition[j];
                    _seamPosition[j] = before;
                    _seamStep[j] = k == 0 ? _anchorStep[j] : before - beforeThat;
                }
            }
        }

        ReadOnlySpan<float> pending = _plan.AsSpan(k * dim, pendingSteps * dim);
        int steps;
        switch (Strategy)
        {
            case ChunkStrategyKind.Queue:
                // Rows beyond the next call: the fresh chunk waits its turn; the pending rows go out again unchanged, which
                // keeps the cerebellum's brain-alive watchdog fed without changing what it executes.
                bool keep = (long)pendingSteps * StepPeriodNs > _callPeriodNs;
                if (keep) Kept++;
                steps = ChunkStrategies.Queue(pending, pendingSteps, fresh, keep ? 0 : freshSteps, dim, MessageLimits.MaxChunkSteps, _work);
                for (int s = 0; s < steps; s++) _workCounts[s] = 1;
                break;
            case ChunkStrategyKind.TemporalEnsemble:
                steps = ChunkStrategies.TemporalEnsemble(pending, _counts.AsSpan(k, pendingSteps), pendingSteps,
                    fresh, freshSteps, dim, ChunkStrategies.ActEnsembleCoefficient, _work, _workCounts);
                break;
            case ChunkStrategyKind.RealTimeChunking:
                // Rows that apply before this chunk can reach the follower (observation + inference) are already executing.
                long frozenNs = observationTimeNs - startTimeNs + Math.Max(0, inferenceNs);
                int frozen = (int)Math.Min((frozenNs + StepPeriodNs - 1) / StepPeriodNs, MessageLimits.MaxChunkSteps);
                steps = ChunkStrategies.RealTimeChunking(pending, pendingSteps, fresh, freshSteps, dim, frozen, _work);
                for (int s = 0; s < steps; s++) _workCounts[s] = 1;
                break;
            default:
                fresh[..(freshSteps * dim)].CopyTo(_work);
                steps = freshSteps;
                for (int s = 0; s < steps; s++) _workCounts[s] = 1;
                break;
        }

        if (Limited)
        {
            ForcedRows += ChunkLimiter.Apply(_work, steps, dim, _seamPosition, _seamStep, _maxStep, _maxStepChange, _minimum, _maximum);
        }

        _shapedSteps = steps;
        _shapedStartNs = startTimeNs;
        return steps;
    }

    /// <summary>
    /// Takes over <paramref name="previous"/>'s plan (a model swap: the new model's first chunk joins the old model's
    /// rows); nothing when the joint count or row period differ. Allocation-free.
    /// </summary>
    public void ContinueFrom(ChunkShaper previous)
    {
        ArgumentNullException.ThrowIfNull(previous);
        if (previous.Dimension != Dimension || previous.StepPeriodNs != StepPeriodNs || !previous._hasPlan) return;
        int n = previous._planSteps * Dimension;
        previous._plan.AsSpan(0, n).CopyTo(_plan);
        previous._counts.AsSpan(0, previous._planSteps).CopyTo(_counts);
        previous._anchorPosition.CopyTo(_anchorPosition, 0);
        previous._anchorStep.CopyTo(_anchorStep, 0);
        _planSteps = previous._planSteps;
        _planStartNs = previous._planStartNs;
        _hasPlan = true;
    }

    /// <summary>Records the last <see cref="Shape"/> output as the plan being executed (call after publishing it).</summary>
    public void Commit()
    {
        if (_shapedSteps == 0) return;
        int n = _shapedSteps * Dimension;
        _work.AsSpan(0, n).CopyTo(_plan);
        _workCounts.AsSpan(0, _shapedSteps).CopyTo(_counts);
        _seamPosition.CopyTo(_anchorPosition, 0);
        _seamStep.CopyTo(_anchorStep, 0);
        _planSteps = _shapedSteps;
        _planStartNs = _shapedStartNs;
        _hasPlan = true;
        Committed++;
    }

    /// <summary>Forgets the plan (the next chunk starts from the measured position at rest).</summary>
    public void Reset()
    {
        _hasPlan = false;
        _planSteps = 0;
        _shapedSteps = 0;
    }
}
