using System.Diagnostics;
using Controller.Hardware.Devices;
using Controller.Hardware.Devices.Robotiq;
using Controller.Hardware.Simulation;
using Controller.Hardware.Simulation.Robotiq;
using Controller.Pipeline.Messages;
using Controller.Runtime.Configuration;

namespace Controller.Cli.Bench.Suite;

/// <summary>
/// <c>sensor.&lt;name&gt;</c>: a Robotiq FT 300 of the robot through the real driver (<see cref="Ft300Driver"/>:
/// Modbus RTU set-up, then the 100 Hz stream), read as the loop reads it, once per loop period: the cost of a read
/// (take the bytes that arrived, decode the newest frame), the stream's delivered sample rate, and allocations.
/// With <c>port: sim</c> the FT300 twin streams on a pseudo-terminal; with a real port the real sensor does.
/// </summary>
public sealed class Ft300SensorSuite : IBenchSuite
{
    private const int MaxSamples = 2_000_000;
    private readonly SensorConfig _sensor;

    /// <summary>A suite for <paramref name="sensor"/> of the robot's configuration.</summary>
    public Ft300SensorSuite(SensorConfig sensor) => _sensor = sensor;

    /// <inheritdoc/>
    public string Name => $"sensor.{_sensor.Name}";

    /// <inheritdoc/>
    public BenchSuiteResult Run(BenchSuiteContext context, CancellationToken cancellation)
    {
        if (_sensor.Type != "ft300")
            return BenchSuiteResult.Skip(Name, $"sensor type '{_sensor.Type}' has no bench all suite yet (only ft300)");
        bool simulated = _sensor.Port == "sim";
        using var twin = simulated ? Ft300Twin.StartOnNewPseudoTerminal(new IndependentJointPlant(0, sensorCount: 1), new Ft300TwinOptions { Sensor = 0 }) : null;
        string port = twin?.PortPath ?? _sensor.Port;
        var driver = new Ft300Driver(new Ft300Options { Name = _sensor.Name, PortName = port });
        driver.Open();
        try
        {
            var result = Measure(driver, context, cancellation);
            return result with { Target = simulated ? $"FT300 twin on {port}" : $"FT300 on {port}" };
        }
        finally
        {
            driver.Close();
        }
    }

    private BenchSuiteResult Measure(Ft300Driver driver, BenchSuiteContext context, CancellationToken cancellation)
    {
        var wrench = new Wrench();
        long periodTicks = (long)(Stopwatch.Frequency / context.Robot.Loop.RateHz);
        // Warm up until the stream delivers (the first frames follow Open by a few periods) and the read path is compiled.
        long warmEnd = Stopwatch.GetTimestamp() + Stopwatch.Frequency / 2;
        while (Stopwatch.GetTimestamp() < warmEnd)
        {
            driver.Read(ref wrench);
            Thread.Sleep(1);
        }

        var samples = new LatencySamples(MaxSamples);
        long notOk = 0, framesBefore = driver.Frames;
        long begin = Stopwatch.GetTimestamp();
        long end = begin + (long)(context.Seconds * Stopwatch.Frequency);
        long next = begin;
        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        while (!samples.IsFull && !cancellation.IsCancellationRequested)
        {
            long start = Stopwatch.GetTimestamp();
            if (driver.Read(ref wrench) != BusStatus.Ok) notOk++;
            long stop = Stopwatch.GetTimestamp();
            samples.Add((stop - start) * 1_000_000_000 / Stopwatch.Frequency);
            if (stop >= end) break;
            next += periodTicks;
            long waitMs = (next - Stopwatch.GetTimestamp()) * 1000 / Stopwatch.Frequency;
            if (waitMs > 0) Thread.Sleep((int)waitMs);
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        double seconds = (double)(Stopwatch.GetTimestamp() - begin) / Stopwatch.Frequency;
        int reads = samples.Count;
        var points = SampleDistribution.Of(samples, 1000);
        return new BenchSuiteResult
        {
            Name = Name,
            Figures =
            [
                BenchFigure.Latency("read_p50_us", SampleDistribution.At(points, 50)),
                BenchFigure.Latency("read_p99_us", SampleDistribution.At(points, 99), percentiles: points),
                BenchFigure.Higher("samples_per_s", (driver.Frames - framesBefore) / seconds, "Hz"),
                BenchFigure.Count("reads_not_ok", notOk),
                BenchFigure.Allocation("allocated_bytes_per_read", reads == 0 ? null : (double)allocated / reads),
            ],
            Notes =
            [
                $"{reads} reads over {seconds:0.0} s (about one per {1000 / context.Robot.Loop.RateHz:0.###} ms loop period; Thread.Sleep paces, so fewer on a coarse timer)",
                $"driver: firmware {driver.FirmwareVersion}, serial {driver.SerialNumber}; {driver.CrcErrors} CRC errors, {driver.TimeoutCycles} timeout cycles",
            ],
        };
    }
}
