using System.Diagnostics;
using Controller.Hardware.Devices;
using Controller.Pipeline.Messages;

namespace Controller.Cli.Bench.Suite;

/// <summary>
/// The timed part of a servo-bus suite, whatever the protocol: configure the bus, warm it up, activate it holding the
/// pose the servos were found in (the bench must not move a real arm), then time full cycles (read every servo, write
/// every goal) back to back for the context's seconds and count what the loop thread allocated.
/// </summary>
internal static class JointBusCycleMeasurement
{
    private const int MaxSamples = 2_000_000;
    private const int WarmUpCycles = 200;

    /// <summary>Measures a bus as one suite; the bus is configured here and stopped on return.</summary>
    /// <param name="suiteName">The suite's name in the report.</param>
    /// <param name="bus">The servo bus, not yet configured.</param>
    /// <param name="driverCounters">The driver's fault counters in words, read after the run, for the notes.</param>
    /// <param name="context">The run's settings (seconds).</param>
    /// <param name="notes">Notes so far; the cycle count and counters are added.</param>
    /// <param name="cancellation">Stops the measurement early.</param>
    public static BenchSuiteResult Measure(string suiteName, JointBus bus, Func<string> driverCounters, BenchSuiteContext context,
        List<string> notes, CancellationToken cancellation)
    {
        bus.Configure();
        try
        {
            var state = new JointState { JointCount = bus.JointCount };
            for (int i = 0; i < WarmUpCycles; i++) bus.Read(ref state);
            if (bus.State == DeviceState.Faulted) bus.Recover();
            var writer = bus.Activate();
            var command = new JointCommand { JointCount = bus.JointCount, Mode = ControlMode.Position };
            for (int j = 0; j < bus.JointCount; j++) command.Position[j] = state.Position[j];
            for (int i = 0; i < WarmUpCycles; i++) Cycle(bus, writer, ref state, in command);

            var samples = new LatencySamples(MaxSamples);
            long faults = 0;
            long end = Stopwatch.GetTimestamp() + (long)(context.Seconds * Stopwatch.Frequency);
            long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            while (!samples.IsFull && !cancellation.IsCancellationRequested)
            {
                long start = Stopwatch.GetTimestamp();
                if (Cycle(bus, writer, ref state, in command) != BusStatus.Ok) faults++;
                long stop = Stopwatch.GetTimestamp();
                samples.Add((stop - start) * 1_000_000_000 / Stopwatch.Frequency);
                if (stop >= end) break;
            }
            long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            int cycles = samples.Count;
            var points = SampleDistribution.Of(samples, 1000);
            notes.Add($"{cycles} cycles of sync read + sync write, {bus.JointCount} servos; driver counters: {driverCounters()}");
            return new BenchSuiteResult
            {
                Name = suiteName,
                Figures =
                [
                    BenchFigure.Latency("cycle_p50_us", SampleDistribution.At(points, 50)),
                    BenchFigure.Latency("cycle_p99_us", SampleDistribution.At(points, 99), percentiles: points),
                    BenchFigure.Latency("cycle_max_us", SampleDistribution.At(points, 100), gated: false),
                    BenchFigure.Count("faulted_cycles", faults),
                    BenchFigure.Allocation("allocated_bytes_per_cycle", cycles == 0 ? null : (double)allocated / cycles),
                ],
                Notes = notes,
            };
        }
        finally
        {
            bus.Stop();
        }
    }

    private static BusStatus Cycle(JointBus bus, JointBusWriter writer, ref JointState state, in JointCommand command)
    {
        BusStatus read = bus.Read(ref state);
        BusStatus write = writer.Write(in command);
        return read != BusStatus.Ok ? read : write;
    }
}
