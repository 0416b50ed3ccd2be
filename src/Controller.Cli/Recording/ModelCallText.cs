using System.Globalization;
using Controller.Runtime.Recording;

namespace Controller.Cli.Recording;

/// <summary>How <c>robotctl replay</c> shows the brain's model calls (record kind 8) as text.</summary>
internal static class ModelCallText
{
    /// <summary>One call: model, outcome, inference time, what it was given and what it answered.</summary>
    public static string Line(ModelCallRecord m)
    {
        var parts = new List<string> { FormattableString.Invariant($"{m.Model} #{m.ModelIndex} {m.Status} in {m.InferenceNs / 1e6:F2} ms") };
        if (m.StateRad.Length > 0)
        {
            parts.Add($"state {Vector(m.StateRad)}");
        }

        if (m.GoalRad.Length > 0)
        {
            parts.Add($"goal {Vector(m.GoalRad)}");
        }

        if (m.Instruction.Length > 0)
        {
            parts.Add($"instruction \"{m.Instruction}\"");
        }

        foreach (ModelCallImage image in m.Images)
        {
            parts.Add($"image {image.Feature} {image.Width}×{image.Height}×{image.Channels} {image.Encoding} {image.Data.Length} B");
        }

        if (m.Skill.Length > 0)
        {
            parts.Add($"→ skill {m.Skill}");
        }

        foreach (ModelArgument argument in m.Arguments)
        {
            parts.Add($"{argument.Name} {Vector(argument.Values)}");
        }

        if (m.Model == ModelCallRecord.PolicyModel)
        {
            parts.Add(m.ChunkSequence >= 0 ? $"→ chunk #{m.ChunkSequence}" : "→ no chunk");
        }

        return string.Join("  ", parts);
    }

    /// <summary>A summary line: calls per model and outcome, and the planner's decisions; null when the file has none.</summary>
    public static string? Summary(EpisodeReadResult episode)
    {
        var calls = episode.Of<ModelCallRecord>().ToArray();
        if (calls.Length == 0)
        {
            return null;
        }

        string outcomes = string.Join(", ", calls.GroupBy(c => (c.Model, c.Status)).OrderBy(g => g.Key.Model, StringComparer.Ordinal)
            .Select(g => $"{g.Key.Model} {g.Key.Status} {g.Count()}"));
        string skills = string.Join(", ", calls.Where(c => c.Skill.Length > 0).GroupBy(c => c.Skill).Select(g => $"{g.Key} {g.Count()}"));
        return $"  model calls: {outcomes}{(skills.Length == 0 ? "" : $"; planner chose {skills}")}";
    }

    private static string Vector(double[] values) =>
        "[" + string.Join(" ", values.Select(v => v.ToString("F3", CultureInfo.InvariantCulture))) + "]";
}
