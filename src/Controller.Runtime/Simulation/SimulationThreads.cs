using Controller.Cerebellum.Realtime;

namespace Controller.Runtime.Simulation;

/// <summary>
/// Priorities of the simulation's own threads. The twins stand in for hardware that answers on its own silicon and
/// the plant for physics that never waits: both run SCHED_FIFO just below the loop (80) when the kernel grants it,
/// so the loop's I/O is not held up by the scheduler. Without the privilege they stay ordinary threads.
/// </summary>
internal static class SimulationThreads
{
    public const int TwinPriority = 70;

    public const int PlantPriority = 60;

    public static void RaisePriority(int priority) =>
        RealtimeThreadSetup.Apply(new RealtimeRequest(priority, RealtimeRequest.NoPinning, lockMemory: false));
}
