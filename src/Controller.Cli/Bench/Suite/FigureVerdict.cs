namespace Controller.Cli.Bench.Suite;

/// <summary>What the gate made of one figure.</summary>
public enum FigureVerdict
{
    /// <summary>Within the threshold of its baseline (or no baseline, and not a must-be-zero figure).</summary>
    Ok,

    /// <summary>Better than its baseline by more than the threshold (worth updating the baseline).</summary>
    Improved,

    /// <summary>Worse than its baseline beyond the threshold, but not gated: reported only.</summary>
    Worse,

    /// <summary>Worse than its baseline beyond the threshold and gated: fails the run.</summary>
    Regressed,

    /// <summary>A must-be-zero figure (allocations) that is not zero: fails the run, baseline or not.</summary>
    NotZero,

    /// <summary>Not measured in this run (null) although the baseline has it.</summary>
    Missing,

    /// <summary>No baseline value to compare with.</summary>
    New,
}
