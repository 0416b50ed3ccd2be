using System.Globalization;
using Controller.Runtime.Recording;

namespace Controller.Cli.Recording;

/// <summary>How <c>robotctl replay --print</c> and <c>report</c> write records and headers as text (invariant culture).</summary>
internal static class RecordText
{
    /// <summary>One line per record: time, kind, fields.</summary>
    public static string Line(EpisodeRecord record) => FormattableString.Invariant($"{record.TimeSeconds,10:F3} s  {record.Kind,-11} ") + record switch
    {
        StateRecord s => FormattableString.Invariant($"cycle {s.Cycle}  q {Vector(s.PositionRad)}  cmd {Vector(s.CommandRad)}  tau {Vector(s.EffortNm)}"),
        WrenchRecord w => $"F {Vector(w.ForceN)} N  T {Vector(w.TorqueNm)} N·m",
        SkillRecord k => $"task \"{k.Task}\"  skill {k.Skill}",
        ChunkRecord c => FormattableString.Invariant($"#{c.Sequence} {c.Steps}×{c.Dimension} every {c.StepPeriodNs / 1e6:F1} ms, model {c.ModelIndex}, {(c.Rejection == 0 ? "accepted" : $"rejected ({c.Rejection})")}, first {Vector(c.FirstAction.Select(v => (double)v).ToArray())}"),
        SafetyEventRecord e => FormattableString.Invariant($"#{e.Sequence} {e.EventKind} → {e.Reaction}, source {e.Source}, value {e.Value:G4} vs limit {e.Limit:G4}"),
        FaultRecord f => $"bus {f.Source} {f.State}, {f.Faults} faults",
        LoopRecord l => FormattableString.Invariant($"{l.Cycles} cycles, {l.Overruns} overruns, lateness p50 {l.LatenessP50Ns / 1e3:F1} µs p99 {l.LatenessP99Ns / 1e3:F1} µs max {l.LatenessMaxNs / 1e3:F1} µs"),
        ModelCallRecord m => ModelCallText.Line(m),
        _ => record.ToString(),
    };

    /// <summary>The header and a summary of what the file holds, one fact a line.</summary>
    public static IEnumerable<string> Summary(string path, EpisodeReadResult episode)
    {
        EpisodeHeader h = episode.Header;
        yield return $"episode {path}: robot {h.RobotName} (URDF {h.UrdfName}), format v{h.FormatVersion}, started {h.StartUtc:yyyy-MM-dd HH:mm:ss} UTC";
        yield return $"  config sha256 {h.ConfigSha256}; joints {string.Join(", ", h.JointNames)}";
        yield return FormattableString.Invariant($"  loop {h.LoopRateHz} Hz, state sampled at {h.StateRateHz} Hz; task \"{h.Task}\"");
        foreach (ModelFile m in h.Models)
        {
            yield return $"  {m.Role}: {m.ManifestPath} (sha256 {m.ManifestSha256})";
        }

        double duration = episode.Records.Count == 0 ? 0 : episode.Records.Max(r => r.TimeSeconds);
        string counts = string.Join(", ", episode.Records.GroupBy(r => r.Kind).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}"));
        yield return FormattableString.Invariant($"  {episode.Records.Count} records over {duration:F2} s: {(counts.Length == 0 ? "none" : counts)}");
        string events = string.Join(", ", episode.Of<SafetyEventRecord>().GroupBy(e => e.EventKind).Select(g => $"{g.Key} {g.Count()}"));
        yield return $"  safety events: {(events.Length == 0 ? "none" : events)}";
        if (ModelCallText.Summary(episode) is { } modelCalls)
        {
            yield return modelCalls;
        }

        yield return episode.Complete
            ? "  file intact (ends after a whole record)"
            : $"  file damaged: {episode.StopReason} — {episode.StopDetail}; the records before it are shown";
        if (episode.SkippedUnknownRecords > 0)
        {
            yield return $"  {episode.SkippedUnknownRecords} records of kinds this version does not know were skipped";
        }
    }

    private static string Vector(double[] values) =>
        values.Length == 0 ? "-" : "[" + string.Join(" ", values.Select(v => v.ToString("F3", CultureInfo.InvariantCulture))) + "]";
}
