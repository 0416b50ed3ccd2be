using System.Diagnostics;

namespace Controller.Hardware.Tests.Transports.Ethernet;

/// <summary>A fact that runs only as root on Linux with iproute2 (it creates network namespaces and veth pairs); skipped with the reason otherwise.</summary>
public sealed class RootFactAttribute : FactAttribute
{
    public RootFactAttribute()
    {
        if (!OperatingSystem.IsLinux())
            Skip = "needs Linux (AF_PACKET, network namespaces)";
        else if (!Environment.IsPrivilegedProcess)
            Skip = "needs root: creates a network namespace and a veth pair (run `sudo dotnet test` to include it)";
        else if (!File.Exists("/usr/sbin/ip") && !File.Exists("/sbin/ip") && !File.Exists("/usr/bin/ip"))
            Skip = "needs iproute2's `ip` command";
    }

    internal static void Ip(string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo("ip", arguments) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"ip {arguments} failed ({process.ExitCode}): {error}");
    }
}
