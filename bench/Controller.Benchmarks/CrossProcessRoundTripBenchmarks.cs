using System.Diagnostics;
using System.Reflection;
using System.Text;
using BenchmarkDotNet.Attributes;
using Controller.Pipeline.Rings;

namespace Controller.Benchmarks;

/// <summary>
/// The same ping-pong as <see cref="RoundTripLatencyBenchmarks"/>, but between two processes through
/// <see cref="SpscRing{T}"/>s in shared files under <c>/dev/shm</c>: the brain-to-cerebellum path. The setup
/// creates both rings and starts <c>dotnet Controller.Benchmarks.dll echo &lt;ping&gt; &lt;pong&gt;</c>
/// (<see cref="EchoPeer"/>, pinned to CPU 1); this process pins to CPU 0. Reported per round trip.
/// </summary>
[MemoryDiagnoser]
public class CrossProcessRoundTripBenchmarks
{
    public const int RoundTrips = 1000;
    public const int Capacity = 16;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(5);

    private readonly StringBuilder _peerOutput = new();
    private Process? _peer;
    private string? _pingPath;
    private string? _pongPath;
    private SpscRing<Message64>? _ping;
    private SpscRing<Message64>? _pong;
    private SpscProducer<Message64>? _producer;
    private SpscConsumer<Message64>? _consumer;
    private Message64 _message;
    private long _sequence;

    [GlobalSetup]
    public void Setup()
    {
        _message = BenchMessages<Message64>.Sample();
        string directory = Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath();
        string stem = $"controller-bench-{Environment.ProcessId}-{Guid.NewGuid():N}";
        _pingPath = Path.Combine(directory, stem + ".ping");
        _pongPath = Path.Combine(directory, stem + ".pong");
        try
        {
            _ping = SpscRing<Message64>.CreateShared(_pingPath, Capacity);
            _pong = SpscRing<Message64>.CreateShared(_pongPath, Capacity);
            _producer = _ping.TakeProducer();
            _consumer = _pong.TakeConsumer();
            // Start the child before pinning: a child process inherits the affinity of the thread that starts it.
            _peer = StartPeer(_pingPath, _pongPath);
            Handshake();
            BenchThreads.PinMain();
        }
        catch
        {
            Cleanup();
            throw;
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        try
        {
            StopPeer();
        }
        finally
        {
            _producer?.Dispose();
            _consumer?.Dispose();
            _ping?.Dispose();
            _pong?.Dispose();
            _producer = null;
            _consumer = null;
            _ping = null;
            _pong = null;
            _peer?.Dispose();
            _peer = null;
            BenchThreads.Unpin();
        }
    }

    [Benchmark(OperationsPerInvoke = RoundTrips)]
    public long SpscRing_PingPong_CrossProcess()
    {
        var ping = _producer!;
        var pong = _consumer!;
        long sequence = _sequence;
        for (int i = 0; i < RoundTrips; i++)
        {
            _message.Header.Sequence = ++sequence;
            if (!ping.TryWrite(in _message)) throw new InvalidOperationException("ping ring full");
            Message64 reply;
            int spins = 0;
            while (!pong.TryRead(out reply))
            {
                BenchThreads.SpinOnce();
                if ((++spins & 0xFFFFF) == 0 && _peer!.HasExited) throw PeerFailed("exited during the benchmark");
            }
            if (BenchMessages<Message64>.Consume(in reply) != sequence) throw new InvalidOperationException($"Echo of {reply.Header.Sequence}, expected {sequence}.");
        }
        return _sequence = sequence;
    }

    /// <summary>The command that runs <see cref="EchoPeer"/>: <c>dotnet &lt;this assembly&gt; echo in out</c>.</summary>
    private Process StartPeer(string inPath, string outPath)
    {
        string assembly = typeof(Message64).Assembly.Location;
        if (string.IsNullOrEmpty(assembly) || !File.Exists(assembly))
        {
            throw new InvalidOperationException($"Cannot start the echo peer: the benchmark assembly has no file on disk ('{assembly}').");
        }
        var start = new ProcessStartInfo(DotnetHost())
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
        };
        string ownConfig = Path.ChangeExtension(assembly, ".runtimeconfig.json");
        if (!File.Exists(ownConfig))
        {
            // The assembly was copied next to another app without its runtimeconfig: borrow the host app's.
            string? entry = Assembly.GetEntryAssembly()?.Location;
            string? entryConfig = string.IsNullOrEmpty(entry) ? null : Path.ChangeExtension(entry, ".runtimeconfig.json");
            if (entryConfig is null || !File.Exists(entryConfig))
            {
                throw new InvalidOperationException(
                    $"Cannot start the echo peer: neither '{ownConfig}' nor the entry assembly's runtimeconfig.json exists.");
            }
            start.ArgumentList.Add("exec");
            start.ArgumentList.Add("--runtimeconfig");
            start.ArgumentList.Add(entryConfig);
        }
        start.ArgumentList.Add(assembly);
        start.ArgumentList.Add(EchoPeer.Verb);
        start.ArgumentList.Add(inPath);
        start.ArgumentList.Add(outPath);

        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Collect(e.Data);
        process.ErrorDataReceived += (_, e) => Collect(e.Data);
        try
        {
            if (!process.Start()) throw new InvalidOperationException("Process.Start returned false.");
        }
        catch (Exception ex)
        {
            process.Dispose();
            throw new InvalidOperationException(
                $"Cannot start the echo peer '{start.FileName} {string.Join(' ', start.ArgumentList)}': {ex.Message}", ex);
        }
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Waits for the peer to attach and echo one message, or throws with what it printed.</summary>
    private void Handshake()
    {
        var probe = _message;
        probe.Header.Sequence = 0;
        if (!_producer!.TryWrite(in probe)) throw new InvalidOperationException("ping ring full at start");
        var started = Stopwatch.StartNew();
        Message64 reply;
        while (!_consumer!.TryRead(out reply))
        {
            if (_peer!.HasExited) throw PeerFailed($"exited with code {_peer.ExitCode} before echoing");
            if (started.Elapsed > StartTimeout) throw PeerFailed($"did not echo within {StartTimeout.TotalSeconds:0} s");
            Thread.Sleep(1);
        }
        if (reply.Header.Sequence != 0) throw PeerFailed($"echoed sequence {reply.Header.Sequence} instead of 0");
    }

    private void StopPeer()
    {
        var peer = _peer;
        if (peer is null) return;
        try
        {
            if (peer.HasExited) return;
            if (_producer is not null)
            {
                var stop = _message;
                stop.Header.Sequence = EchoPeer.StopSequence;
                var sending = Stopwatch.StartNew();
                while (!_producer.TryWrite(in stop) && sending.Elapsed < StopTimeout) Thread.Sleep(1);
            }
            if (!peer.WaitForExit(StopTimeout))
            {
                peer.Kill(entireProcessTree: true);
                peer.WaitForExit(StopTimeout);
                Console.Error.WriteLine($"// echo peer {peer.Id} did not exit within {StopTimeout.TotalSeconds:0} s of the stop message; killed it.");
            }
            else
            {
                peer.WaitForExit(); // flushes the redirected output
            }
            string output;
            lock (_peerOutput) output = _peerOutput.ToString();
            foreach (string line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                Console.WriteLine($"// {line}");
            }
        }
        catch (InvalidOperationException)
        {
            // The process was never started or is already gone.
        }
    }

    private Exception PeerFailed(string what)
    {
        string output;
        lock (_peerOutput) output = _peerOutput.ToString();
        return new InvalidOperationException(
            $"The cross-process echo peer ({_peer?.StartInfo.FileName} {string.Join(' ', _peer?.StartInfo.ArgumentList ?? [])}) {what}." +
            (output.Length > 0 ? $" Its output:{Environment.NewLine}{output}" : " It printed nothing."));
    }

    private void Collect(string? line)
    {
        if (line is null) return;
        lock (_peerOutput) _peerOutput.AppendLine(line);
    }

    /// <summary>The dotnet host: the one running this process if it is dotnet, else DOTNET_HOST_PATH, else PATH.</summary>
    private static string DotnetHost()
    {
        string? current = Environment.ProcessPath;
        if (current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet") return current;
        string? hostPath = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(hostPath) && File.Exists(hostPath)) return hostPath;
        string? root = Environment.GetEnvironmentVariable("DOTNET_ROOT");
        if (!string.IsNullOrEmpty(root))
        {
            string candidate = Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
            if (File.Exists(candidate)) return candidate;
        }
        return "dotnet";
    }
}
