using System.Device.Gpio;
using System.Device.Gpio.Drivers;

namespace Controller.Hardware.Devices.DigitalIo;

/// <summary>
/// Digital I/O on a Linux GPIO character device (<c>/dev/gpiochipN</c>) through System.Device.Gpio's libgpiod driver:
/// a Raspberry Pi header, a Jetson, or a USB GPIO adapter. Input line i of the bank is GPIO line
/// <c>inputLines[i]</c> of the chip; output line i is <c>outputLines[i]</c>. Opening (the constructor) may block and
/// throw; reads and writes on the loop thread return <see cref="BusStatus"/> values.
/// </summary>
/// <remarks>
/// Without the chip the constructor throws <see cref="InvalidOperationException"/> naming the missing device and the
/// chips that do exist, before System.Device.Gpio is touched (its own error for a missing chip or a missing
/// libgpiod is far less clear). Each line read is one GPIO_V2_LINE_GET_VALUES ioctl through libgpiod; a 16-line bank
/// costs 16 system calls per cycle (a bank-wide read needs libgpiod's line-request API, not wrapped by System.Device.Gpio 4.2).
/// </remarks>
public sealed class GpioDigitalIo : IDigitalInputs, IDigitalOutputs, IDisposable
{
    private readonly GpioController _controller;
    private readonly GpioPin[] _inputs;
    private readonly GpioPin[] _outputs;
    private long _faults;

    /// <summary>Opens the lines of <c>/dev/gpiochip<paramref name="chip"/></c>.</summary>
    /// <param name="chip">The chip number N of /dev/gpiochipN.</param>
    /// <param name="inputLines">GPIO line offsets read as inputs, in bank order (at most 64).</param>
    /// <param name="outputLines">GPIO line offsets driven as outputs, in bank order (at most 64; may be empty).</param>
    /// <param name="name">Name for messages.</param>
    /// <param name="devDirectory">Where the chips are (tests point it elsewhere).</param>
    /// <exception cref="InvalidOperationException">The chip does not exist, or the GPIO driver could not open it or a line.</exception>
    /// <exception cref="ArgumentException">A bank with no lines, over 64 lines, a negative or repeated line.</exception>
    public GpioDigitalIo(int chip, IReadOnlyList<int> inputLines, IReadOnlyList<int> outputLines, string name = "gpio", string devDirectory = "/dev")
    {
        ArgumentNullException.ThrowIfNull(inputLines);
        ArgumentNullException.ThrowIfNull(outputLines);
        if (inputLines.Count + outputLines.Count == 0) throw new ArgumentException("a GPIO bank needs at least one input or output line.", nameof(inputLines));
        if (inputLines.Count > 64) throw new ArgumentException($"{inputLines.Count} input lines; a bank has at most 64.", nameof(inputLines));
        if (outputLines.Count > 64) throw new ArgumentException($"{outputLines.Count} output lines; a bank has at most 64.", nameof(outputLines));
        var all = inputLines.Concat(outputLines).ToArray();
        if (all.Any(l => l < 0)) throw new ArgumentException($"GPIO line offsets must be >= 0; got {string.Join(", ", all.Where(l => l < 0))}.", nameof(inputLines));
        if (all.Distinct().Count() != all.Length) throw new ArgumentException($"a GPIO line is listed twice: {string.Join(", ", all.GroupBy(l => l).Where(g => g.Count() > 1).Select(g => g.Key))}.", nameof(inputLines));
        RequireChip(chip, devDirectory);

        Name = name;
        try
        {
            _controller = new GpioController(new LibGpiodDriver(chip));
            _inputs = inputLines.Select(line => _controller.OpenPin(line, PinMode.Input)).ToArray();
            _outputs = outputLines.Select(line => _controller.OpenPin(line, PinMode.Output, PinValue.Low)).ToArray();
        }
        catch (Exception e)
        {
            _controller?.Dispose();
            throw new InvalidOperationException($"GPIO bank '{name}': opening lines [{string.Join(", ", all)}] of /dev/gpiochip{chip} failed: {e.Message} "
                + "(is libgpiod installed — package libgpiod2 or libgpiod3 — and may this user open the chip? see `robotctl doctor`).", e);
        }
    }

    /// <inheritdoc cref="IDigitalInputs.Name" />
    public string Name { get; }

    /// <inheritdoc />
    public int InputCount => _inputs.Length;

    /// <inheritdoc />
    public int OutputCount => _outputs.Length;

    /// <summary>Reads or writes that failed.</summary>
    public long Faults => Volatile.Read(ref _faults);

    /// <summary>The chips present under <paramref name="devDirectory"/> (e.g. "gpiochip0"), sorted.</summary>
    public static IReadOnlyList<string> AvailableChips(string devDirectory = "/dev") =>
        Directory.Exists(devDirectory)
            ? Directory.GetFiles(devDirectory, "gpiochip*").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToArray()
            : [];

    /// <inheritdoc />
    public BusStatus ReadInputs(out ulong levels)
    {
        levels = 0;
        try
        {
            for (int i = 0; i < _inputs.Length; i++)
                if (_inputs[i].Read() == PinValue.High) levels |= 1UL << i;
            return BusStatus.Ok;
        }
        catch (Exception)
        {
            // The driver reports a vanished chip or line as an exception; on the loop thread it becomes a status.
            levels = 0;
            Interlocked.Increment(ref _faults);
            return BusStatus.DeviceLost;
        }
    }

    /// <inheritdoc />
    public BusStatus WriteOutputs(ulong levels, ulong mask)
    {
        try
        {
            for (int i = 0; i < _outputs.Length; i++)
                if ((mask & (1UL << i)) != 0) _outputs[i].Write((levels & (1UL << i)) != 0 ? PinValue.High : PinValue.Low);
            return BusStatus.Ok;
        }
        catch (Exception)
        {
            Interlocked.Increment(ref _faults);
            return BusStatus.DeviceLost;
        }
    }

    /// <summary>Releases the lines and the chip.</summary>
    public void Dispose() => _controller.Dispose();

    private static void RequireChip(int chip, string devDirectory)
    {
        string path = Path.Combine(devDirectory, $"gpiochip{chip}");
        if (chip >= 0 && File.Exists(path)) return;
        var present = AvailableChips(devDirectory);
        throw new InvalidOperationException(
            $"no GPIO chip {path} on this machine ({(present.Count == 0 ? "no gpiochip devices at all" : "present: " + string.Join(", ", present))}). "
            + "GPIO digital I/O needs a board with a GPIO character device (Raspberry Pi, Jetson) or a USB GPIO adapter; "
            + "in simulation use SimulatedDigitalIo.");
    }
}
