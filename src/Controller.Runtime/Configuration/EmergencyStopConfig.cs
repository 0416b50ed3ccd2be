namespace Controller.Runtime.Configuration;

/// <summary>The e-stop input line (<c>safety.estop</c>), read by the loop every cycle before the safety supervisor runs.</summary>
/// <param name="Type">"sim": an in-process input the runtime exposes (<c>RobotRuntime.SimulatedEmergencyStop</c>); "gpio": a line of <c>/dev/gpiochipN</c>.</param>
/// <param name="Chip">GPIO: the N of /dev/gpiochipN (sim: 0, unused).</param>
/// <param name="Line">The input line (GPIO line offset; sim: the line of the simulated bank).</param>
/// <param name="HealthyHigh">True when the closed, healthy chain reads high (normally-closed 24 V wiring); false for an active-high stop signal.</param>
public sealed record EmergencyStopConfig(string Type, int Chip, int Line, bool HealthyHigh)
{
    /// <summary>True for <c>type: sim</c>.</summary>
    public bool IsSimulated => Type == "sim";
}
