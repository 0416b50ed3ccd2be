using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Controller.Cli.Commands;

/// <summary>
/// The brain process <c>robotctl run</c> starts for itself when the brain runs out of process (the default):
/// <c>robotctl brain serve --attach NAME --config FILE [--model M]</c> as a child. A child that exits while the run
/// goes on (a crash, an OOM kill) is started again after a second, waiting twice as long after each start that did not
/// last a minute, up to 30 s (a brain that cannot start does not spin); the runtime holds the robot meanwhile and counts
/// the loss; <see cref="Dispose"/> stops it with SIGTERM before the runtime's controlled stop, SIGKILL if it lingers.
/// </summary>
internal sealed partial class BrainChildProcess : IDisposable
{
    private static readonly TimeSpan FirstRestartDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestRestartDelay = TimeSpan.FromSeconds(30);
    private readonly string[] _arguments;
    private readonly TextWriter _error;
    private readonly Thread _watcher;
    private readonly Queue<string> _lastLines = new();
    private readonly ManualResetEventSlim _stopping = new();
    private Process _child;
    private int _starts;
    private TimeSpan _restartDelay = FirstRestartDelay;
    private DateTime _startedUtc;

    private BrainChildProcess(string[] arguments, TextWriter error)
    {
        _arguments = arguments;
        _error = error;
        _child = Spawn();
        _watcher = new Thread(Watch) { IsBackground = true, Name = "brain-child" };
        _watcher.Start();
    }

    /// <summary>Times the child was started, the first included.</summary>
    public int Starts => Volatile.Read(ref _starts);

    /// <summary>The running child's process id.</summary>
    public int ProcessId => Volatile.Read(ref _child).Id;

    /// <summary>Starts <c>robotctl brain serve</c> for attachment <paramref name="attachName"/> of the robot in <paramref name="configFile"/>.</summary>
    public static BrainChildProcess Start(string attachName, string configFile, string? model, TextWriter error)
    {
        var arguments = new List<string> { "brain", "serve", "--attach", attachName, "--config", configFile, "--wait", "60" };
        if (model is not null) arguments.AddRange(["--model", model]);
        return new BrainChildProcess(arguments.ToArray(), error);
    }

    /// <summary>Stops the child (SIGTERM, then SIGKILL after 5 s) and stops restarting it.</summary>
    public void Dispose()
    {
        _stopping.Set();
        _watcher.Join();
        Process child = _child;
        if (!child.HasExited)
        {
            _ = Kill(child.Id, 15);
            if (!child.WaitForExit(5000))
            {
                child.Kill();
                child.WaitForExit();
            }
        }

        child.Dispose();
        _stopping.Dispose();
    }

    private Process Spawn()
    {
        ProcessStartInfo info = SelfInvocation.Create(_arguments);
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        var child = Process.Start(info) ?? throw new InvalidOperationException($"could not start {info.FileName} {string.Join(' ', info.ArgumentList)}");
        child.OutputDataReceived += (_, e) => Keep(e.Data);
        child.ErrorDataReceived += (_, e) => Keep(e.Data);
        child.BeginOutputReadLine();
        child.BeginErrorReadLine();
        _startedUtc = DateTime.UtcNow; // Process.StartTime cannot be read once the child has exited
        Interlocked.Increment(ref _starts);
        return child;
    }

    // Restarts a child that went away on its own; what it last said goes to the run's error output.
    private void Watch()
    {
        while (!_stopping.Wait(200))
        {
            Process child = _child;
            if (!child.HasExited) continue;
            string said;
            lock (_lastLines) said = string.Join(Environment.NewLine, _lastLines);
            _error.WriteLine($"robotctl run: the brain process (pid {child.Id}) exited with {child.ExitCode}; the robot holds; starting it again. It said:{Environment.NewLine}{said}");
            TimeSpan delay = DateTime.UtcNow - _startedUtc > TimeSpan.FromMinutes(1) ? FirstRestartDelay : _restartDelay;
            _restartDelay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, LongestRestartDelay.Ticks));
            if (_stopping.Wait(delay)) return;
            try
            {
                Volatile.Write(ref _child, Spawn());
                child.Dispose();
            }
            catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                _error.WriteLine($"robotctl run: could not start the brain process again: {e.Message}");
            }
        }
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        lock (_lastLines)
        {
            _lastLines.Enqueue(line);
            while (_lastLines.Count > 20) _lastLines.Dequeue();
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
