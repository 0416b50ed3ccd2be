using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Controller.Runtime.Configuration;

/// <summary>
/// Reads <c>loop.pacing</c> and <c>loop.pacing_bus</c>, then checks them against the buses once those are read:
/// <c>dc</c> needs exactly one <c>cia402-ethercat</c> bus with distributed clocks whose SYNC0 runs at the loop's period,
/// and distributed clocks need <c>pacing: dc</c> (a loop on its own clock would drift through the SYNC0 pulses);
/// <c>device</c> needs <c>pacing_bus</c> naming a bus whose kind can start cycles.
/// </summary>
internal static class PacingRules
{
    private static readonly Dictionary<string, LoopPacing> Pacings = new()
    {
        ["clock"] = LoopPacing.Clock, ["dc"] = LoopPacing.Dc, ["device"] = LoopPacing.Device,
    };

    /// <summary>
    /// Why each bus type cannot pace the loop by a device event. Every driver of this runtime asks its devices and is
    /// answered inside the same cycle (an EtherCAT frame is exchanged in Write, a CAN SYNC is answered at once, a serial
    /// sync read is a request): the reply that could start the next cycle arrives right after the write, so it would run the
    /// loop free instead of on a device's clock. A bus type that sends on its own clock gets no entry here.
    /// </summary>
    private static readonly Dictionary<string, string> CannotPace = new()
    {
        ["dynamixel"] = "a Dynamixel bus answers only the runtime's own sync read",
        ["feetech"] = "a Feetech bus answers only the runtime's own sync read",
        ["cia402-can"] = "CiA 402 drives answer the SYNC the runtime sends in the same cycle",
        ["mit-can"] = "MIT actuators answer each command frame at once",
        ["cia402-ethercat"] = "the EtherCAT frame is sent and returns within the cycle's write (pace an EtherCAT bus with pacing: dc)",
    };

    public static (LoopPacing Pacing, string? PacingBus) Read(YamlConfigReader r, YamlMappingNode loop) =>
        (r.Choice(loop, "loop", "pacing", LoopPacing.Clock, Pacings), r.String(loop, "loop", "pacing_bus", required: false));

    /// <summary>
    /// Cross-checks the pacing with the buses (<paramref name="loop"/> null: the file has no loop section), then resolves
    /// <c>sync0_cycle: loop</c> to the loop's period in <paramref name="buses"/>, so the bus factory needs no loop settings.
    /// </summary>
    public static void Check(YamlConfigReader r, YamlMappingNode root, YamlMappingNode? loop, LoopConfig config, List<BusConfig> buses)
    {
        CheckPacing(r, root, loop, config, buses);
        for (int i = 0; i < buses.Count; i++)
        {
            if (buses[i].DistributedClocks is { Sync0CycleNs: null } dc)
            {
                buses[i] = buses[i] with { DistributedClocks = dc with { Sync0CycleNs = dc.CycleNs(config.RateHz) } };
            }
        }
    }

    private static void CheckPacing(YamlConfigReader r, YamlMappingNode root, YamlMappingNode? loop, LoopConfig config, List<BusConfig> buses)
    {
        var dcBuses = buses.Select((b, i) => (Bus: b, Index: i)).Where(p => p.Bus.DistributedClocks is { Enabled: true }).ToList();
        YamlNode? pacingNode = loop is null ? null : r.Child(loop, "pacing");
        if (pacingNode is not null && !(pacingNode is YamlScalarNode { Value: { } given } && Pacings.ContainsKey(given)))
        {
            return; // already reported by Read; checking the fallback against the buses would only add noise
        }

        string pacingName = Pacings.First(p => p.Value == config.Pacing).Key;
        if (config.Pacing != LoopPacing.Dc)
        {
            foreach (var (bus, i) in dcBuses)
            {
                r.Error(DcKey(root, i), $"buses[{i}].distributed_clocks",
                    $"distributed clocks on bus '{bus.Name}' need loop.pacing: dc (pacing is '{pacingName}': a loop on its own clock drifts through the SYNC0 pulses and the drives miss frames)");
            }
        }
        else if (dcBuses.Count == 0)
        {
            r.Error(pacingNode, "loop.pacing", "'dc' needs one cia402-ethercat bus with distributed_clocks: { enabled: true }; no bus has distributed clocks enabled");
        }
        else if (dcBuses.Count > 1)
        {
            r.Error(pacingNode, "loop.pacing",
                $"'dc' locks the loop to one bus's DC time; {dcBuses.Count} buses have distributed clocks enabled ({string.Join(", ", dcBuses.Select(p => p.Bus.Name))}): enable them on one");
        }
        else
        {
            CheckDcCycle(r, root, config, dcBuses[0].Bus, dcBuses[0].Index);
        }

        YamlNode? busNameNode = loop is null ? null : r.Child(loop, "pacing_bus");
        if (config.Pacing != LoopPacing.Device)
        {
            if (config.PacingBus is not null)
            {
                r.Error(busNameNode, "loop.pacing_bus", $"only read with pacing: device (pacing is '{pacingName}')");
            }

            return;
        }

        if (config.PacingBus is null)
        {
            r.Error(pacingNode, "loop.pacing_bus", "missing: pacing: device names the bus whose frames start each cycle (pacing_bus: NAME)");
            return;
        }

        BusConfig? paced = buses.FirstOrDefault(b => b.Name == config.PacingBus);
        if (paced is null)
        {
            r.Error(busNameNode, "loop.pacing_bus", $"'{config.PacingBus}' is not a bus of this configuration; buses: {string.Join(", ", buses.Select(b => b.Name))}");
        }
        else if (CannotPace.TryGetValue(paced.Type, out string? why))
        {
            r.Error(busNameNode, "loop.pacing_bus",
                $"bus '{paced.Name}' ({paced.Type}) cannot pace the loop: {why}; no bus type of this runtime sends on its own clock, so use pacing: clock or dc");
        }
    }

    private static void CheckDcCycle(YamlConfigReader r, YamlMappingNode root, LoopConfig loop, BusConfig bus, int index)
    {
        DistributedClocksConfig dc = bus.DistributedClocks!;
        long loopNs = DistributedClocksConfig.LoopPeriodNs(loop.RateHz);
        string at = $"buses[{index}].distributed_clocks";
        YamlMappingNode? node = DcMapping(root, index);
        if (dc.Sync0CycleNs is long cycle && cycle != loopNs)
        {
            r.Error(node is null ? null : r.Child(node, "sync0_cycle"), $"{at}.sync0_cycle",
                $"{cycle / 1000} µs differs from the loop's period ({Us(loopNs)} µs at loop.rate_hz {loop.RateHz.ToString(CultureInfo.InvariantCulture)}); with pacing: dc SYNC0 runs at the loop's period (sync0_cycle: loop)");
        }
        else if (dc.Sync0ShiftNs >= loopNs)
        {
            r.Error(node is null ? null : r.Child(node, "sync0_shift_us"), $"{at}.sync0_shift_us",
                $"{Us(dc.Sync0ShiftNs)} is not less than the SYNC0 cycle ({Us(loopNs)} µs, the loop's period); allowed [0, {Us(loopNs)})");
        }
    }

    private static string Us(long ns) => (ns / 1e3).ToString(CultureInfo.InvariantCulture);

    /// <summary>The <c>distributed_clocks</c> key of bus <paramref name="index"/> (for the line of a message).</summary>
    private static YamlNode? DcKey(YamlMappingNode root, int index) =>
        root.Children.TryGetValue(new YamlScalarNode("buses"), out YamlNode? node) && node is YamlSequenceNode list && index < list.Children.Count
        && list.Children[index] is YamlMappingNode bus
            ? bus.Children.Keys.FirstOrDefault(k => k is YamlScalarNode { Value: "distributed_clocks" })
            : null;

    /// <summary>The <c>distributed_clocks</c> mapping of bus <paramref name="index"/>.</summary>
    private static YamlMappingNode? DcMapping(YamlMappingNode root, int index) =>
        DcKey(root, index) is { } key && root.Children[new YamlScalarNode("buses")] is YamlSequenceNode list && list.Children[index] is YamlMappingNode bus
            ? bus.Children[key] as YamlMappingNode
            : null;
}
