namespace Controller.Hardware.Devices.DigitalIo;

/// <summary>A bank of up to 64 digital output lines (a brake release, a stack light, a tool valve).</summary>
public interface IDigitalOutputs
{
    /// <summary>Name for messages and telemetry.</summary>
    string Name { get; }

    /// <summary>Lines in the bank (1..64).</summary>
    int OutputCount { get; }

    /// <summary>
    /// Loop thread: sets the lines whose bit is set in <paramref name="mask"/> to the matching bit of
    /// <paramref name="levels"/>; other lines keep their level. No allocation, no throw.
    /// </summary>
    BusStatus WriteOutputs(ulong levels, ulong mask);
}
