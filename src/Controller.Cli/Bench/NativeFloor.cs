using System.Diagnostics;
using System.Text.Json;

namespace Controller.Cli.Bench;

/// <summary>
/// Builds and runs <c>bench/floor/pingpong.c</c> (embedded in this assembly) with the machine's C compiler:
/// the cross-core round trip with nothing in the way, measured in the same run as our ring.
/// </summary>
public static class NativeFloor
{
    /// <summary>What the C ping-pong measured, or why it could not.</summary>
    /// <param name="RttP50Ns">Median round trip (ns), null when unavailable.</param>
    /// <param name="RttP99Ns">99th-percentile round trip (ns), null when unavailable.</param>
    /// <param name="Pinned">Whether the two processes were pinned to separate CPUs.</param>
    /// <param name="Compiler">The compiler used, or null.</param>
    /// <param name="Error">Why there is no figure, or null.</param>
    public sealed record Result(long? RttP50Ns, long? RttP99Ns, bool Pinned, string? Compiler, string? Error);

    private static readonly string[] Compilers = ["cc", "gcc", "clang"];

    /// <summary>Compiles the floor program into a temporary folder and runs <paramref name="roundTrips"/> round trips.</summary>
    public static Result Measure(int roundTrips, CpuPair cpus)
    {
        string? compiler = Compilers.Select(FindOnPath).FirstOrDefault(p => p != null);
        if (compiler is null)
        {
            return new Result(null, null, false, null,
                "no C compiler (cc, gcc or clang) on PATH: install one (e.g. apt-get install -y gcc) to measure the floor");
        }
        string dir = Path.Combine(Path.GetTempPath(), $"robotctl-floor-{Environment.ProcessId}");
        Directory.CreateDirectory(dir);
        try
        {
            string source = Path.Combine(dir, "pingpong.c");
            string binary = Path.Combine(dir, "pingpong");
            using (var resource = typeof(NativeFloor).Assembly.GetManifestResourceStream("pingpong.c")
                ?? throw new InvalidOperationException("pingpong.c is not embedded in robotctl; rebuild the CLI."))
            using (var file = File.Create(source))
            {
                resource.CopyTo(file);
            }
            var (buildCode, buildOut) = RunProcess(compiler, ["-O2", "-o", binary, source], TimeSpan.FromSeconds(60));
            if (buildCode != 0) return new Result(null, null, false, compiler, $"{compiler} failed ({buildCode}): {buildOut.Trim()}");

            string[] args = cpus.IsPinned
                ? [roundTrips.ToString(), cpus.First.ToString(), cpus.Second.ToString()]
                : [roundTrips.ToString()];
            var (runCode, runOut) = RunProcess(binary, args, TimeSpan.FromSeconds(120));
            if (runCode != 0) return new Result(null, null, false, compiler, $"pingpong failed ({runCode}): {runOut.Trim()}");
            using var json = JsonDocument.Parse(runOut.Trim().Split('\n').Last());
            var root = json.RootElement;
            return new Result(root.GetProperty("rtt_p50_ns").GetInt64(), root.GetProperty("rtt_p99_ns").GetInt64(),
                root.GetProperty("pinned").GetBoolean() && cpus.IsPinned, compiler, null);
        }
        catch (Exception e) when (e is IOException or JsonException or KeyNotFoundException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return new Result(null, null, false, compiler, $"floor measurement failed: {e.Message}");
        }
        finally
        {
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
        }
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);

    private static (int ExitCode, string Output) RunProcess(string file, string[] args, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"timed out after {timeout.TotalSeconds} s");
        }
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
