namespace Controller.Runtime.Configuration;

/// <summary>What starts each loop cycle (<c>loop.pacing</c>).</summary>
public enum LoopPacing
{
    /// <summary><c>clock</c>: the loop's own absolute-deadline timer (<c>clock_nanosleep</c>), the default.</summary>
    Clock = 0,

    /// <summary>
    /// <c>dc</c>: the timer's deadlines phase-locked to the EtherCAT distributed-clocks time of the one
    /// <c>cia402-ethercat</c> bus with <c>distributed_clocks</c> enabled, so each cycle's frame reaches the drives at a
    /// fixed phase before SYNC0.
    /// </summary>
    Dc = 1,

    /// <summary><c>device</c>: each cycle starts when the bus named by <c>loop.pacing_bus</c> signals (a device that sends on its own clock).</summary>
    Device = 2,
}
