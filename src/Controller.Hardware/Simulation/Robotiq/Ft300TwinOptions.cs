namespace Controller.Hardware.Simulation.Robotiq;

/// <summary>How a simulated FT 300 behaves.</summary>
public sealed record Ft300TwinOptions
{
    /// <summary>Which of the plant's sensors it reads.</summary>
    public int Sensor { get; init; }

    /// <summary>Modbus slave address.</summary>
    public byte SlaveId { get; init; } = 9;

    /// <summary>Stream from power-up, as the real sensor does until a host stops it.</summary>
    public bool StreamOnStart { get; init; } = true;

    /// <summary>Stream rate (the real sensor: 100 Hz).</summary>
    public double StreamRateHz { get; init; } = 100;

    /// <summary>Consecutive 0xFF bytes that stop the stream (the host sends about 50).</summary>
    public int StopStreamRun { get; init; } = 16;

    /// <summary>Firmware version prefix and numbers reported in registers 500..502.</summary>
    public (string Prefix, byte Major, byte Minor, byte Build) Firmware { get; init; } = ("FTS", 1, 0, 3);

    /// <summary>Serial number reported in registers 510..513.</summary>
    public (string Prefix, uint Number) SerialNumber { get; init; } = ("SIM", 300);

    /// <summary>Production year in register 514.</summary>
    public ushort ProductionYear { get; init; } = 2024;
}
