namespace Controller.Runtime.Assembly;

/// <summary>
/// Reply timeouts of the buses the runtime builds: the bus's own wire time, plus, for a simulated bus, an allowance
/// for the host's scheduler. A twin is a thread of this process, not silicon: it runs at a real-time priority
/// (<see cref="Simulation.SimulationThreads"/>) and is woken by the frame (futex) or ticks every 250 µs, yet on a
/// small loaded host (2 cores, load 40+ measured) the loop thread, the plant and five buses' twins share two cores and
/// a twin is now and then held up for milliseconds. A real bus keeps a tight timeout, so a lost device is seen in a
/// cycle or two; a twin gets the allowance, so the scheduler is not mistaken for a broken wire. Serial twins answer
/// through a pseudo-terminal whose bytes the kernel moves on ordinary-priority workers: their allowance is larger and
/// is set per bus in the configuration (<c>reply_timeout_ms</c>, see hardware/g1-29dof/robot.yaml).
/// </summary>
internal static class TwinTiming
{
    /// <summary>Allowance for an in-process twin (EtherCAT segment, CAN twin host): 20 ms, ten 500 Hz periods.</summary>
    public const long InProcessAllowanceNs = 20_000_000;

    /// <summary>Bits of a classic CAN frame with 8 data bytes and an 11-bit id, with worst-case bit stuffing.</summary>
    public const int CanFrameBits = 135;

    /// <summary>A real MIT-mode motor's turnaround from command to reply (firmware; typically well under 100 µs).</summary>
    public const long MitTurnaroundNs = 200_000;

    /// <summary>A full-size Ethernet frame (1538 bytes with preamble and gap) at 100 Mbit/s, plus ~1 µs per slave it passes.</summary>
    public static long EtherCatFrameWireNs(int slaves) => 1538 * 80 + slaves * 1_000L;

    /// <summary>An MIT group's commands and replies on a bus at <paramref name="bitRate"/>: 2 frames per motor.</summary>
    public static long MitExchangeWireNs(int motors, int bitRate) => 2L * motors * CanFrameBits * 1_000_000_000L / bitRate;
}
