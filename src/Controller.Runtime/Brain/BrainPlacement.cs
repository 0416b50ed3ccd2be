namespace Controller.Runtime.Brain;

/// <summary>Where the brain (planner, policy, task) runs relative to the cerebellum loop.</summary>
public enum BrainPlacement
{
    /// <summary>On a thread of the runtime's process (<see cref="BrainWorker"/>), chunks through an in-process ring.</summary>
    InProcess,

    /// <summary>
    /// In its own process (<c>robotctl brain serve --attach NAME</c>), attached through shared memory under
    /// <c>/dev/shm</c>: its allocations, GC pauses and crashes cannot reach the loop.
    /// </summary>
    OutOfProcess,
}
