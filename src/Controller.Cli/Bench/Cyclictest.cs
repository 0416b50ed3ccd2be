using System.Diagnostics;
using System.Globalization;

namespace Controller.Cli.Bench;

/// <summary>Runs rt-tests' <c>cyclictest</c> with the same rate, priority and CPU as our loop.</summary>
public static class Cyclictest
{
    /// <summary>Histogram range (µs); slower wake-ups count as overflows at the measured maximum.</summary>
    public const int HistogramUs = 10_000;

    /// <summary>What happened: figures, or why there are none.</summary>
    /// <param name="Result">The figures, or null.</param>
    /// <param name="Error">Why there are no figures, or null.</param>
    /// <param name="CommandLine">The command that was run.</param>
    public sealed record Outcome(CyclictestResult? Result, string? Error, string CommandLine);

    /// <summary>
    /// Runs cyclictest for <paramref name="seconds"/> at <paramref name="rateHz"/>, SCHED_FIFO
    /// <paramref name="priority"/> (0: none), pinned to <paramref name="cpu"/> (-1: not pinned), with mlockall.
    /// </summary>
    public static Outcome Run(double rateHz, double seconds, int priority, int cpu)
    {
        string? path = new[] { "/usr/bin/cyclictest", "/usr/local/bin/cyclictest", "/usr/sbin/cyclictest" }.FirstOrDefault(File.Exists);
        var args = new List<string> { "-m", "-q", "-t", "1", "-h", HistogramUs.ToString(CultureInfo.InvariantCulture),
            "-i", ((long)Math.Round(1e6 / rateHz)).ToString(CultureInfo.InvariantCulture),
            "-D", Math.Max(1, (long)Math.Ceiling(seconds)).ToString(CultureInfo.InvariantCulture) };
        if (priority > 0) args.AddRange(["-p", priority.ToString(CultureInfo.InvariantCulture)]);
        if (cpu >= 0) args.AddRange(["-a", cpu.ToString(CultureInfo.InvariantCulture)]);
        string commandLine = "cyclictest " + string.Join(' ', args);
        if (path is null)
            return new Outcome(null, "cyclictest is not installed: apt-get install -y rt-tests (the loop figures stand alone without it)", commandLine);

        var info = new ProcessStartInfo(path) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) info.ArgumentList.Add(a);
        try
        {
            using var process = Process.Start(info)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(seconds + 30)))
            {
                process.Kill(entireProcessTree: true);
                return new Outcome(null, "cyclictest did not finish in time", commandLine);
            }
            var result = CyclictestOutput.Parse(stdout.Result, out string? error);
            if (result is null || process.ExitCode != 0)
                return new Outcome(null, $"cyclictest failed (exit {process.ExitCode}): {error ?? ""} {stderr.Result.Trim()}".Trim(), commandLine);
            return new Outcome(result, null, commandLine);
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            return new Outcome(null, $"cyclictest could not run: {e.Message}", commandLine);
        }
    }
}
