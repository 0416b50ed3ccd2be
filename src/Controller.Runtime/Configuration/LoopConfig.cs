namespace Controller.Runtime.Configuration;

/// <summary>The cerebellum loop's settings (<c>loop:</c>).</summary>
/// <param name="RateHz">Cycle rate (250–4000 Hz).</param>
/// <param name="Priority">SCHED_FIFO priority requested for the loop thread (1–99).</param>
/// <param name="Cpu">CPU to pin the loop thread to, or −1 for none.</param>
/// <param name="SpinMicroseconds">How long before each deadline the pacer stops sleeping and spins.</param>
/// <param name="Pacing">What starts each cycle (<c>pacing:</c>).</param>
/// <param name="PacingBus">With <see cref="LoopPacing.Device"/>: the bus whose frames start each cycle (<c>pacing_bus:</c>).</param>
public sealed record LoopConfig(double RateHz, int Priority, int Cpu, int SpinMicroseconds, LoopPacing Pacing = LoopPacing.Clock, string? PacingBus = null);
