using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Controller.Runtime.Configuration;

/// <summary>
/// Reads <c>distributed_clocks:</c> of a <c>cia402-ethercat</c> bus. The section present means DC on unless
/// <c>enabled: false</c>; <c>sync0_cycle</c> is <c>loop</c> (the default: SYNC0 at the loop's period) or whole µs.
/// Whether the cycle suits the loop is checked with the loop's pacing (<see cref="PacingRules.Check"/>).
/// </summary>
internal static class EtherCatDcRules
{
    /// <summary>Shortest SYNC0 period accepted, µs (CSP drives take 125 µs..4 ms; the simulated drive's 0x1C32:05 is 125 µs).</summary>
    public const int MinCycleUs = 125;

    /// <summary>Longest SYNC0 period accepted, µs (the slowest loop, 250 Hz, is 4 ms; drives rarely take more than 10 ms).</summary>
    public const int MaxCycleUs = 100_000;

    public static DistributedClocksConfig? Read(YamlConfigReader r, YamlMappingNode bus, string busPath)
    {
        string at = $"{busPath}.distributed_clocks";
        YamlMappingNode? m = r.Mapping(bus, busPath, "distributed_clocks", required: false);
        if (m is null)
        {
            return null;
        }

        r.RejectUnknownKeys(m, at, "enabled", "sync0_cycle", "sync0_shift_us", "start_delay_ms", "drift_compensation_frames");
        long? cycleNs = ReadCycle(r, m, at);
        double shiftUs = r.Double(m, at, "sync0_shift_us", 0, 0, MaxCycleUs);
        if (cycleNs is long fixedCycle && shiftUs * 1000 >= fixedCycle)
        {
            r.Error(r.Child(m, "sync0_shift_us"), $"{at}.sync0_shift_us",
                $"{shiftUs.ToString(CultureInfo.InvariantCulture)} is not less than the SYNC0 cycle ({fixedCycle / 1000} µs); allowed [0, {fixedCycle / 1000})");
        }

        return new DistributedClocksConfig(
            r.Bool(m, at, "enabled", true),
            cycleNs,
            (long)Math.Round(shiftUs * 1000),
            (long)(r.Double(m, at, "start_delay_ms", 100, 1, 10_000) * 1_000_000),
            r.Int(m, at, "drift_compensation_frames", 15_000, 1, 1_000_000));
    }

    private static long? ReadCycle(YamlConfigReader r, YamlMappingNode m, string at)
    {
        YamlNode? node = r.Child(m, "sync0_cycle");
        if (node is null || node is YamlScalarNode { Value: "loop" })
        {
            return null;
        }

        string text = (node as YamlScalarNode)?.Value ?? node.NodeType.ToString();
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int us) && us is >= MinCycleUs and <= MaxCycleUs)
        {
            return us * 1000L;
        }

        r.Error(node, $"{at}.sync0_cycle", $"'{text}' is not 'loop' or a whole number of µs in [{MinCycleUs}, {MaxCycleUs}]");
        return null;
    }
}
