namespace Controller.Hardware.Simulation.Ati;

/// <summary>How a simulated Net F/T behaves.</summary>
public sealed record NetFtTwinOptions
{
    /// <summary>Which of the plant's sensors it reads.</summary>
    public int Sensor { get; init; }

    /// <summary>UDP port on 127.0.0.1; 0 picks a free one (see <see cref="NetFtTwin.Port"/>). The real box uses 49152.</summary>
    public int Port { get; init; }

    /// <summary>Address to listen on.</summary>
    public string BindAddress { get; init; } = "127.0.0.1";

    /// <summary>RDT output rate (the real box: configurable up to 7 kHz).</summary>
    public double RateHz { get; init; } = 1000;

    /// <summary>Counts per newton the twin encodes with (must match the driver's configuration).</summary>
    public double CountsPerForce { get; init; } = 1_000_000;

    /// <summary>Counts per newton-metre the twin encodes with.</summary>
    public double CountsPerTorque { get; init; } = 1_000_000;
}
