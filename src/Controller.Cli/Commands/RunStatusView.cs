using Controller.Runtime;

namespace Controller.Cli.Commands;

/// <summary>
/// What <c>robotctl run</c> prints when there is no live view (<c>--no-ui</c>, or output redirected to a file or CI
/// log): one status line per second, and the summary at the end.
/// </summary>
internal sealed class RunStatusView(TextWriter output)
{
    public void Show(RuntimeStatus s) => output.WriteLine(Line(s));

    /// <summary>Where the brain runs and, out of process, how often its process attached and was lost.</summary>
    public static string Placement(RuntimeStatus s) => s.BrainPlacement switch
    {
        Controller.Runtime.Brain.BrainPlacement.InProcess => "in process",
        Controller.Runtime.Brain.BrainPlacement.OutOfProcess => $"out of process: attached {s.BrainProcessAttaches}, lost {s.BrainProcessLosses}",
        _ => "no brain",
    };

    public void Summary(RuntimeStatus s)
    {
        output.WriteLine(FormattableString.Invariant(
            $"ran {s.ElapsedSeconds:F1} s: {s.Cycles} cycles ({s.RateHz:F0} Hz), lateness p50 {s.LatenessP50Us:F0} µs p99 {s.LatenessP99Us:F0} µs max {s.LatenessMaxUs:F0} µs, {s.Overruns} overruns, safety {s.Safety}, brain {Placement(s)}, chunks {s.ChunksReceived}, bus faults {s.Buses.Sum(b => b.Faults)}; task {(s.TaskSucceeded ? "succeeded" : s.BrainSkill is null ? "none" : $"not achieved (skill {s.BrainSkill}{(s.BrainFailure is null ? "" : ", " + s.BrainFailure)})")}"));
    }

    private static string Line(RuntimeStatus s) => FormattableString.Invariant(
        $"t {s.ElapsedSeconds,6:F1} s | loop {s.RateHz,6:F0} Hz lateness p50 {s.LatenessP50Us,5:F0} p99 {s.LatenessP99Us,6:F0} max {s.LatenessMaxUs,6:F0} µs overruns {s.Overruns} | safety {s.Safety}{(s.BrainSilent ? " (brain silent)" : "")} | brain ({Placement(s)}) {s.BrainSkill ?? "none"}{(s.BrainFailure is null ? "" : $" FAILED: {s.BrainFailure}")} chunks {s.ChunksReceived} policy {s.PolicyHz:F1} Hz{(s.TaskSucceeded ? " | TASK DONE: cube in the bin" : "")} | ") +
        string.Join(" ", s.Buses.Select(b => $"{b.Name}:{b.State}/{b.Faults}"));
}
