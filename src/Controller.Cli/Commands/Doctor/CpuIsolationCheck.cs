namespace Controller.Cli.Commands.Doctor;

/// <summary>
/// CPU isolation for the loop's core (<c>isolcpus=</c>, <c>nohz_full=</c>, <c>rcu_nocbs=</c> on the kernel command line,
/// and what the kernel isolated, <c>/sys/devices/system/cpu/isolated</c>) and each CPU's frequency governor
/// (<c>performance</c> recommended: a ramping governor adds wake-up latency).
/// </summary>
public static class CpuIsolationCheck
{
    private const string IsolationFix = "add isolcpus=N nohz_full=N rcu_nocbs=N (N: the loop's core) to GRUB_CMDLINE_LINUX in /etc/default/grub, sudo update-grub, reboot; set loop.cpu: N";

    /// <summary>The isolation finding and one governor finding per CPU, read under <paramref name="procRoot"/> and <paramref name="sysRoot"/>.</summary>
    public static IReadOnlyList<DoctorFinding> Check(string procRoot, string sysRoot)
    {
        string cpuRoot = Path.Combine(sysRoot, "devices", "system", "cpu");
        var findings = new List<DoctorFinding> { AssessIsolation(SafeRead(Path.Combine(procRoot, "cmdline")), SafeRead(Path.Combine(cpuRoot, "isolated"))) };
        var governors = Directory.Exists(cpuRoot)
            ? Directory.GetDirectories(cpuRoot, "cpu*")
                .Select(dir => (Cpu: Path.GetFileName(dir), File: Path.Combine(dir, "cpufreq", "scaling_governor")))
                .Where(c => c.Cpu.Length > 3 && c.Cpu[3..].All(char.IsAsciiDigit) && File.Exists(c.File))
                .OrderBy(c => int.Parse(c.Cpu[3..], System.Globalization.CultureInfo.InvariantCulture))
                .ToList()
            : [];
        if (governors.Count == 0)
            findings.Add(new DoctorFinding("scaling governor", DoctorStatus.Ok, "no cpufreq in sysfs (fixed frequency, or a VM whose host decides)"));
        findings.AddRange(governors.Select(g => AssessGovernor(g.Cpu, SafeRead(g.File))));
        return findings;
    }

    /// <summary>Judges the kernel command line and the <c>isolated</c> file (either null when unreadable).</summary>
    public static DoctorFinding AssessIsolation(string? cmdline, string? isolated)
    {
        var parameters = (cmdline ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Where(p => p.StartsWith("isolcpus=", StringComparison.Ordinal) || p.StartsWith("nohz_full=", StringComparison.Ordinal) || p.StartsWith("rcu_nocbs=", StringComparison.Ordinal))
            .ToList();
        string isolatedCpus = isolated?.Trim() ?? "";
        string seen = $"isolated: {(isolatedCpus.Length == 0 ? "none" : isolatedCpus)}; cmdline: {(parameters.Count == 0 ? "no isolcpus/nohz_full/rcu_nocbs" : string.Join(' ', parameters))}";
        if (isolatedCpus.Length == 0)
            return new DoctorFinding("cpu isolation", DoctorStatus.Warn, seen, IsolationFix);
        if (!parameters.Any(p => p.StartsWith("nohz_full=", StringComparison.Ordinal)))
            return new DoctorFinding("cpu isolation", DoctorStatus.Warn, seen + " (the isolated core still takes the periodic tick)", "add nohz_full= and rcu_nocbs= with the same cores to the kernel command line");
        return new DoctorFinding("cpu isolation", DoctorStatus.Ok, seen);
    }

    /// <summary>Judges one CPU's <c>scaling_governor</c> text (null when unreadable).</summary>
    public static DoctorFinding AssessGovernor(string cpu, string? governor)
    {
        string name = governor?.Trim() ?? "unreadable";
        return name == "performance"
            ? new DoctorFinding($"scaling governor {cpu}", DoctorStatus.Ok, name)
            : new DoctorFinding($"scaling governor {cpu}", DoctorStatus.Warn, $"{name}: the core ramps its clock after idling, a wake-up pays for it",
                $"echo performance | sudo tee /sys/devices/system/cpu/{cpu}/cpufreq/scaling_governor (all cores: sudo cpupower frequency-set -g performance)");
    }

    private static string? SafeRead(string path)
    {
        try { return File.Exists(path) ? File.ReadAllText(path) : null; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
    }
}
