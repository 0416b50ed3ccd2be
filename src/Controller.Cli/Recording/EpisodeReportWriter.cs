using System.Globalization;
using System.Net;
using System.Text;
using Controller.Runtime.Recording;
using ScottPlot;

namespace Controller.Cli.Recording;

/// <summary>
/// Writes a recording's report: per joint, the commanded and measured position against time; the wrist forces and
/// torques; the loop's lateness percentiles as published during the run; each as PNG and SVG, and an
/// <c>index.html</c> with the summary, a tracking-error table, the safety events and skills, and the plots.
/// </summary>
internal static class EpisodeReportWriter
{
    private const int Width = 900;
    private const int Height = 360;

    /// <summary>Writes the report into <paramref name="folder"/> (created) and returns the index page's path.</summary>
    public static string Write(string path, EpisodeReadResult episode, string folder)
    {
        Directory.CreateDirectory(folder);
        var figures = new List<(string Title, string Png, string Svg)>();
        StateRecord[] states = episode.Of<StateRecord>().ToArray();
        double[] t = states.Select(s => s.TimeSeconds).ToArray();
        var errors = new List<(string Joint, double RmsRad, double MaxRad)>();
        for (int j = 0; j < episode.Header.JointNames.Count; j++)
        {
            string joint = episode.Header.JointNames[j];
            var plot = new Plot();
            int jj = j;
            Line(plot, t, states.Select(s => jj < s.PositionRad.Length ? s.PositionRad[jj] : double.NaN).ToArray(), "measured");
            StateRecord[] commanded = states.Where(s => jj < s.CommandRad.Length && jj < s.PositionRad.Length).ToArray();
            Line(plot, commanded.Select(s => s.TimeSeconds).ToArray(), commanded.Select(s => s.CommandRad[jj]).ToArray(), "commanded");
            Labels(plot, $"{joint}: commanded vs measured", "position (rad or m)");
            figures.Add(Save(plot, folder, $"tracking-{Safe(joint)}", $"Joint tracking: {joint}"));
            if (commanded.Length > 0)
            {
                double[] e = commanded.Select(s => s.PositionRad[jj] - s.CommandRad[jj]).ToArray();
                errors.Add((joint, Math.Sqrt(e.Average(x => x * x)), e.Max(Math.Abs)));
            }
        }

        WrenchRecord[] wrenches = episode.Of<WrenchRecord>().ToArray();
        if (wrenches.Length > 0)
        {
            double[] tw = wrenches.Select(w => w.TimeSeconds).ToArray();
            var force = new Plot();
            var torque = new Plot();
            string[] axes = ["x", "y", "z"];
            for (int a = 0; a < 3; a++)
            {
                int aa = a;
                Line(force, tw, wrenches.Select(w => w.ForceN[aa]).ToArray(), "F" + axes[a]);
                Line(torque, tw, wrenches.Select(w => w.TorqueNm[aa]).ToArray(), "T" + axes[a]);
            }

            Labels(force, "Wrist force (sensor frame)", "force (N)");
            Labels(torque, "Wrist torque (sensor frame)", "torque (N·m)");
            figures.Add(Save(force, folder, "wrench-force", "Wrist force"));
            figures.Add(Save(torque, folder, "wrench-torque", "Wrist torque"));
        }

        LoopRecord[] loops = episode.Of<LoopRecord>().ToArray();
        if (loops.Length > 0)
        {
            double[] tl = loops.Select(l => l.TimeSeconds).ToArray();
            var lateness = new Plot();
            Line(lateness, tl, loops.Select(l => l.LatenessP50Ns / 1e3).ToArray(), "p50");
            Line(lateness, tl, loops.Select(l => l.LatenessP99Ns / 1e3).ToArray(), "p99");
            Line(lateness, tl, loops.Select(l => l.LatenessMaxNs / 1e3).ToArray(), "max");
            Labels(lateness, "Loop wake-up lateness (as the loop published it)", "lateness (µs)");
            figures.Add(Save(lateness, folder, "loop-lateness", "Loop lateness"));
        }

        string index = Path.Combine(folder, "index.html");
        File.WriteAllText(index, Html(path, episode, figures, errors));
        return index;
    }

    private static void Line(Plot plot, double[] xs, double[] ys, string label)
    {
        if (xs.Length == 0)
        {
            return;
        }

        var line = plot.Add.Scatter(xs, ys);
        line.MarkerSize = 0;
        line.LegendText = label;
    }

    private static void Labels(Plot plot, string title, string yLabel)
    {
        plot.Title(title);
        plot.XLabel("time since start (s)");
        plot.YLabel(yLabel);
        plot.ShowLegend();
    }

    private static (string Title, string Png, string Svg) Save(Plot plot, string folder, string name, string title)
    {
        plot.SavePng(Path.Combine(folder, name + ".png"), Width, Height);
        plot.SaveSvg(Path.Combine(folder, name + ".svg"), Width, Height);
        return (title, name + ".png", name + ".svg");
    }

    private static string Safe(string name) => new(name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '_').ToArray());

    private static string Html(string path, EpisodeReadResult episode, List<(string Title, string Png, string Svg)> figures, List<(string Joint, double RmsRad, double MaxRad)> errors)
    {
        static string E(string s) => WebUtility.HtmlEncode(s);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>").Append(E($"Episode report: {episode.Header.RobotName}"))
            .Append("</title><style>body{font-family:sans-serif;max-width:960px;margin:auto}pre{background:#f4f4f4;padding:8px;overflow-x:auto}td,th{padding:2px 10px;text-align:right}</style></head><body>\n");
        html.Append("<h1>").Append(E($"{episode.Header.RobotName}, {episode.Header.StartUtc:yyyy-MM-dd HH:mm:ss} UTC")).Append("</h1>\n<pre>");
        foreach (string line in RecordText.Summary(path, episode))
        {
            html.Append(E(line)).Append('\n');
        }

        html.Append("</pre>\n<h2>Tracking error (measured − commanded)</h2>\n<table><tr><th>joint</th><th>RMS</th><th>max |e|</th></tr>\n");
        foreach ((string joint, double rms, double max) in errors)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(joint)}</td><td>{rms:F4}</td><td>{max:F4}</td></tr>\n");
        }

        html.Append("</table>\n<h2>Skills</h2>\n<ul>\n");
        foreach (SkillRecord s in episode.Of<SkillRecord>())
        {
            html.Append(CultureInfo.InvariantCulture, $"<li>{s.TimeSeconds:F2} s: {E(s.Skill)} (task \"{E(s.Task)}\")</li>\n");
        }

        html.Append("</ul>\n<h2>Safety events and faults</h2>\n<ul>\n");
        foreach (EpisodeRecord r in episode.Records.Where(r => r is SafetyEventRecord or FaultRecord))
        {
            html.Append("<li>").Append(E(RecordText.Line(r).Trim())).Append("</li>\n");
        }

        html.Append("</ul>\n<h2>Plots</h2>\n");
        foreach ((string title, string png, string svg) in figures)
        {
            html.Append("<h3>").Append(E(title)).Append("</h3>\n<a href=\"").Append(E(svg)).Append("\"><img src=\"").Append(E(png))
                .Append("\" alt=\"").Append(E(title)).Append("\" width=\"").Append(Width).Append("\"></a>\n");
        }

        html.Append("</body></html>\n");
        return html.ToString();
    }
}
