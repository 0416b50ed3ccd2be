using Controller.Hardware.Devices.DigitalIo;

namespace Controller.Runtime;

/// <summary>
/// The e-stop button of a robot configured with <c>safety.estop: { type: sim }</c>: one line of an in-process
/// <see cref="SimulatedDigitalIo"/> bank that the loop reads through an <see cref="EmergencyStopLine"/> every cycle, as it
/// would read a GPIO line. Tests, scenario scripts and tools press and release it from any thread; the loop sees it in the
/// next cycle it starts. The bank can also misbehave (<see cref="SimulatedDigitalIo.Disconnected"/> reads as a stop).
/// </summary>
public sealed class SimulatedEmergencyStop
{
    private int _pressed;

    internal SimulatedEmergencyStop(SimulatedDigitalIo bank, int line, bool healthyHigh)
    {
        Bank = bank;
        Line = line;
        HealthyHigh = healthyHigh;
        bank.SetInput(line, healthyHigh); // the chain starts closed: the robot may move
    }

    /// <summary>The simulated input bank (fault injection: <see cref="SimulatedDigitalIo.Disconnected"/>).</summary>
    public SimulatedDigitalIo Bank { get; }

    /// <summary>The line of the bank the loop watches.</summary>
    public int Line { get; }

    /// <summary>True when the closed (healthy) chain reads high.</summary>
    public bool HealthyHigh { get; }

    /// <summary>True while the button is pressed (the line is set away from its healthy level).</summary>
    public bool IsPressed => Volatile.Read(ref _pressed) != 0;

    /// <summary>Presses the button: opens the chain (any thread).</summary>
    public void Press()
    {
        Bank.SetInput(Line, !HealthyHigh);
        Volatile.Write(ref _pressed, 1);
    }

    /// <summary>Releases the button: closes the chain again; the stop still needs acknowledging and re-enabling.</summary>
    public void Release()
    {
        Bank.SetInput(Line, HealthyHigh);
        Volatile.Write(ref _pressed, 0);
    }
}
