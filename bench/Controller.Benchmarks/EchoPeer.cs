using System.Diagnostics;
using Controller.Pipeline.Memory;
using Controller.Pipeline.Rings;

namespace Controller.Benchmarks;

/// <summary>
/// The other process of <see cref="CrossProcessRoundTripBenchmarks"/>: <c>echo &lt;inPath&gt; &lt;outPath&gt;</c>
/// attaches to two shared rings, reads every <see cref="Message64"/> from the first and writes it back to the
/// second, spinning while it waits, until it reads one whose sequence is <see cref="StopSequence"/>.
/// </summary>
public static class EchoPeer
{
    /// <summary>The first command-line argument that selects this mode.</summary>
    public const string Verb = "echo";

    /// <summary>The sequence number that tells the peer to exit.</summary>
    public const long StopSequence = -1;

    /// <summary>Written to standard output once both rings are attached.</summary>
    public const string ReadyLine = "echo-peer: attached";

    private static readonly TimeSpan LivenessCheckInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>Runs the peer; returns the process exit code.</summary>
    public static int Run(string[] args)
    {
        if (args.Length != 3 || args[0] != Verb)
        {
            Console.Error.WriteLine($"usage: Controller.Benchmarks {Verb} <inPath> <outPath>");
            return 2;
        }
        bool pinned = BenchThreads.PinPeer();

        using var input = SpscRing<Message64>.OpenShared(args[1]);
        using var consumer = input.TakeConsumer();
        using var output = SpscRing<Message64>.OpenShared(args[2]);
        using var producer = output.TakeProducer();
        Console.WriteLine($"{ReadyLine} (pid {Environment.ProcessId}, pinned to CPU {BenchThreads.PeerCpu}: {pinned})");
        Console.Out.Flush();

        long echoed = 0;
        long idleSpins = 0;
        long lastCheck = Stopwatch.GetTimestamp();
        while (true)
        {
            if (consumer.TryRead(out Message64 message))
            {
                if (message.Header.Sequence == StopSequence) break;
                while (!producer.TryWrite(in message)) BenchThreads.SpinOnce();
                echoed++;
                continue;
            }
            BenchThreads.SpinOnce();
            // Never outlive the benchmark: if its process dies or lets go of the ring, stop (checked rarely).
            if ((++idleSpins & 0xFFFF) == 0 && Stopwatch.GetElapsedTime(lastCheck) > LivenessCheckInterval)
            {
                lastCheck = Stopwatch.GetTimestamp();
                var status = consumer.ProducerStatus(0, long.MaxValue);
                if (status is PeerStatus.ProcessExited or PeerStatus.NotAttached)
                {
                    Console.Error.WriteLine($"echo-peer: the producer is gone ({status}); exiting after {echoed} echoes.");
                    return 3;
                }
            }
        }
        Console.WriteLine($"echo-peer: stop received after {echoed} echoes.");
        return 0;
    }
}
