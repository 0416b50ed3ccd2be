namespace Controller.Cli.Bench;

/// <summary>What <c>robotctl bench loop</c> runs in each cycle.</summary>
public enum LoopBody
{
    /// <summary>Nothing: the loop's own wake-up and bookkeeping, comparable with cyclictest's empty wake-up.</summary>
    Idle,

    /// <summary>
    /// The real <see cref="Cerebellum.CerebellumCycle"/> for the Unitree G1 (29 body DoF + two hands) over its real drivers
    /// and device twins, built as <c>robotctl run</c> builds them: read five buses (EtherCAT, two CAN, two Dynamixel), posture
    /// hold + gravity feed-forward from the robot model, the safety supervisor (optionally with the momentum observer), write.
    /// </summary>
    Humanoid,
}
