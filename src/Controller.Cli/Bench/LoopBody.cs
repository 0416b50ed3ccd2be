namespace Controller.Cli.Bench;

/// <summary>What <c>robotctl bench loop</c> runs in each cycle.</summary>
public enum LoopBody
{
    /// <summary>Nothing: the loop's own wake-up and bookkeeping, comparable with cyclictest's empty wake-up.</summary>
    Idle,

    /// <summary>
    /// The real <see cref="Cerebellum.CerebellumCycle"/> for the 29-DoF Unitree G1: read five in-process buses, PD +
    /// gravity feed-forward from the robot model, the safety supervisor (optionally with the momentum observer), write.
    /// </summary>
    Humanoid,
}
