using System.Globalization;
using Controller.Cerebellum.Loop;
using Controller.Hardware.Devices;
using Controller.Hardware.Devices.EtherCat;
using Controller.Runtime.Configuration;

namespace Controller.Runtime.Assembly;

/// <summary>
/// The loop's pacer from <c>loop.pacing</c>: <c>clock</c> → <see cref="AbsoluteDeadlinePacer"/>; <c>dc</c> → the same timer
/// wrapped in a <see cref="DcLockedPacer"/> over the <see cref="DcLoopPacing"/> of the EtherCAT bus with distributed clocks,
/// which its driver feeds with every good frame's reference clock time. <c>device</c> is refused by the loader for every bus
/// type of this runtime (see <c>PacingRules</c>), so it never reaches here. Each pacer comes with one line saying what
/// paces the loop, for the start-up report.
/// </summary>
internal static class LoopPacerFactory
{
    /// <exception cref="InvalidOperationException">The configuration asks for a pacing its buses cannot give (a configuration not checked by the loader).</exception>
    public static (IPacer Pacer, string Description, DcLoopPacing? Dc) Build(RobotConfig config, IReadOnlyList<JointBus> buses)
    {
        LoopConfig loop = config.Loop;
        long spinNs = loop.SpinMicroseconds * 1000L;
        var clock = new AbsoluteDeadlinePacer(spinNs);
        string period = Us(DistributedClocksConfig.LoopPeriodNs(loop.RateHz));
        switch (loop.Pacing)
        {
            case LoopPacing.Clock:
                return (clock, $"clock: absolute deadlines every {period} µs (clock_nanosleep, spin {loop.SpinMicroseconds} µs)", null);
            case LoopPacing.Dc:
                int index = config.Buses.ToList().FindIndex(b => b.DistributedClocks is { Enabled: true });
                DcLoopPacing pacing = (index < 0 ? null : EtherCatBusFactory.DriverOf(buses[index])?.Pacing)
                    ?? throw new InvalidOperationException("loop.pacing: dc needs a cia402-ethercat bus with distributed_clocks enabled; none was built");
                DistributedClocksConfig dc = config.Buses[index].DistributedClocks!;
                return (new DcLockedPacer(clock, pacing),
                    $"dc: deadlines every {period} µs phase-locked to the distributed clock of bus '{config.Buses[index].Name}' " +
                    $"(SYNC0 every {Us(dc.Sync0CycleNs ?? 0)} µs shifted {Us(dc.Sync0ShiftNs)} µs; frames at {Us(pacing.PhaseLock.PhaseNs)} µs into the DC period)", pacing);
            default:
                throw new InvalidOperationException($"loop.pacing: {loop.Pacing.ToString().ToLowerInvariant()} with bus '{loop.PacingBus}': no bus type of this runtime gives a pacing event");
        }
    }

    private static string Us(long ns) => (ns / 1e3).ToString(CultureInfo.InvariantCulture);
}
