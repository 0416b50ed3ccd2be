namespace Controller.Cli.Bench;

/// <summary>Prints a <see cref="PipelineBenchReport"/> as an aligned text table.</summary>
public static class PipelineBenchTable
{
    /// <summary>Writes the figures, their baselines and the targets.</summary>
    public static void Write(PipelineBenchReport r, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"{"figure",-34} {"ours",14} {"baseline",14} {"ratio",8}  target   (throughput baseline: Channels)");
        Row(output, "throughput, batch consumer, msgs/s", r.RingMsgsPerS, r.ChannelsMsgsPerS, r.RingVsChannels, $">= {r.Targets.MinRingVsChannels}x  {Mark(r.Targets.ThroughputMet)}");
        Row(output, "throughput, single reads, msgs/s", r.RingSingleMsgsPerS, r.ChannelsSingleMsgsPerS, r.RingVsChannelsSingle, "");
        Row(output, "round trip p50, ns (vs C floor)", r.RingRttP50Ns, r.FloorRttP50Ns, r.RingRttVsFloor, $"<= {r.Targets.MaxRingRttVsFloor}x  {Mark(r.Targets.RttMet)}");
        Row(output, "round trip p99, ns (vs C floor)", r.RingRttP99Ns, r.FloorRttP99Ns, Ratio(r.RingRttP99Ns, r.FloorRttP99Ns), "");
        Row(output, "round trip p50, ns (vs Channels)", r.RingRttP50Ns, r.ChannelsRttP50Ns, Ratio(r.RingRttP50Ns, r.ChannelsRttP50Ns), "");
        Row(output, "shm cross-process p50, ns (floor)", r.RingShmRttP50Ns, r.FloorRttP50Ns, Ratio(r.RingShmRttP50Ns, r.FloorRttP50Ns), "");
        Row(output, "allocated bytes per op", r.AllocatedBytesPerOp, null, null, $"== 0  {Mark(r.Targets.AllocationMet)}");
        foreach (var note in r.Notes) output.WriteLine($"note: {note}");
        output.WriteLine($"{r.Environment.CpuCount} CPUs ({r.Environment.CpuModel}), pinned: {r.Environment.Pinned}, {r.Environment.DotNet}");
    }

    private static void Row(TextWriter output, string name, double? ours, double? baseline, double? ratio, string target) =>
        output.WriteLine($"{name,-34} {Format(ours),14} {Format(baseline),14} {(ratio is { } x ? $"{x:0.00}x" : "n/a"),8}  {target}");

    private static string Format(double? value) => value switch
    {
        null => "n/a",
        >= 1e6 => $"{value.Value / 1e6:0.00} M",
        _ => $"{value.Value:0.##}",
    };

    private static double? Ratio(long? ours, long? baseline) => ours is { } o && baseline is > 0 ? (double)o / baseline.Value : null;

    private static string Mark(bool met) => met ? "met" : "NOT MET";
}
