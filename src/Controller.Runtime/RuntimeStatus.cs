using Controller.Cerebellum.Safety;
using Controller.Hardware.Devices;

namespace Controller.Runtime;

/// <summary>A snapshot of the running robot for the live view and the plain log (taken off the loop thread).</summary>
/// <param name="ElapsedSeconds">Time since the loop started.</param>
/// <param name="Cycles">Loop cycles run.</param>
/// <param name="RateHz">Measured cycle rate over the run.</param>
/// <param name="LatenessP50Us">Wake-up lateness median (µs), from the loop's published statistics.</param>
/// <param name="LatenessP99Us">Wake-up lateness p99 (µs).</param>
/// <param name="LatenessMaxUs">Wake-up lateness maximum (µs).</param>
/// <param name="ComputeP99Us">Cycle compute p99 (µs).</param>
/// <param name="Overruns">Cycles that overran their period.</param>
/// <param name="Safety">Safety state.</param>
/// <param name="BrainSilent">True while the brain has been silent past its timeout.</param>
/// <param name="Buses">Per bus: name, lifecycle state, faults.</param>
/// <param name="Joints">Per joint: name, measured position, commanded position, measured effort.</param>
/// <param name="Wrench">The wrist wrench (Fx, Fy, Fz, Tx, Ty, Tz), or null without a sensor.</param>
/// <param name="ChunksReceived">Action chunks the cerebellum has taken from the brain.</param>
/// <param name="PlantSteps">Physics steps (simulated robots).</param>
/// <param name="BrainSkill">The brain's current skill, or null without a brain.</param>
/// <param name="BrainFailure">Why the brain's task failed, or null.</param>
/// <param name="TaskSucceeded">For simulated robots: the instructed cube lies in the bin.</param>
public sealed record RuntimeStatus(
    double ElapsedSeconds,
    long Cycles,
    double RateHz,
    double LatenessP50Us,
    double LatenessP99Us,
    double LatenessMaxUs,
    double ComputeP99Us,
    long Overruns,
    SafetyState Safety,
    bool BrainSilent,
    IReadOnlyList<(string Name, DeviceState State, long Faults)> Buses,
    IReadOnlyList<(string Name, double PositionRad, double CommandRad, double EffortNm)> Joints,
    double[]? Wrench,
    long ChunksReceived,
    long PlantSteps,
    string? BrainSkill,
    string? BrainFailure,
    bool TaskSucceeded)
{
    /// <summary>Where the brain runs, or null without a brain.</summary>
    public Brain.BrainPlacement? BrainPlacement { get; init; }

    /// <summary>Times an out-of-process brain was lost (process exited or heartbeat stale); 0 in process.</summary>
    public long BrainProcessLosses { get; init; }

    /// <summary>Times a brain process attached, the first included; 0 in process.</summary>
    public long BrainProcessAttaches { get; init; }

    /// <summary>Planner inferences per second (in process: over the run; out of process: the brain's recent rate).</summary>
    public double PlannerHz { get; init; }

    /// <summary>Policy inferences per second (as <see cref="PlannerHz"/>).</summary>
    public double PolicyHz { get; init; }
}
