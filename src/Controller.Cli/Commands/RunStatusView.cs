using Controller.Runtime;

namespace Controller.Cli.Commands;

/// <summary>What <c>robotctl run</c> prints while the robot runs: a status line per second in plain mode, or a redrawn table.</summary>
internal sealed class RunStatusView(TextWriter output, bool plain)
{
    private bool _drawn;

    public void Show(RuntimeStatus s)
    {
        if (plain || Console.IsOutputRedirected || output != Console.Out)
        {
            output.WriteLine(Line(s));
            return;
        }

        // Redraw in place: move the cursor up over the previous table.
        int lines = 3 + s.Joints.Count;
        if (_drawn)
        {
            output.Write($"\u001b[{lines}A");
        }

        output.WriteLine(Line(s).PadRight(120));
        output.WriteLine($"{"joint",-16} {"position",10} {"command",10} {"effort",9}".PadRight(120));
        foreach (var j in s.Joints)
        {
            output.WriteLine($"{j.Name,-16} {j.PositionRad,10:F4} {j.CommandRad,10:F4} {j.EffortNm,9:F3}".PadRight(120));
        }

        output.WriteLine((s.Wrench is { } w ? $"wrench  F [{w[0]:F2} {w[1]:F2} {w[2]:F2}] N  T [{w[3]:F3} {w[4]:F3} {w[5]:F3}] N·m" : "wrench  —").PadRight(120));
        _drawn = true;
    }

    public void Summary(RuntimeStatus s)
    {
        output.WriteLine(FormattableString.Invariant(
            $"ran {s.ElapsedSeconds:F1} s: {s.Cycles} cycles ({s.RateHz:F0} Hz), lateness p50 {s.LatenessP50Us:F0} µs p99 {s.LatenessP99Us:F0} µs max {s.LatenessMaxUs:F0} µs, {s.Overruns} overruns, safety {s.Safety}, chunks {s.ChunksReceived}, bus faults {s.Buses.Sum(b => b.Faults)}; task {(s.TaskSucceeded ? "succeeded" : s.BrainSkill is null ? "none" : $"not achieved (skill {s.BrainSkill}{(s.BrainFailure is null ? "" : ", " + s.BrainFailure)})")}"));
    }

    private static string Line(RuntimeStatus s) => FormattableString.Invariant(
        $"t {s.ElapsedSeconds,6:F1} s | loop {s.RateHz,6:F0} Hz lateness p50 {s.LatenessP50Us,5:F0} p99 {s.LatenessP99Us,6:F0} max {s.LatenessMaxUs,6:F0} µs overruns {s.Overruns} | safety {s.Safety}{(s.BrainSilent ? " (brain silent)" : "")} | brain {s.BrainSkill ?? "none"}{(s.BrainFailure is null ? "" : $" FAILED: {s.BrainFailure}")} chunks {s.ChunksReceived}{(s.TaskSucceeded ? " | TASK DONE: cube in the bin" : "")} | ") +
        string.Join(" ", s.Buses.Select(b => $"{b.Name}:{b.State}/{b.Faults}"));
}
