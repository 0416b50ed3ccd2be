namespace Controller.Cli.Bench;

/// <summary>What <c>robotctl bench serial</c> measured: full servo-bus cycles over a pty against a twin, beside the wire-time floor.</summary>
/// <param name="Protocol">"dynamixel" or "feetech".</param>
/// <param name="BaudRate">Line speed the twin emulated (its replies are held back by their wire time).</param>
/// <param name="Servos">Servos on the chain.</param>
/// <param name="Cycles">Cycles measured (after warm-up).</param>
/// <param name="FailedCycles">Cycles whose read did not return Ok (a starved twin thread on a loaded machine).</param>
/// <param name="CycleP50Us">Median of one cycle (sync read + sync write), µs.</param>
/// <param name="CycleP99Us">99th percentile, µs.</param>
/// <param name="CycleMaxUs">Longest cycle, µs.</param>
/// <param name="BytesPerCycle">Bytes on the wire per cycle: sync read request, one status per servo, sync write.</param>
/// <param name="WireFloorUs">bytes × 10 bits / baud: no cycle at this baud rate can be shorter, µs.</param>
/// <param name="RatioP50ToFloor">CycleP50Us / WireFloorUs: what the host, pty and scheduler add on top of the wire.</param>
/// <param name="AllocatedBytes">Bytes allocated by the measuring thread during the measured cycles (the cycle path must not allocate).</param>
public sealed record SerialBenchReport(
    string Protocol,
    int BaudRate,
    int Servos,
    long Cycles,
    long FailedCycles,
    double CycleP50Us,
    double CycleP99Us,
    double CycleMaxUs,
    int BytesPerCycle,
    double WireFloorUs,
    double RatioP50ToFloor,
    long AllocatedBytes);
