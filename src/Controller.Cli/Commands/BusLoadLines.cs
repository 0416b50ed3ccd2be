using Controller.Runtime.Configuration;

namespace Controller.Cli.Commands;

/// <summary>The bus-load lines <c>robotctl run</c> prints at start: each bus's wire time per loop cycle (<see cref="BusLoadCheck"/>).</summary>
public static class BusLoadLines
{
    /// <summary>Writes one line per bus of <paramref name="config"/>, prefixed with its level when it is not ok.</summary>
    public static void Write(RobotConfig config, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        foreach (BusLoad load in BusLoadCheck.Estimate(config))
        {
            string level = load.Level switch { BusLoadLevel.Ok => "", BusLoadLevel.Warning => "WARNING: ", _ => "ERROR: " };
            output.WriteLine($"  bus load: {level}{load.Message}");
        }
    }
}
