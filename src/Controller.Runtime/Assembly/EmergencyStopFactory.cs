using Controller.Hardware.Devices.DigitalIo;
using Controller.Runtime.Configuration;

namespace Controller.Runtime.Assembly;

/// <summary>
/// Builds the e-stop line of <c>safety.estop</c>: for <c>type: sim</c> a one-bank <see cref="SimulatedDigitalIo"/> whose
/// button the runtime exposes (<see cref="SimulatedEmergencyStop"/>); for <c>type: gpio</c> one input of
/// <c>/dev/gpiochipN</c> through <see cref="GpioDigitalIo"/>, which fails here — before anything moves — where the chip
/// does not exist.
/// </summary>
internal static class EmergencyStopFactory
{
    /// <exception cref="InvalidOperationException">type gpio and the chip or line cannot be opened (the message names them and the chips that exist).</exception>
    public static EmergencyStopLine? Build(EmergencyStopConfig? config, List<IDisposable> owned, out SimulatedEmergencyStop? simulated)
    {
        simulated = null;
        if (config is null)
        {
            return null;
        }

        if (config.IsSimulated)
        {
            var bank = new SimulatedDigitalIo("estop-sim", inputCount: config.Line + 1, outputCount: 1);
            simulated = new SimulatedEmergencyStop(bank, config.Line, config.HealthyHigh);
            return new EmergencyStopLine(bank, config.Line, config.HealthyHigh);
        }

        GpioDigitalIo gpio;
        try
        {
            gpio = new GpioDigitalIo(config.Chip, [config.Line], [], "estop");
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            throw new InvalidOperationException($"safety.estop (type: gpio, chip: {config.Chip}, line: {config.Line}) cannot be opened: {e.Message}", e);
        }

        owned.Add(gpio);
        return new EmergencyStopLine(gpio, 0, config.HealthyHigh);
    }
}
