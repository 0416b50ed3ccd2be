using Controller.Brain.Hosting;

namespace Controller.Cli.Commands.Doctor;

/// <summary>
/// The hardware half of <c>robotctl doctor</c>: serial adapters, CPU isolation and governors, raw sockets, CAN, ONNX
/// Runtime. Reads under injectable roots (<c>/proc</c>, <c>/sys</c>) so tests run it on fake trees.
/// </summary>
public static class HardwareDoctor
{
    /// <summary>Every finding, reading files under <paramref name="procRoot"/> and <paramref name="sysRoot"/> and probing this machine's sockets and ONNX Runtime.</summary>
    public static IReadOnlyList<DoctorFinding> Run(string procRoot = "/proc", string sysRoot = "/sys")
    {
        var findings = new List<DoctorFinding>();
        findings.AddRange(FtdiLatencyCheck.Check(sysRoot));
        findings.AddRange(CpuIsolationCheck.Check(procRoot, sysRoot));
        findings.Add(SocketChecks.AssessRawSocket(DoctorSockets.TryOpen(DoctorSockets.AfPacket)));
        findings.Add(SocketChecks.AssessCan(DoctorSockets.TryOpen(DoctorSockets.PfCan), File.Exists(Path.Combine(procRoot, "net", "can", "version")) || Directory.Exists(Path.Combine(procRoot, "net", "can"))));
        findings.Add(ProbeOnnx());
        return findings;
    }

    /// <summary>Prints the findings as a table: check, status, value, then the fix on its own line when there is one.</summary>
    public static void Write(IReadOnlyList<DoctorFinding> findings, TextWriter output)
    {
        int width = findings.Max(f => f.Check.Length);
        foreach (var f in findings)
        {
            output.WriteLine($"{f.Check.PadRight(width)}  {f.StatusText,-4}  {f.Value}");
            if (f.Fix is not null) output.WriteLine($"{new string(' ', width)}  fix:  {f.Fix}");
        }
        // The verdict line after this adds what these mean for the robot (DoctorVerdict); the counts are summed here.
        output.WriteLine($"hardware: {findings.Count(f => f.Status == DoctorStatus.Fail)} fail, {findings.Count(f => f.Status == DoctorStatus.Warn)} warn");
    }

    private static DoctorFinding ProbeOnnx()
    {
        try
        {
            return OnnxProvidersCheck.Assess(ModelHost.AvailableProviders());
        }
        catch (Exception e) when (e is DllNotFoundException or TypeInitializationException or EntryPointNotFoundException or BadImageFormatException)
        {
            return OnnxProvidersCheck.Assess(null, e.Message);
        }
    }
}
