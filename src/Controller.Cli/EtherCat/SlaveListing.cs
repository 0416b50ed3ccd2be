using Controller.Hardware.Devices.EtherCat;
using Controller.Hardware.Protocols.EtherCat.Esc;

namespace Controller.Cli.EtherCat;

/// <summary><c>robotctl ethercat slaves</c>: discovery, DC delay measurement, then one block per slave like SOEM's slaveinfo.</summary>
public static class SlaveListing
{
    /// <summary>Discovers the segment behind <paramref name="endpoint"/> and writes the listing; returns the slave count.</summary>
    /// <exception cref="EtherCatException">Discovery failed (the message names the slave and step).</exception>
    public static int Write(EtherCatEndpoint endpoint, TextWriter output)
    {
        var slaves = EtherCatDiscovery.Discover(endpoint.Port);
        output.WriteLine($"{slaves.Count} slaves found on {endpoint.Description}");
        DcTopology? dc = null;
        string? dcProblem = null;
        try
        {
            dc = DistributedClocks.Initialise(endpoint.Port, slaves);
        }
        catch (EtherCatException e)
        {
            dcProblem = e.Message;
        }
        foreach (var slave in slaves)
        {
            output.WriteLine();
            output.WriteLine($"Slave:{slave.Position}");
            output.WriteLine($" Configured address: {slave.StationAddress:x4}");
            output.WriteLine($" State: {slave.AlStatus}");
            var clock = dc?.Slaves[slave.Position];
            if (clock is null)
                output.WriteLine($" DC: not measured ({dcProblem})");
            else
            {
                output.WriteLine($" Has DC: {(clock.HasDistributedClock ? 1 : 0)}{(clock.StationAddress == dc!.ReferenceStation ? " (reference clock)" : "")}");
                output.WriteLine($" Delay: {(clock.PropagationDelayNs is long d ? $"{d}[ns]" : "-")}  loop: {clock.LoopTimeNs}[ns]  downstream port: {(clock.DownstreamPort is int p ? p.ToString() : "none (end of line)")}");
            }
            SiiListing.Write(slave.Sii, output);
        }
        return slaves.Count;
    }
}
