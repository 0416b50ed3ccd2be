using Controller.Cerebellum;
using Controller.Cerebellum.Loop;
using Controller.Cerebellum.Realtime;
using Controller.Cerebellum.Safety;
using Controller.Pipeline.Messages;
using Controller.Pipeline.Threading;
using Controller.Runtime.Configuration;

namespace Controller.Cli.Bench;

/// <summary>
/// <c>robotctl bench loop</c>: our cycle loop on a dedicated thread with the real-time settings asked for, then cyclictest
/// with the same rate, priority and CPU, one after the other in the same run. The body is idle (the figure is the loop's
/// own wake-up and bookkeeping) or the humanoid's cerebellum cycle over its real drivers and device twins
/// (<see cref="HumanoidBenchRig"/>), whose control step and bus I/O are timed apart (<see cref="LoopBodyPhaseTimer{TBody}"/>).
/// </summary>
public static class LoopBenchmark
{
    /// <summary>What to run.</summary>
    /// <param name="RateHz">Loop rate, 250 to 4000 Hz.</param>
    /// <param name="Seconds">Measured seconds for each of ours and cyclictest's.</param>
    /// <param name="Priority">SCHED_FIFO priority (0: none).</param>
    /// <param name="Cpu">CPU to pin to (-1: none).</param>
    /// <param name="SpinUs">Spin tail before each deadline (µs).</param>
    /// <param name="BackgroundAllocation">Run a thread that allocates heavily during our loop.</param>
    /// <param name="Body">What each cycle runs.</param>
    /// <param name="Observer">With <see cref="LoopBody.Humanoid"/>: the momentum observer runs in the supervisor.</param>
    /// <param name="Robot">With <see cref="LoopBody.Humanoid"/>: the robot whose buses the cycle drives (null: <see cref="RobotFile"/>).</param>
    /// <param name="RobotFile">With <see cref="LoopBody.Humanoid"/> and no <see cref="Robot"/>: its configuration file (null: <see cref="HumanoidBenchRig.DefaultConfig"/>).</param>
    public sealed record Settings(double RateHz, double Seconds, int Priority, int Cpu, double SpinUs, bool BackgroundAllocation,
        LoopBody Body = LoopBody.Idle, bool Observer = false, RobotConfig? Robot = null, string? RobotFile = null);

    /// <summary>The issue's budget for the humanoid control step (controllers + gravity compensation + safety), p99.</summary>
    public const double ControlStepTargetUs = 20;

    private const double WarmupSeconds = 0.5;
    private const int SecondsPerRound = 5;

    /// <summary>
    /// Runs both measurements in alternating rounds of about five seconds (ours, cyclictest, ours, ...), so a
    /// burst of noise on the shared machine falls on both alike, and returns the merged figures.
    /// </summary>
    public static LoopBenchReport Run(Settings settings, TextWriter log)
    {
        var options = new LoopOptions(settings.RateHz);
        var pacer = new AbsoluteDeadlinePacer((long)(settings.SpinUs * 1000));
        if (settings.Body == LoopBody.Idle)
            return Measure(new CycleLoop<IdleBody>(default, pacer, options), settings, log, jointCount: 0, [], onWarmedUp: () => { }, afterRun: _ => null);

        using var rig = settings.Robot is { } robot ? HumanoidBenchRig.Build(robot, settings.Observer) : HumanoidBenchRig.Build(settings.RobotFile, settings.Observer);
        log.WriteLine($"{rig.Config.Name}: bringing up {rig.Buses.Count} buses ({string.Join(", ", rig.Buses.Select(b => $"{b.Name} {b.JointCount}"))} joints){(rig.Config.Plant is not null ? " over the real-time plant" : "")}");
        rig.Activate();
        try
        {
            var timer = new LoopBodyPhaseTimer<CerebellumCycle>(rig.Cycle);
            var loop = new CycleLoop<LoopBodyPhaseTimer<CerebellumCycle>>(timer, pacer, options);
            string body = $"CerebellumCycle, {rig.Config.Name}: {rig.Model.DofCount} joints on {rig.Buses.Count} real drivers " +
                $"({string.Join(", ", rig.Config.Buses.Select(b => $"{b.Name}: {b.Type}{(b.IsSimulated ? " twin" : $" on {b.Port}")}"))}); " +
                $"read, posture hold + gravity feed-forward (RNEA), safety supervisor{(rig.Observer ? " with the momentum observer (CRBA + RNEA)" : "")}, write";
            var notes = new List<string> { body };
            if (rig.Config.Loop.RateHz != settings.RateHz)
                notes.Add($"measured at {settings.RateHz} Hz; {rig.Config.Name}'s own loop runs at {rig.Config.Loop.RateHz} Hz (--rate {rig.Config.Loop.RateHz} to match)");
            long faultsBefore = 0, plantStepsBefore = 0;
            return Measure(loop, settings, log, rig.Model.DofCount, notes,
                onWarmedUp: () =>
                {
                    timer.Reset();
                    faultsBefore = BusFaults(rig);
                    plantStepsBefore = rig.PlantSteps;
                },
                afterRun: notesAfter =>
                {
                    if (rig.Safety.State != SafetyState.Normal)
                    {
                        string events = string.Join(", ", Enum.GetValues<SafetyEventKind>().Where(k => k != SafetyEventKind.None && rig.Safety.EventCount(k) > 0)
                            .Select(k => $"{k} {rig.Safety.EventCount(k)}"));
                        notesAfter.Add($"the safety supervisor ended in {rig.Safety.State} (events: {events}): the figures are not those of the Normal path");
                    }
                    long faults = BusFaults(rig) - faultsBefore;
                    if (faults > 0)
                        notesAfter.Add($"{faults} bus fault(s) counted during the measured cycles: {string.Join(", ", rig.Buses.Select(b => $"{b.Name} {b.State} {b.Faults}"))} (since activation)");
                    return new BodyFigures(timer, faults, rig.PlantSteps - plantStepsBefore, rig.Config.File);
                });
        }
        finally
        {
            rig.Stop();
        }
    }

    private static long BusFaults(HumanoidBenchRig rig)
    {
        long faults = 0;
        for (int i = 0; i < rig.Buses.Count; i++) faults += rig.Buses[i].Faults;
        return faults;
    }

    /// <summary>What a body with real buses adds to the report.</summary>
    private sealed record BodyFigures(LoopBodyPhaseTimer<CerebellumCycle> Phases, long BusFaults, long PlantSteps, string RobotConfigFile);

    private static LoopBenchReport Measure<TBody>(CycleLoop<TBody> loop, Settings settings, TextWriter log, int jointCount, List<string> notes,
        Action onWarmedUp, Func<List<string>, BodyFigures?> afterRun) where TBody : ICycleBody
    {
        var started = DateTime.UtcNow;
        int rounds = Math.Max(1, (int)Math.Round(settings.Seconds / SecondsPerRound));
        long roundCycles = Math.Max(1, (long)Math.Round(settings.Seconds * settings.RateHz / rounds));
        double roundSeconds = roundCycles / settings.RateHz;
        RealtimeSetupReport? setup = null;
        int gcCount = 0;
        long allocatedBytes = 0;
        var cyclictestRuns = new List<CyclictestResult>();
        string? cyclictestCommand = null;
        using var allocator = settings.BackgroundAllocation ? new BackgroundAllocator() : null;

        log.WriteLine($"{rounds} round(s) of {roundSeconds:0.###} s each: our {settings.Body.ToString().ToLowerInvariant()} loop at {settings.RateHz} Hz, then cyclictest, SCHED_FIFO {settings.Priority}, CPU {settings.Cpu}");
        for (int round = 0; round < rounds; round++)
        {
            bool first = round == 0;
            var thread = new Thread(() =>
            {
                var report = RealtimeThreadSetup.Apply(new RealtimeRequest(settings.Priority, settings.Cpu, lockMemory: true));
                if (first)
                {
                    setup = report;
                    loop.RunCycles((long)(WarmupSeconds * settings.RateHz));
                    loop.ResetStatistics();
                    onWarmedUp();
                }
                int before = GC.CollectionCount(0);
                long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
                loop.RunCycles(roundCycles);
                allocatedBytes += GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
                gcCount += GC.CollectionCount(0) - before;
            }) { IsBackground = true, Name = "bench-loop" };
            if (first) allocator?.Start(avoidCpu: settings.Cpu);
            thread.Start();
            thread.Join();

            var cyclictest = Cyclictest.Run(settings.RateHz, roundSeconds, settings.Priority, settings.Cpu);
            cyclictestCommand = cyclictest.CommandLine;
            if (cyclictest.Result != null) cyclictestRuns.Add(cyclictest.Result);
            else if (cyclictest.Error != null && !notes.Contains(cyclictest.Error)) notes.Add(cyclictest.Error);
            log.WriteLine($"round {round + 1}/{rounds}: ours p99 so far {loop.Lateness.Percentile(0.99) / 1000.0:0.0} µs, cyclictest this round {cyclictest.Result?.P99Us.ToString() ?? "n/a"} µs");
        }
        allocator?.Stop();
        RealtimeThreadSetup.UnlockMemory();
        BodyFigures? figures = afterRun(notes);
        if (setup is { AllGranted: false }) notes.Add("not every real-time setting was granted (see realtime); run robotctl doctor");
        if (settings.BackgroundAllocation)
            notes.Add($"a thread of ours allocated {allocator?.AllocatedBytes / (1024 * 1024)} MiB on another CPU throughout; cyclictest ran beside the same load but, in its own process, none of our collections");
        var ct = CyclictestResult.Combine(cyclictestRuns);
        double p99 = loop.Lateness.Percentile(0.99) / 1000.0;

        return new LoopBenchReport
        {
            StartedUtc = started,
            Body = settings.Body.ToString().ToLowerInvariant(),
            Observer = settings.Observer,
            JointCount = jointCount,
            RateHz = settings.RateHz,
            Seconds = settings.Seconds,
            Priority = settings.Priority,
            Cpu = settings.Cpu,
            SpinUs = settings.SpinUs,
            BackgroundAllocation = settings.BackgroundAllocation,
            Cycles = loop.Lateness.Count,
            LatenessP50Us = loop.Lateness.Percentile(0.50) / 1000.0,
            LatenessP99Us = p99,
            LatenessP999Us = loop.Lateness.Percentile(0.999) / 1000.0,
            LatenessMaxUs = loop.Lateness.Max / 1000.0,
            ComputeP99Us = loop.Compute.Percentile(0.99) / 1000.0,
            Overruns = loop.Overruns,
            GcCount = gcCount,
            LoopAllocatedBytes = allocatedBytes,
            CyclictestP50Us = ct?.P50Us,
            CyclictestP99Us = ct?.P99Us,
            CyclictestP999Us = ct?.P999Us,
            CyclictestMaxUs = ct?.MaxUs,
            CyclictestCommand = cyclictestCommand,
            LatenessVsCyclictest = ct is { P99Us: > 0 } ? p99 / ct.P99Us : null,
            Realtime = setup?.Items.Select(item => item.Describe()).ToList() ?? [],
            ControlStepP50Us = Us(figures?.Phases.UpdateTimes.Percentile(0.50)),
            ControlStepP99Us = Us(figures?.Phases.UpdateTimes.Percentile(0.99)),
            ControlStepMaxUs = Us(figures?.Phases.UpdateTimes.Max),
            ControlStepTargetMet = figures is null ? null : figures.Phases.UpdateTimes.Percentile(0.99) / 1000.0 < ControlStepTargetUs,
            ControlStepCpuP50Us = figures is { Phases.UpdateCpuTimes.Count: > 0 } ? Us(figures.Phases.UpdateCpuTimes.Percentile(0.50)) : null,
            ControlStepCpuP99Us = figures is { Phases.UpdateCpuTimes.Count: > 0 } ? Us(figures.Phases.UpdateCpuTimes.Percentile(0.99)) : null,
            BusIoP50Us = Us(figures?.Phases.BusIoTimes.Percentile(0.50)),
            BusIoP99Us = Us(figures?.Phases.BusIoTimes.Percentile(0.99)),
            BusIoMaxUs = Us(figures?.Phases.BusIoTimes.Max),
            BusReadP99Us = Us(figures?.Phases.ReadTimes.Percentile(0.99)),
            BusWriteP99Us = Us(figures?.Phases.WriteTimes.Percentile(0.99)),
            BusFaults = figures?.BusFaults,
            PlantSteps = figures?.PlantSteps,
            RobotConfig = figures?.RobotConfigFile,
            Environment = BenchEnvironment.Capture(pinned: settings.Cpu >= 0),
            Notes = notes,
        };
    }

    private static double? Us(long? ns) => ns / 1000.0;
}
