using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace Controller.Pipeline.Tests.Support;

/// <summary>
/// A running tests/Controller.Pipeline.PeerProcess (started with <c>dotnet &lt;dll&gt;</c>), with its
/// output captured for failure messages. Disposing kills it if it is still running.
/// </summary>
public sealed class PeerProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private PeerProcess(Process process)
    {
        _process = process;
    }

    /// <summary>The peer's dll, as recorded at build time by the test project (see its .csproj).</summary>
    public static string DllPath { get; } =
        typeof(PeerProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "PeerProcessDllPath").Value
        ?? throw new InvalidOperationException("The test assembly does not record PeerProcessDllPath.");

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>Everything the peer wrote to stdout and stderr so far.</summary>
    public string Output
    {
        get
        {
            lock (_output) return _output.ToString();
        }
    }

    public static PeerProcess Start(params string[] arguments)
    {
        Assert.True(File.Exists(DllPath), $"Peer process not built at {DllPath}.");
        var info = new ProcessStartInfo(DotnetHost())
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add(DllPath);
        foreach (string argument in arguments) info.ArgumentList.Add(argument);
        info.Environment["CTLPIPE_PEER_PARENT_PID"] = Environment.ProcessId.ToString();

        var process = new Process { StartInfo = info };
        var peer = new PeerProcess(process);
        process.OutputDataReceived += (_, e) => peer.Append("out", e.Data);
        process.ErrorDataReceived += (_, e) => peer.Append("err", e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return peer;
    }

    /// <summary>Waits for the peer to exit (failing the test if it hangs) and returns its exit code.</summary>
    public int WaitForExit()
    {
        if (!_process.WaitForExit(DedicatedThreads.HangGuard))
        {
            Kill();
            throw new Xunit.Sdk.XunitException($"Peer process {Id} did not exit (hang). Output:\n{Output}");
        }
        _process.WaitForExit(); // flushes the redirected output
        return _process.ExitCode;
    }

    /// <summary>Kills the peer (SIGKILL) and reaps it, so its pid is gone from the system.</summary>
    public void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
        _process.WaitForExit();
    }

    /// <summary>Fails the test, with the peer's output, if the peer has already exited.</summary>
    public void AssertRunning(string activity)
    {
        if (_process.HasExited)
        {
            _process.WaitForExit();
            throw new Xunit.Sdk.XunitException(
                $"Peer process exited with code {_process.ExitCode} while {activity}. Output:\n{Output}");
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited) Kill();
        _process.Dispose();
    }

    private void Append(string stream, string? line)
    {
        if (line is null) return;
        lock (_output) _output.Append(stream).Append(": ").AppendLine(line);
    }

    private static string DotnetHost()
    {
        // The test host itself runs under the dotnet muxer; use the same one.
        string? self = Environment.ProcessPath;
        if (self is not null && Path.GetFileNameWithoutExtension(self) == "dotnet") return self;
        string? root = Environment.GetEnvironmentVariable("DOTNET_ROOT");
        if (root is not null && File.Exists(Path.Combine(root, "dotnet"))) return Path.Combine(root, "dotnet");
        return "dotnet";
    }
}
