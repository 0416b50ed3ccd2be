using System.Diagnostics;

namespace Controller.Cli;

/// <summary>
/// Starts another <c>robotctl</c> process (an echo peer, a simulated device), whether this one runs as the
/// apphost, as <c>dotnet robotctl.dll</c>, or inside a test host that merely loaded robotctl.dll.
/// </summary>
public static class SelfInvocation
{
    /// <summary>A start description for <c>robotctl &lt;args&gt;</c> via <c>dotnet robotctl.dll</c>.</summary>
    public static ProcessStartInfo Create(params string[] args)
    {
        var info = new ProcessStartInfo(DotNetHost()) { UseShellExecute = false };
        info.ArgumentList.Add(typeof(SelfInvocation).Assembly.Location);
        foreach (var arg in args) info.ArgumentList.Add(arg);
        return info;
    }

    private static string DotNetHost()
    {
        string? process = Environment.ProcessPath;
        if (process != null && Path.GetFileNameWithoutExtension(process) == "dotnet") return process;
        // The SDK sets DOTNET_HOST_PATH for processes it starts (dotnet run, dotnet test).
        string? host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(host) && File.Exists(host)) return host;
        string? root = Environment.GetEnvironmentVariable("DOTNET_ROOT");
        if (!string.IsNullOrEmpty(root) && File.Exists(Path.Combine(root, "dotnet"))) return Path.Combine(root, "dotnet");
        return "dotnet";
    }
}
