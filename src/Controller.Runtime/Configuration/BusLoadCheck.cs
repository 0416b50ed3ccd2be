using System.Globalization;
using Controller.Hardware.Devices.Cia402;
using Controller.Hardware.Protocols.CanOpen;
using Controller.Hardware.Protocols.Dynamixel;
using Controller.Hardware.Protocols.EtherCat;
using Controller.Hardware.Protocols.Feetech;
using YamlDotNet.RepresentationModel;

namespace Controller.Runtime.Configuration;

/// <summary>
/// Estimates each bus's wire time per loop cycle from what it carries, and refuses a configuration whose bus cannot
/// finish its traffic within the loop period (README.md in this folder gives the formulas and their sources):
/// <list type="bullet">
/// <item>Dynamixel (Protocol 2.0) / Feetech (SCS): the sync write of the goals, the sync read request and one status
/// packet per servo, 10 bits per byte (8N1) at the baud rate, plus <see cref="ServoReturnDelayUs"/> per servo.</item>
/// <item>CAN (classical, 11-bit identifiers): every frame of a cycle at its worst-case length with bit stuffing,
/// <c>47 + 8n + ⌊(34 + 8n − 1) / 4⌋</c> bits for n data bytes, at the bit rate. CiA 402: one SYNC plus the two RPDOs and
/// two TPDOs per drive of <see cref="Cia402PdoLayout"/>; MIT: one 8-byte command and one 8-byte reply per actuator.</item>
/// <item>EtherCAT: one frame carrying the LRW of the process image (<see cref="Cia402EtherCatPdoLayout"/> outputs and
/// inputs per slave), the AL-status BRD and the distributed-clock FRMW, with preamble, FCS and inter-frame gap, at
/// 100 Mbit/s, plus <see cref="EtherCatForwardingDelayUs"/> per slave.</item>
/// </list>
/// </summary>
public static class BusLoadCheck
{
    /// <summary>Above this fraction of the period a bus fits but draws a warning.</summary>
    public const double WarningFraction = 0.7;

    /// <summary>
    /// Per servo, the time between the end of the request and the start of its status packet (µs). The Return Delay Time
    /// register is assumed 0 (as LeRobot's setup writes it and the twins ship); what remains is the firmware's own
    /// turnaround, taken as 20 µs (an assumption, not a datasheet figure).
    /// </summary>
    public const double ServoReturnDelayUs = 20;

    /// <summary>EtherCAT: a slave's forwarding delay, out and back, per slave on the line (µs; ≈ 1 µs for a typical ESC in a line topology).</summary>
    public const double EtherCatForwardingDelayUs = 1;

    /// <summary>EtherCAT's bit rate (100BASE-TX).</summary>
    public const double EtherCatBitRate = 100e6;

    /// <summary>Every bus of <paramref name="config"/> at its loop rate.</summary>
    public static IReadOnlyList<BusLoad> Estimate(RobotConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return config.Buses.Select(b => Estimate(b, config.Loop.RateHz)).ToArray();
    }

    /// <summary>One bus at <paramref name="loopRateHz"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The rate is not positive.</exception>
    public static BusLoad Estimate(BusConfig bus, double loopRateHz)
    {
        ArgumentNullException.ThrowIfNull(bus);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(loopRateHz);
        double periodUs = 1e6 / loopRateHz;
        int n = bus.Servos.Count;
        (double wireUs, string breakdown, string fix) = bus.Type switch
        {
            "dynamixel" => Serial(n, bus.Baud, DynamixelBytes(n, GoalBytes(bus)), "raise the baud (4000000 is the X series' highest)"),
            "feetech" => Serial(n, bus.Baud, FeetechBytes(n), "raise the baud (1000000 is the STS series' highest)"),
            "cia402-can" => Can(bus.Baud, [0, .. Enumerable.Repeat(new[] { Cia402PdoLayout.Rpdo1.Length, Cia402PdoLayout.Rpdo2.Length, Cia402PdoLayout.Tpdo1.Length, Cia402PdoLayout.Tpdo2.Length }, n).SelectMany(x => x)],
                $"SYNC + 4 PDOs × {n} drives"),
            "mit-can" => Can(bus.Baud, [.. Enumerable.Repeat(8, 2 * n)], $"command + reply × {n} actuators"),
            "cia402-ethercat" => EtherCat(n),
            _ => (0.0, $"{bus.Type}: not estimated", ""),
        };
        double percent = 100 * wireUs / periodUs;
        string head = Invariant($"bus '{bus.Name}' ({bus.Type}, {n} {(bus.IsEtherCat ? "slaves" : bus.IsCan ? "actuators" : "servos")}, {breakdown}): {wireUs / 1000:F3} ms of wire per {periodUs / 1000:F3} ms cycle ({percent:F0} %)");
        int maxRateHz = wireUs > 0 ? (int)Math.Floor(1e6 / wireUs) : int.MaxValue;
        if (wireUs > periodUs)
        {
            return new BusLoad(bus.Name, wireUs, periodUs, BusLoadLevel.Error, breakdown,
                Invariant($"{head} exceeds the {loopRateHz:0.###} Hz loop's period: lower loop.rate_hz to at most {maxRateHz} Hz, {fix}, or split the bus"));
        }

        if (wireUs > WarningFraction * periodUs)
        {
            return new BusLoad(bus.Name, wireUs, periodUs, BusLoadLevel.Warning, breakdown,
                Invariant($"{head}, above {WarningFraction * 100:F0} %: little room for retries and jitter; lower loop.rate_hz, {fix}, or split the bus"));
        }

        return new BusLoad(bus.Name, wireUs, periodUs, BusLoadLevel.Ok, breakdown, head);
    }

    /// <summary>Adds an error for every bus whose wire time exceeds the loop period (called by <see cref="RobotConfigLoader"/>).</summary>
    internal static void Check(YamlConfigReader r, YamlMappingNode root, IReadOnlyList<BusConfig> buses, LoopConfig loop)
    {
        var nodes = (r.Child(root, "buses") as YamlSequenceNode)?.Children;
        for (int i = 0; i < buses.Count; i++)
        {
            // A bus or loop already refused has no trustworthy rate or baud to estimate with: its own error says enough.
            string at = $"buses[{i}]";
            if (r.Errors.Any(e => e.Path.StartsWith("loop", StringComparison.Ordinal) || e.Path == at || e.Path.StartsWith(at + ".", StringComparison.Ordinal)))
            {
                continue;
            }

            BusLoad load = Estimate(buses[i], loop.RateHz);
            if (load.Level == BusLoadLevel.Error)
            {
                r.Error(nodes is not null && i < nodes.Count ? nodes[i] : root, at, load.Message);
            }
        }
    }

    /// <summary>Worst-case bits of a classical CAN data frame with an 11-bit identifier and <paramref name="dataBytes"/> bytes, stuff bits and the 3-bit intermission included.</summary>
    public static int CanFrameBits(int dataBytes) => 47 + 8 * dataBytes + (34 + 8 * dataBytes - 1) / 4;

    private static int GoalBytes(BusConfig bus) => bus.OperatingMode switch
    {
        "current" => XSeriesControlTable.GoalCurrent.Size,
        "velocity" => XSeriesControlTable.GoalVelocity.Size,
        _ => XSeriesControlTable.GoalPosition.Size,
    };

    // Protocol 2.0: sync write 10 + 4 + n(1 + goal); sync read 10 + 4 + n; a status packet 11 + the feedback block.
    private static int DynamixelBytes(int n, int goalBytes) =>
        DynamixelPacket.OverheadBytes + 4 + n * (1 + goalBytes)
        + DynamixelPacket.OverheadBytes + 4 + n
        + n * (DynamixelPacket.StatusOverheadBytes + XSeriesControlTable.FeedbackBlock.Size);

    // SCS: sync write 6 + 2 + n(1 + 2); sync read 6 + 2 + n; a reply 6 + the feedback block (goal position and velocity are both 2 bytes).
    private static int FeetechBytes(int n) =>
        FeetechPacket.OverheadBytes + 2 + n * (1 + StsControlTable.GoalPosition.Size)
        + FeetechPacket.OverheadBytes + 2 + n
        + n * (FeetechPacket.OverheadBytes + StsControlTable.FeedbackBlock.Size);

    private static (double, string, string) Serial(int servos, int baud, int bytes, string fix) =>
        (bytes * 10.0 / baud * 1e6 + servos * ServoReturnDelayUs,
         Invariant($"{bytes} B at {baud} baud + {servos} × {ServoReturnDelayUs:0.#} µs return delay"), fix);

    private static (double, string, string) Can(int bitRate, int[] frameDataBytes, string what)
    {
        int bits = frameDataBytes.Sum(CanFrameBits);
        return (bits * 1e6 / bitRate, Invariant($"{what}: {frameDataBytes.Length} frames, {bits} bits worst case at {bitRate} bit/s"),
            "raise the bit rate (1000000 is classical CAN's highest)");
    }

    private static (double, string, string) EtherCat(int slaves)
    {
        int image = slaves * (Cia402EtherCatPdoLayout.Outputs.BitLength + Cia402EtherCatPdoLayout.Inputs.BitLength) / 8;
        int datagrams = EtherCatFrameLayout.DatagramOverheadBytes * 3 + image + 2 + 8; // LRW image, BRD AL status (2), FRMW DC time (8)
        int frame = Math.Max(EtherCatFrameLayout.MinEthernetFrameBytes, EtherCatFrameLayout.FirstDatagramOffset + datagrams) + 4 + 8 + 12; // + FCS, preamble/SFD, inter-frame gap
        double us = frame * 8 / EtherCatBitRate * 1e6 + slaves * EtherCatForwardingDelayUs;
        return (us, Invariant($"one {frame} B frame ({image} B image) at 100 Mbit/s + {slaves} × {EtherCatForwardingDelayUs:0.#} µs forwarding"),
            "move slaves to a second EtherCAT port");
    }

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
