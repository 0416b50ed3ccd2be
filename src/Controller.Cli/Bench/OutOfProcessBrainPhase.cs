using System.Diagnostics;
using System.Text;
using Controller.Pipeline.Messages;
using Controller.Pipeline.Rings;
using Controller.Runtime.Brain;

namespace Controller.Cli.Bench;

/// <summary>
/// The out-of-process leg of <c>robotctl bench brain</c>: creates a brain attachment's chunk ring and status mailbox
/// under <c>/dev/shm</c> as a runtime does, starts the real <c>robotctl brain serve --attach NAME --config C --flat-out</c>
/// as a child process, and waits until its status shows policy steps (models loaded and warm). Disposing releases the
/// ring's consumer end, which the child reads as "the runtime has gone" and exits; a child still there after 5 s is killed.
/// </summary>
internal sealed class OutOfProcessBrainPhase : IDisposable
{
    private static readonly TimeSpan StartPatience = TimeSpan.FromSeconds(90);
    private readonly SpscRing<ActionChunk> _chunks;
    private readonly SpscConsumer<ActionChunk> _consumer;
    private readonly LatestValue<SharedBrainStatus> _status;
    private readonly Process _child;
    private readonly StringBuilder _log = new();

    private OutOfProcessBrainPhase(string configFile)
    {
        var paths = new BrainRegionPaths($"bench-{Environment.ProcessId}-{Guid.NewGuid():N}"[..24]);
        _chunks = SpscRing<ActionChunk>.CreateShared(paths.Chunks, 64);
        _consumer = _chunks.TakeConsumer();
        _status = LatestValue<SharedBrainStatus>.CreateShared(paths.Status);
        ProcessStartInfo info = SelfInvocation.Create("brain", "serve", "--attach", paths.Name, "--config", configFile, "--flat-out");
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        _child = Process.Start(info) ?? throw new InvalidOperationException($"could not start {info.FileName}");
        _child.OutputDataReceived += (_, e) => { lock (_log) _log.AppendLine(e.Data); };
        _child.ErrorDataReceived += (_, e) => { lock (_log) _log.AppendLine(e.Data); };
        _child.BeginOutputReadLine();
        _child.BeginErrorReadLine();
    }

    /// <summary>
    /// Starts the child against fresh shared files and returns once it steps its models.
    /// </summary>
    /// <exception cref="InvalidOperationException">The child exited or showed no policy step within 90 s (its output in the message).</exception>
    public static OutOfProcessBrainPhase Start(string configFile)
    {
        var phase = new OutOfProcessBrainPhase(configFile);
        var watch = Stopwatch.StartNew();
        while (phase.Latest() is not { PolicyCalls: > 0 })
        {
            if (phase._child.HasExited || watch.Elapsed > StartPatience)
            {
                string log;
                lock (phase._log) log = phase._log.ToString().Trim();
                phase.Dispose();
                throw new InvalidOperationException($"the brain process (robotctl brain serve --flat-out) did not start stepping: {log}");
            }

            Thread.Sleep(20);
        }

        return phase;
    }

    /// <summary>What the child last published, or null.</summary>
    public BrainProcessStatus? Latest() => _status.TryRead(out SharedBrainStatus s) == MailboxReadStatus.Success && s.PublishedNs != 0 ? s.ToSnapshot() : null;

    /// <summary>Lets the child go (it sees the consumer gone), kills it if it lingers, and deletes the files.</summary>
    public void Dispose()
    {
        _consumer.Dispose();
        if (!_child.WaitForExit(5000))
        {
            _child.Kill();
            _child.WaitForExit();
        }

        _child.Dispose();
        _status.Dispose();
        _chunks.Dispose();
    }
}
