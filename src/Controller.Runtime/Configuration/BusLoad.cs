namespace Controller.Runtime.Configuration;

/// <summary>One bus's estimated wire time per loop cycle (<see cref="BusLoadCheck"/>).</summary>
/// <param name="Bus">The bus's name.</param>
/// <param name="WireTimeUs">Time the bus's traffic of one cycle occupies the wire (µs), replies and delays included.</param>
/// <param name="PeriodUs">The loop period (µs).</param>
/// <param name="Level">How the two compare.</param>
/// <param name="Breakdown">What was counted (packet bytes or frame bits, rate, delays), for the start line and the message.</param>
/// <param name="Message">One line: the figure, the period and, above the warning fraction, the fix.</param>
public sealed record BusLoad(string Bus, double WireTimeUs, double PeriodUs, BusLoadLevel Level, string Breakdown, string Message)
{
    /// <summary>Wire time as a fraction of the period.</summary>
    public double Fraction => WireTimeUs / PeriodUs;
}
