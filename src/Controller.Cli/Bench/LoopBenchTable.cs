namespace Controller.Cli.Bench;

/// <summary>Prints a <see cref="LoopBenchReport"/> as an aligned text table.</summary>
public static class LoopBenchTable
{
    /// <summary>Writes our figures beside cyclictest's and the targets.</summary>
    public static void Write(LoopBenchReport r, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"{"wake-up lateness, µs",-24} {"ours",10} {"cyclictest",11} {"ratio",7}");
        Row(output, "p50", r.LatenessP50Us, r.CyclictestP50Us);
        Row(output, "p99", r.LatenessP99Us, r.CyclictestP99Us);
        Row(output, "p99.9", r.LatenessP999Us, r.CyclictestP999Us);
        Row(output, "max", r.LatenessMaxUs, r.CyclictestMaxUs);
        string ratio = r.LatenessVsCyclictest is { } x ? $"{x:0.00}x, target <= 1.25x: {(x <= 1.25 ? "met" : "NOT MET")}" : "n/a";
        output.WriteLine($"p99 vs cyclictest: {ratio}");
        output.WriteLine($"body: {r.Body}{(r.JointCount > 0 ? $", {r.JointCount} joints" : "")}{(r.Observer ? ", momentum observer" : "")}   loop-thread allocations: {r.LoopAllocatedBytes} B");
        output.WriteLine($"{(r.ControlStepP99Us is null ? "compute" : "cycle work (read + update + write)")} p99: {r.ComputeP99Us:0.###} µs   overruns: {r.Overruns}   GCs during run: {r.GcCount} (target 0){(r.BackgroundAllocation ? "   [another thread allocating]" : "")}");
        if (r.ControlStepP99Us is { } step)
        {
            output.WriteLine($"control step (controllers + gravity compensation + safety), µs: p50 {r.ControlStepP50Us:0.00}  p99 {step:0.00}  max {r.ControlStepMaxUs:0.0}   " +
                $"target p99 < {LoopBenchmark.ControlStepTargetUs} µs: {(r.ControlStepTargetMet == true ? "met" : "NOT MET")}");
            if (r.ControlStepCpuP99Us is { } cpu)
                output.WriteLine($"control step on-CPU time (without preemption by the twins and plant sharing the cores), µs: p50 {r.ControlStepCpuP50Us:0.00}  p99 {cpu:0.00}");
            output.WriteLine($"bus I/O (read + write, every bus), µs: p50 {r.BusIoP50Us:0.0}  p99 {r.BusIoP99Us:0.0}  max {r.BusIoMaxUs:0.0}   (read p99 {r.BusReadP99Us:0.0}, write p99 {r.BusWriteP99Us:0.0})");
            output.WriteLine($"bus faults during the run: {r.BusFaults}   plant steps: {r.PlantSteps}");
        }
        foreach (var line in r.Realtime) output.WriteLine($"realtime: {line}");
        foreach (var note in r.Notes) output.WriteLine($"note: {note}");
    }

    private static void Row(TextWriter output, string name, double ours, double? theirs) =>
        output.WriteLine($"{name,-24} {ours,10:0.0} {(theirs is { } t ? t.ToString("0.0") : "n/a"),11} {(theirs is > 0 ? $"{ours / theirs.Value:0.00}x" : "n/a"),7}");
}
