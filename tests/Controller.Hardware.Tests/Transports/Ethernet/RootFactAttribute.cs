using System.Diagnostics;

namespace Controller.Hardware.Tests.Transports.Ethernet;

/// <summary>
/// A fact that runs only where it can create a network namespace with a veth pair (Linux, root, iproute2, and
/// the capability to do it — a container may be root without CAP_SYS_ADMIN); skipped with the reason otherwise.
/// </summary>
public sealed class RootFactAttribute : FactAttribute
{
    private static readonly Lazy<string?> Unavailable = new(Probe);

    public RootFactAttribute()
    {
        if (Unavailable.Value is string reason)
            Skip = reason;
    }

    private static string? Probe()
    {
        if (!OperatingSystem.IsLinux())
            return "needs Linux (AF_PACKET, network namespaces)";
        if (!Environment.IsPrivilegedProcess)
            return "needs root: creates a network namespace and a veth pair (run the tests as root to include it)";
        if (!new[] { "/usr/sbin/ip", "/sbin/ip", "/usr/bin/ip", "/bin/ip" }.Any(File.Exists))
            return "needs iproute2's `ip` command";
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ECAT_TEST_NETNS")))
            return null;
        string probe = $"ecat-probe-{Environment.ProcessId}";
        try
        {
            Ip($"netns add {probe}");
            Ip($"-n {probe} link add ecp0 type veth peer name ecp1");
            return null;
        }
        catch (Exception ex)
        {
            return $"root, but cannot create a network namespace with a veth pair here: {ex.Message.Trim()}";
        }
        finally
        {
            try { Ip($"netns del {probe}"); } catch (InvalidOperationException) { /* it was never created */ }
        }
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
