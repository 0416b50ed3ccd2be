using System.Diagnostics;

namespace Controller.Cli.Tests.EtherCat;

/// <summary>A fact that needs a fresh network namespace with a veth pair (Linux, root, iproute2, CAP_SYS_ADMIN); skipped with the reason otherwise.</summary>
public sealed class VethFactAttribute : FactAttribute
{
    private static readonly Lazy<string?> Unavailable = new(Probe);

    public VethFactAttribute()
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
        try
        {
            using var veth = new VethPair();
            return null;
        }
        catch (Exception ex)
        {
            return $"root, but cannot create a network namespace with a veth pair here: {ex.Message.Trim()}";
        }
    }
}

/// <summary>A fresh network namespace holding one veth pair, both ends up; disposing deletes the namespace and the pair.</summary>
internal sealed class VethPair : IDisposable
{
    public string Namespace { get; }
    public string EndA { get; }
    public string EndB { get; }

    public VethPair()
    {
        string id = $"{Environment.ProcessId % 100000}{Random.Shared.Next(1000):D3}";
        (Namespace, EndA, EndB) = ($"ecat-cli-{id}", $"cla{id}", $"clb{id}");
        Run("ip", $"netns add {Namespace}");
        try
        {
            Run("ip", $"-n {Namespace} link add {EndA} type veth peer name {EndB}");
            Run("ip", $"-n {Namespace} link set {EndA} up");
            Run("ip", $"-n {Namespace} link set {EndB} up");
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public static string Run(string program, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {arguments} failed ({process.ExitCode}): {error}");
        return stdout.Result;
    }

    public void Dispose() => Run("ip", $"netns del {Namespace}");
}
