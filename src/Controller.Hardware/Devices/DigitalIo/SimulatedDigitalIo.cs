namespace Controller.Hardware.Devices.DigitalIo;

/// <summary>
/// An in-process digital I/O bank for simulation and demos: inputs are set from any thread (a UI button, a scenario
/// script pressing the e-stop), outputs are read back. It can misbehave on demand: <see cref="Disconnected"/> makes
/// every read and write fail with <see cref="BusStatus.DeviceLost"/>, as a lost fieldbus coupler would.
/// </summary>
public sealed class SimulatedDigitalIo : IDigitalInputs, IDigitalOutputs
{
    private long _inputs;
    private long _outputs;
    private int _disconnected;

    /// <summary>Creates a bank of <paramref name="inputCount"/> inputs (all at <paramref name="initialInputs"/>) and <paramref name="outputCount"/> outputs (all low).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A count outside 1..64.</exception>
    public SimulatedDigitalIo(string name = "sim-dio", int inputCount = 8, int outputCount = 8, ulong initialInputs = 0)
    {
        if (inputCount < 1 || inputCount > 64) throw new ArgumentOutOfRangeException(nameof(inputCount), inputCount, "a bank has 1..64 input lines.");
        if (outputCount < 1 || outputCount > 64) throw new ArgumentOutOfRangeException(nameof(outputCount), outputCount, "a bank has 1..64 output lines.");
        Name = name;
        InputCount = inputCount;
        OutputCount = outputCount;
        _inputs = (long)(initialInputs & Mask(inputCount));
    }

    /// <inheritdoc cref="IDigitalInputs.Name" />
    public string Name { get; }

    /// <inheritdoc />
    public int InputCount { get; }

    /// <inheritdoc />
    public int OutputCount { get; }

    /// <summary>While true every read and write returns <see cref="BusStatus.DeviceLost"/> (any thread).</summary>
    public bool Disconnected
    {
        get => Volatile.Read(ref _disconnected) != 0;
        set => Volatile.Write(ref _disconnected, value ? 1 : 0);
    }

    /// <summary>The output levels last written (any thread).</summary>
    public ulong Outputs => (ulong)Interlocked.Read(ref _outputs);

    /// <summary>Sets input <paramref name="line"/> high or low (any thread).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A line the bank does not have.</exception>
    public void SetInput(int line, bool high)
    {
        if (line < 0 || line >= InputCount) throw new ArgumentOutOfRangeException(nameof(line), line, $"'{Name}' has input lines 0..{InputCount - 1}.");
        long bit = 1L << line;
        long current, next;
        do
        {
            current = Interlocked.Read(ref _inputs);
            next = high ? current | bit : current & ~bit;
        }
        while (Interlocked.CompareExchange(ref _inputs, next, current) != current);
    }

    /// <inheritdoc />
    public BusStatus ReadInputs(out ulong levels)
    {
        if (Disconnected)
        {
            levels = 0;
            return BusStatus.DeviceLost;
        }
        levels = (ulong)Interlocked.Read(ref _inputs);
        return BusStatus.Ok;
    }

    /// <inheritdoc />
    public BusStatus WriteOutputs(ulong levels, ulong mask)
    {
        if (Disconnected) return BusStatus.DeviceLost;
        mask &= Mask(OutputCount);
        long current, next;
        do
        {
            current = Interlocked.Read(ref _outputs);
            next = (long)(((ulong)current & ~mask) | (levels & mask));
        }
        while (Interlocked.CompareExchange(ref _outputs, next, current) != current);
        return BusStatus.Ok;
    }

    private static ulong Mask(int count) => count == 64 ? ulong.MaxValue : (1UL << count) - 1;
}
