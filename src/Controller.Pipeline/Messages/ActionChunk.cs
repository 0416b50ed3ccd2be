using System.Diagnostics.CodeAnalysis;

namespace Controller.Pipeline.Messages;

/// <summary>
/// A policy's action chunk: <see cref="Steps"/> rows of <see cref="Dimension"/> float32 values, step-major,
/// to be executed one row every <see cref="StepPeriodNs"/> from <see cref="StartTimeNs"/>. About 32 KiB:
/// write it in place with a ring's claim rather than copying it.
/// </summary>
public struct ActionChunk
{
    /// <summary>Sequence and the time the observation behind the chunk was taken.</summary>
    public MessageHeader Header;

    /// <summary>Rows in use (1 to <see cref="MessageLimits.MaxChunkSteps"/>).</summary>
    public int Steps;

    /// <summary>Values per row (1 to <see cref="MessageLimits.MaxJoints"/>).</summary>
    public int Dimension;

    /// <summary>What the values mean.</summary>
    public ActionKind Kind;

    /// <summary>Index of the model that produced the chunk (for hot swap and telemetry).</summary>
    public int ModelIndex;

    /// <summary>Time between rows in nanoseconds (e.g. 33 333 333 for a 30 Hz policy).</summary>
    public long StepPeriodNs;

    /// <summary>Monotonic time at which row 0 applies.</summary>
    public long StartTimeNs;

    /// <summary>The values, step-major: row s starts at s × <see cref="Dimension"/>.</summary>
    public ChunkValues Values;

    /// <summary>Sets the shape after checking it fits the inline storage.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When a dimension is out of range.</exception>
    public void SetShape(int steps, int dimension)
    {
        if (steps < 1 || steps > MessageLimits.MaxChunkSteps)
            throw new ArgumentOutOfRangeException(nameof(steps), steps, $"steps must be between 1 and {MessageLimits.MaxChunkSteps}; it is {steps}.");
        if (dimension < 1 || dimension > MessageLimits.MaxJoints)
            throw new ArgumentOutOfRangeException(nameof(dimension), dimension, $"dimension must be between 1 and {MessageLimits.MaxJoints}; it is {dimension}.");
        Steps = steps;
        Dimension = dimension;
    }

    /// <summary>Row <paramref name="step"/> as a span over the inline storage (no copy).</summary>
    /// <exception cref="ArgumentOutOfRangeException">When the step is outside [0, <see cref="Steps"/>).</exception>
    [UnscopedRef]
    public Span<float> Row(int step)
    {
        if ((uint)step >= (uint)Steps || (uint)Dimension > MessageLimits.MaxJoints)
            throw new ArgumentOutOfRangeException(nameof(step), step, $"step must be between 0 and {Steps - 1}; it is {step}.");
        return ((Span<float>)Values).Slice(step * Dimension, Dimension);
    }
}
