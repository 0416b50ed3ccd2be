using Controller.Hardware.Devices.ForceTorque;
using Controller.Hardware.Protocols.Robotiq;

namespace Controller.Hardware.Devices.Robotiq;

/// <summary>Configuration of one Robotiq FT 300 on a serial line (RS-485 through Robotiq's USB adapter).</summary>
public sealed record Ft300Options
{
    /// <summary>Name for messages and telemetry.</summary>
    public string Name { get; init; } = "ft300";

    /// <summary>Serial device, e.g. <c>/dev/ttyUSB0</c> (or a twin's <c>/dev/pts/N</c>); needed when the driver opens its own port.</summary>
    public string? PortName { get; init; }

    /// <summary>Line speed (the sensor's is fixed at 19 200).</summary>
    public int BaudRate { get; init; } = Ft300Registers.BaudRate;

    /// <summary>Modbus slave address (the sensor's is 9).</summary>
    public byte SlaveId { get; init; } = Ft300Registers.SlaveId;

    /// <summary>How long a configuration transaction waits for its reply.</summary>
    public TimeSpan ModbusReplyTimeout { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Silence after which a cycle reports <see cref="BusStatus.Timeout"/> (the stream is 100 Hz: 5 frames missed).</summary>
    public TimeSpan StreamTimeout { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Silence after which a cycle reports <see cref="BusStatus.DeviceLost"/>.</summary>
    public TimeSpan LostAfter { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The rated range used for saturation flags.</summary>
    public ForceTorqueRange RatedRange { get; init; } = ForceTorqueRange.RobotiqFt300;

    /// <summary>Throws on a bad value, naming it and the allowed range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value out of range.</exception>
    public void Validate()
    {
        if (BaudRate is < 1200 or > 10_000_000)
            throw new ArgumentOutOfRangeException(nameof(BaudRate), BaudRate, $"ft300 '{Name}': baud rate must be in [1200, 10000000] (the sensor uses 19200).");
        if (SlaveId is 0 or > 247)
            throw new ArgumentOutOfRangeException(nameof(SlaveId), SlaveId, $"ft300 '{Name}': slave id must be in [1, 247] (the sensor uses 9).");
        if (ModbusReplyTimeout <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(ModbusReplyTimeout), ModbusReplyTimeout, $"ft300 '{Name}': reply timeout must be > 0.");
        if (StreamTimeout <= TimeSpan.Zero || LostAfter < StreamTimeout)
            throw new ArgumentOutOfRangeException(nameof(LostAfter), LostAfter, $"ft300 '{Name}': need 0 < StreamTimeout ({StreamTimeout}) ≤ LostAfter.");
        RatedRange.Validate(Name);
    }
}
