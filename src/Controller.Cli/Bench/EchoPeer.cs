using System.Diagnostics;
using Controller.Pipeline.Memory;
using Controller.Pipeline.Rings;
using Controller.Pipeline.Time;

namespace Controller.Cli.Bench;

/// <summary>
/// The far side of the cross-process round trip: a second <c>robotctl</c> process that attaches to two
/// shared rings and echoes. <see cref="Serve"/> runs in the child; <see cref="Start"/> launches it.
/// </summary>
public static class EchoPeer
{
    /// <summary>Child side: echo from <paramref name="pingPath"/> to <paramref name="pongPath"/> until told to stop.</summary>
    public static int Serve(string pingPath, string pongPath, int cpu)
    {
        if (cpu >= 0) Pipeline.Threading.CpuAffinity.TryPinCurrentThread(cpu);
        using var pingRing = SpscRing<BenchMessage>.OpenShared(pingPath);
        using var pongRing = SpscRing<BenchMessage>.OpenShared(pongPath);
        using var consumer = pingRing.TakeConsumer();
        using var producer = pongRing.TakeProducer();
        consumer.Heartbeat(MonotonicClock.Now());
        producer.Heartbeat(MonotonicClock.Now());
        RoundTripProbe.RunEcho(new RingQueue<BenchMessage>(producer, consumer), new StopFlag());
        return 0;
    }

    /// <summary>
    /// Parent side: starts <c>robotctl bench pipeline-echo</c> and waits until it holds both ring ends.
    /// Throws <see cref="InvalidOperationException"/> with the child's output if it exits or takes over 20 s.
    /// </summary>
    public static Process Start(SpscRing<BenchMessage> ping, SpscRing<BenchMessage> pong, int cpu)
    {
        var info = SelfInvocation.Create("bench", "pipeline-echo", ping.Region.Name, pong.Region.Name, "--cpu", cpu.ToString());
        info.RedirectStandardError = true;
        info.RedirectStandardOutput = true;
        var child = Process.Start(info) ?? throw new InvalidOperationException($"could not start {info.FileName}");
        long deadline = MonotonicClock.Now() + 20_000_000_000;
        while (true)
        {
            long now = MonotonicClock.Now();
            if (ping.ConsumerStatus(now, long.MaxValue) == PeerStatus.Alive && pong.ProducerStatus(now, long.MaxValue) == PeerStatus.Alive)
                return child;
            if (child.HasExited || now > deadline)
            {
                if (!child.HasExited) child.Kill(entireProcessTree: true);
                child.WaitForExit();
                throw new InvalidOperationException(
                    $"echo peer '{info.FileName} {string.Join(' ', info.ArgumentList)}' did not attach (exit {child.ExitCode}): " +
                    child.StandardError.ReadToEnd().Trim() + child.StandardOutput.ReadToEnd().Trim());
            }
            Thread.Sleep(10);
        }
    }
}
