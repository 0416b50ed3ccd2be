using System.Globalization;
using Controller.Runtime;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Controller.Cli.Commands;

/// <summary>
/// The live terminal view of <c>robotctl run</c> (Spectre.Console): loop rate and lateness, overruns, safety state,
/// the brain's skill and chunks, bus states, a joint table and the wrist wrench, redrawn in place a few times a
/// second. Used only on an interactive terminal; <c>--no-ui</c> or redirected output gets plain lines.
/// </summary>
internal static class RunLiveView
{
    /// <summary>Everything the view shows for one status snapshot.</summary>
    public static IRenderable Build(RuntimeStatus s)
    {
        var summary = new Grid().AddColumn().AddColumn();
        summary.AddRow("[bold]loop[/]", Plain($"{s.RateHz:F0} Hz · lateness p50 {s.LatenessP50Us:F0} µs · p99 {s.LatenessP99Us:F0} µs · max {s.LatenessMaxUs:F0} µs · overruns {s.Overruns} · compute p99 {s.ComputeP99Us:F1} µs"));
        string safety = s.Safety.ToString() + (s.BrainSilent ? " (brain silent)" : "");
        summary.AddRow("[bold]safety[/]", s.Safety == Controller.Cerebellum.Safety.SafetyState.Normal ? $"[green]{Markup.Escape(safety)}[/]" : $"[red]{Markup.Escape(safety)}[/]");
        string brain = s.BrainSkill is null ? "none" : s.BrainSkill + (s.BrainFailure is null ? "" : $" — FAILED: {s.BrainFailure}");
        summary.AddRow("[bold]brain[/]", Markup.Escape($"{brain} · chunks {s.ChunksReceived}") + (s.TaskSucceeded ? " · [green]task done: cube in the bin[/]" : ""));
        summary.AddRow("[bold]placement[/]", Plain($"{RunStatusView.Placement(s)} · planner {s.PlannerHz:F1} Hz · policy {s.PolicyHz:F1} Hz"));
        summary.AddRow("[bold]buses[/]", Markup.Escape(string.Join("  ", s.Buses.Select(b => $"{b.Name}: {b.State} ({b.Faults} faults)"))));
        summary.AddRow("[bold]wrench[/]", s.Wrench is { } w ? Plain($"F [{w[0]:F2} {w[1]:F2} {w[2]:F2}] N · T [{w[3]:F3} {w[4]:F3} {w[5]:F3}] N·m") : "—");

        var joints = new Table().Border(TableBorder.Rounded).AddColumns("joint", "position (rad)", "command (rad)", "effort (N·m)");
        foreach (var j in s.Joints)
        {
            joints.AddRow(Markup.Escape(j.Name), Invariant($"{j.PositionRad:F4}"), Invariant($"{j.CommandRad:F4}"), Invariant($"{j.EffortNm:F3}"));
        }

        return new Rows(new Markup(Invariant($"[bold]robotctl run[/] · t {s.ElapsedSeconds:F1} s · {s.Cycles} cycles")), summary, joints);
    }

    /// <summary>Shows the view on the terminal until <paramref name="until"/> says stop.</summary>
    public static void Run(Func<RuntimeStatus> status, Func<bool> until)
    {
        AnsiConsole.Live(Build(status())).AutoClear(false).Start(context =>
        {
            while (!until())
            {
                context.UpdateTarget(Build(status()));
                Thread.Sleep(250);
            }

            context.UpdateTarget(Build(status()));
        });
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    // Grid rows are markup: text with brackets (a wrench "[x y z]") must be escaped or it is read as a style tag.
    private static string Plain(FormattableString text) => Markup.Escape(Invariant(text));
}
