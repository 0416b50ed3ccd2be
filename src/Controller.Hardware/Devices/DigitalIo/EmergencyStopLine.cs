namespace Controller.Hardware.Devices.DigitalIo;

/// <summary>
/// One input line of an emergency-stop chain. E-stop circuits are normally closed: the line is healthy at its
/// healthy level and "open" otherwise, so a cut wire, a pulled connector or a dead input card reads as a stop.
/// A failed read also counts as open (fail-safe) and is counted in <see cref="ReadFailures"/>.
/// </summary>
public sealed class EmergencyStopLine
{
    private readonly IDigitalInputs _inputs;
    private readonly ulong _bit;
    private readonly bool _healthyHigh;
    private long _readFailures;

    /// <summary>Watches line <paramref name="line"/> of <paramref name="inputs"/>.</summary>
    /// <param name="inputs">The input bank.</param>
    /// <param name="line">The line index, 0..InputCount−1.</param>
    /// <param name="healthyHigh">True when the closed (healthy) chain reads high (the usual 24 V NC wiring); false for active-high stop signals.</param>
    /// <exception cref="ArgumentOutOfRangeException">A line the bank does not have.</exception>
    public EmergencyStopLine(IDigitalInputs inputs, int line, bool healthyHigh = true)
    {
        _inputs = inputs ?? throw new ArgumentNullException(nameof(inputs));
        if (line < 0 || line >= inputs.InputCount)
            throw new ArgumentOutOfRangeException(nameof(line), line, $"'{inputs.Name}' has input lines 0..{inputs.InputCount - 1}; line {line} does not exist.");
        Line = line;
        _bit = 1UL << line;
        _healthyHigh = healthyHigh;
    }

    /// <summary>The line watched.</summary>
    public int Line { get; }

    /// <summary>Reads that failed (each one reported the line open).</summary>
    public long ReadFailures => Volatile.Read(ref _readFailures);

    /// <summary>Loop thread: true when the stop is asserted (line not at its healthy level, or unreadable). No allocation, no throw.</summary>
    public bool ReadOpen()
    {
        if (_inputs.ReadInputs(out ulong levels) != BusStatus.Ok)
        {
            Volatile.Write(ref _readFailures, _readFailures + 1);
            return true;
        }
        bool high = (levels & _bit) != 0;
        return high != _healthyHigh;
    }
}
