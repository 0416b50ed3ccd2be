using Controller.Hardware.Devices.ForceTorque;
using Controller.Hardware.Protocols.Ati;

namespace Controller.Hardware.Devices.Ati;

/// <summary>Configuration of one ATI Net F/T (or another RDT-speaking ATI box: Axia80, Ethernet Axia).</summary>
public sealed record NetFtOptions
{
    /// <summary>Name for messages and telemetry.</summary>
    public string Name { get; init; } = "netft";

    /// <summary>The Net F/T's address (its factory default is 192.168.1.1).</summary>
    public string Host { get; init; } = "192.168.1.1";

    /// <summary>RDT UDP port.</summary>
    public int Port { get; init; } = Rdt.Port;

    /// <summary>
    /// Counts per newton. The real value is the sensor's calibration: the Net F/T web page (Configuration → counts per
    /// force) or its calibration XML (<c>netftapi2.xml</c>, <c>cfgcpf</c>). 1 000 000 is ATI's default for many
    /// calibrations, but check yours: a wrong value scales every force.
    /// </summary>
    public double CountsPerForce { get; init; } = 1_000_000;

    /// <summary>Counts per newton-metre (web page "counts per torque", XML <c>cfgcpt</c>); see <see cref="CountsPerForce"/>.</summary>
    public double CountsPerTorque { get; init; } = 1_000_000;

    /// <summary>Silence after which a cycle reports <see cref="BusStatus.Timeout"/>.</summary>
    public TimeSpan StreamTimeout { get; init; } = TimeSpan.FromMilliseconds(20);

    /// <summary>Silence after which a cycle reports <see cref="BusStatus.DeviceLost"/>.</summary>
    public TimeSpan LostAfter { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The RDT output rate configured on the Net F/T (its web page; used for filter design only).</summary>
    public double SampleRateHz { get; init; } = 1000;

    /// <summary>The calibration's rated range (web page / calibration certificate).</summary>
    public ForceTorqueRange RatedRange { get; init; } = ForceTorqueRange.Symmetric(580, 20);

    /// <summary>Throws on a bad value, naming it and the allowed range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value out of range.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Host)) throw new ArgumentOutOfRangeException(nameof(Host), Host, $"netft '{Name}': a host is required.");
        if (Port is < 1 or > 65535) throw new ArgumentOutOfRangeException(nameof(Port), Port, $"netft '{Name}': port must be in [1, 65535].");
        if (!(CountsPerForce > 0) || double.IsInfinity(CountsPerForce))
            throw new ArgumentOutOfRangeException(nameof(CountsPerForce), CountsPerForce, $"netft '{Name}': counts per force must be finite and > 0.");
        if (!(CountsPerTorque > 0) || double.IsInfinity(CountsPerTorque))
            throw new ArgumentOutOfRangeException(nameof(CountsPerTorque), CountsPerTorque, $"netft '{Name}': counts per torque must be finite and > 0.");
        if (StreamTimeout <= TimeSpan.Zero || LostAfter < StreamTimeout)
            throw new ArgumentOutOfRangeException(nameof(LostAfter), LostAfter, $"netft '{Name}': need 0 < StreamTimeout ({StreamTimeout}) ≤ LostAfter.");
        if (!(SampleRateHz is > 0 and <= 10_000))
            throw new ArgumentOutOfRangeException(nameof(SampleRateHz), SampleRateHz, $"netft '{Name}': sample rate must be in (0, 10000] Hz.");
        RatedRange.Validate(Name);
    }
}
