namespace Controller.Hardware.Devices.DigitalIo;

/// <summary>
/// A bank of up to 64 digital input lines (an e-stop chain, limit switches, a door interlock) read once per cycle.
/// Bit i of the levels is line i, 1 = electrically high (active level and polarity are the consumer's business,
/// e.g. <see cref="EmergencyStopLine"/>).
/// </summary>
public interface IDigitalInputs
{
    /// <summary>Name for messages and telemetry.</summary>
    string Name { get; }

    /// <summary>Lines in the bank (1..64).</summary>
    int InputCount { get; }

    /// <summary>Loop thread: the current levels of every line. No allocation, no throw; a failure is a status, and <paramref name="levels"/> is then 0.</summary>
    BusStatus ReadInputs(out ulong levels);
}
