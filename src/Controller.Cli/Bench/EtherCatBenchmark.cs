using System.Diagnostics;
using Controller.Cerebellum.Loop;
using Controller.Cerebellum.Realtime;
using Controller.Hardware.Devices.EtherCat;

namespace Controller.Cli.Bench;

/// <summary>
/// <c>robotctl bench ethercat</c>: the cyclic exchange (FRMW of the reference clock + LRW of the process image) with
/// simulated slaves at a fixed rate on absolute deadlines, the host loop phase-locked to DC time by
/// <see cref="DcPhaseLock"/>; then the highest rate that runs <c>--max-rate-seconds</c> with no lost frame,
/// working-counter error or overrun: doubling from the base rate up to 100 kHz, or, when the base rate itself misses,
/// halving down to <see cref="MinSearchRateHz"/>. The cycles run on a thread of their own, with SCHED_FIFO and locked
/// memory when <see cref="Settings.Priority"/> asks for them, as a master's cyclic task would; what was granted is in the report.
/// </summary>
public static class EtherCatBenchmark
{
    /// <summary>Highest rate the search tries.</summary>
    public const double MaxSearchRateHz = 100_000;

    /// <summary>Lowest rate the search tries when the base rate misses frames.</summary>
    public const double MinSearchRateHz = 125;

    /// <summary>Settings of one run.</summary>
    /// <param name="Slaves">Simulated slaves (an EK1100 and EL2004s).</param>
    /// <param name="RateHz">The measured run's cycle rate.</param>
    /// <param name="Seconds">The measured run's length.</param>
    /// <param name="MaxRateSeconds">Seconds each step of the max-rate search must run clean (0: no search).</param>
    /// <param name="InProcess">Slaves behind an in-process virtual NIC instead of a veth pair.</param>
    /// <param name="Priority">SCHED_FIFO priority of the cyclic thread (0: none, the default: on a virtual machine the
    /// veth path's softirq work is starved by a real-time master and round trips grow several-fold).</param>
    public sealed record Settings(int Slaves, double RateHz, double Seconds, double MaxRateSeconds, bool InProcess, int Priority = 0);

    /// <summary>Runs the benchmark, writing progress to <paramref name="output"/>.</summary>
    public static EtherCatBenchReport Run(Settings settings, TextWriter output)
    {
        var started = DateTime.UtcNow;
        using var rig = EtherCatBenchRig.Open(settings.Slaves, settings.InProcess);
        output.WriteLine($"bench ethercat: {settings.Slaves} simulated slaves over {rig.Transport}");
        rig.BringToOp();
        var pacer = new AbsoluteDeadlinePacer();
        EtherCatBenchReport? report = null;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                List<string> realtime = settings.Priority > 0
                    ? RealtimeThreadSetup.Apply(new RealtimeRequest(settings.Priority, RealtimeRequest.NoPinning, lockMemory: true)).Items.Select(i => i.Describe()).ToList()
                    : ["none asked (--priority 0)"];
                report = RunOnCyclicThread(rig, pacer, settings, output, started, realtime);
            }
            catch (Exception e)
            {
                failure = e;
            }
        }) { IsBackground = true, Name = "bench-ethercat" };
        thread.Start();
        thread.Join();
        if (settings.Priority > 0) RealtimeThreadSetup.UnlockMemory();
        if (failure is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        return report!;
    }

    private static EtherCatBenchReport RunOnCyclicThread(EtherCatBenchRig rig, AbsoluteDeadlinePacer pacer, Settings settings, TextWriter output, DateTime started, List<string> realtime)
    {
        var main = Measure(rig, pacer, settings.RateHz, settings.Seconds);
        output.WriteLine($"{settings.RateHz} Hz for {settings.Seconds} s: rtt p50 {main.P50Us:F1} µs p99 {main.P99Us:F1} µs max {main.MaxUs:F1} µs, " +
                         $"wkc errors {main.WkcErrors}, lost {main.Lost}, overruns {main.Overruns}, allocated {main.AllocatedBytes} B, DC phase p99 {main.PhaseP99Us:F2} µs, " +
                         $"wake-up lateness p50 {main.WakeLateP50Us:F1} µs p99 {main.WakeLateP99Us:F1} µs");

        var steps = new List<EtherCatRateStep>();
        double maxRate = 0;
        if (settings.MaxRateSeconds > 0)
        {
            for (double rate = settings.RateHz; rate <= MaxSearchRateHz; rate *= 2)
            {
                if (!Clean(rate)) break;
                maxRate = rate;
            }

            // The base rate itself missed: the highest clean rate is below it.
            for (double rate = settings.RateHz / 2; maxRate == 0 && rate >= MinSearchRateHz; rate /= 2)
            {
                if (Clean(rate)) maxRate = rate;
            }
            output.WriteLine($"max rate with no missed frame: {maxRate} Hz{(maxRate >= MaxSearchRateHz ? " (the search's ceiling)" : maxRate == 0 ? $" (none down to {MinSearchRateHz} Hz)" : "")}");
        }

        bool Clean(double rate)
        {
            var step = Measure(rig, pacer, rate, settings.MaxRateSeconds);
            steps.Add(new EtherCatRateStep(rate, step.Cycles, step.Missed, step.P99Us));
            output.WriteLine($"  {rate} Hz for {settings.MaxRateSeconds} s: {step.Missed} missed of {step.Cycles}, rtt p99 {step.P99Us:F1} µs");
            return step.Missed == 0;
        }

        return new EtherCatBenchReport
        {
            StartedUtc = started,
            Transport = rig.Transport,
            Slaves = settings.Slaves,
            RateHz = settings.RateHz,
            Seconds = settings.Seconds,
            Cycles = main.Cycles,
            RttP50Us = main.P50Us,
            RttP99Us = main.P99Us,
            RttMaxUs = main.MaxUs,
            WkcErrors = main.WkcErrors,
            LostFrames = main.Lost,
            Overruns = main.Overruns,
            AllocatedBytes = main.AllocatedBytes,
            DcPhaseErrorP99Us = main.PhaseP99Us,
            WakeLateP50Us = main.WakeLateP50Us,
            WakeLateP99Us = main.WakeLateP99Us,
            MaxRateHz = maxRate,
            MaxRateSeconds = settings.MaxRateSeconds,
            MaxRateSteps = steps,
            Realtime = realtime,
            Environment = BenchEnvironment.Capture(pinned: false),
        };
    }

    private sealed record Result(long Cycles, double P50Us, double P99Us, double MaxUs, long WkcErrors, long Lost, long Overruns, long AllocatedBytes, double PhaseP99Us, double WakeLateP50Us, double WakeLateP99Us)
    {
        public long Missed => WkcErrors + Lost + Overruns;
    }

    private static Result Measure(EtherCatBenchRig rig, AbsoluteDeadlinePacer pacer, double rateHz, double seconds)
    {
        long periodNs = (long)Math.Round(1e9 / rateHz);
        var cycle = rig.CreateCycle(timeoutNs: Math.Max(periodNs, 1_000));
        var phaseLock = new DcPhaseLock(Math.Max(periodNs, 10_000));
        int cycles = (int)Math.Max(1, Math.Round(seconds * rateHz));
        int warmUp = Math.Min(200, Math.Max(10, cycles / 10));
        var rtt = new LatencySamples(cycles);
        var phase = new LatencySamples(cycles);
        var late = new LatencySamples(cycles);
        long overruns = 0, shiftNs = 0;
        long allocatedBefore = 0, wkcBefore = 0, lostBefore = 0;
        double ticksToNs = 1e9 / Stopwatch.Frequency;
        long next = pacer.NowNs() + periodNs;
        for (int k = -warmUp; k < cycles; k++)
        {
            if (k == 0)
            {
                allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
                overruns = 0;
                (wkcBefore, lostBefore) = (cycle.WorkingCounterErrors, cycle.LostFrames);
            }
            long deadline = next + shiftNs;
            long woke = pacer.WaitUntil(deadline);
            cycle.Image[0] = (byte)k;
            long t0 = Stopwatch.GetTimestamp();
            var status = cycle.Exchange();
            long t1 = Stopwatch.GetTimestamp();
            if (status == CycleStatus.Ok && periodNs >= 10_000)
                shiftNs += phaseLock.Update((long)cycle.ReferenceClockTimeNs);
            if (k < 0)
            {
                next += periodNs;
                continue;
            }
            rtt.Add((long)((t1 - t0) * ticksToNs));
            late.Add(woke - deadline);
            if (k >= cycles / 2)
                phase.Add(Math.Abs(phaseLock.PhaseErrorNs));
            next += periodNs;
            // A cycle that ended after the next deadline is an overrun; skip the deadlines already past rather than
            // firing a burst of late cycles (each skipped period counts as one more overrun).
            for (long now = pacer.NowNs(); now > next + shiftNs; next += periodNs)
                overruns++;
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        return new Result(rtt.Count, rtt.Percentile(0.5) / 1e3, rtt.Percentile(0.99) / 1e3, rtt.Percentile(1.0) / 1e3,
            cycle.WorkingCounterErrors - wkcBefore, cycle.LostFrames - lostBefore, overruns, allocated, phase.Percentile(0.99) / 1e3,
            late.Percentile(0.5) / 1e3, late.Percentile(0.99) / 1e3);
    }
}
