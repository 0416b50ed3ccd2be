using System.CommandLine;
using Controller.Cli.EtherCat;
using Controller.Hardware.Simulation.EtherCat;
using Controller.Hardware.Transports.Ethernet;

namespace Controller.Cli.Commands;

/// <summary>
/// <c>robotctl sim ethercat --if IF --slaves ek1100,el2004,...</c>: simulated slaves (real SII images) answering
/// EtherCAT frames on a network interface until stopped, so any master (ours, SOEM, ethercrab, TwinCAT) can be
/// pointed at the other end of a veth pair.
/// </summary>
public static class SimEtherCatCommand
{
    /// <summary>Builds the <c>sim ethercat</c> command.</summary>
    public static Command Create()
    {
        var iface = new Option<string>("--if") { Description = "Interface the slaves answer on (raw socket, needs root), e.g. one end of a veth pair.", Required = true };
        var netns = new Option<string?>("--netns") { Description = "Open the interface inside this network namespace." };
        var slaves = new Option<string[]>("--slaves")
        {
            Description = $"Slaves in wiring order, comma separated ({string.Join(", ", SimulatedSlaveCatalog.Names)}).",
            DefaultValueFactory = _ => ["ek1100", "el2004", "el2004"],
            CustomParser = r => SimCommand.ParseList(r, "--slaves", s => s.ToLowerInvariant()),
        };
        slaves.Validators.Add(r =>
        {
            var v = r.GetValueOrDefault<string[]>() ?? [];
            if (v.Length == 0) r.AddError("--slaves needs at least one slave.");
            foreach (string name in v)
                if (!SimulatedSlaveCatalog.Names.Contains(name)) r.AddError($"--slaves: '{name}' is unknown; known: {string.Join(", ", SimulatedSlaveCatalog.Names)}.");
        });
        var seconds = new Option<double?>("--seconds") { Description = "Stop after this many seconds (default: until SIGINT/SIGTERM)." };
        seconds.Validators.Add(r =>
        {
            double? v = r.GetValueOrDefault<double?>();
            if (v is { } s && !(s > 0 && s <= 31_536_000)) r.AddError($"--seconds must be greater than 0 and at most 31536000; it is {s}.");
        });
        var command = new Command("ethercat", "Simulated EtherCAT slaves (real SII images, DC, CoE) on a network interface.") { iface, netns, slaves, seconds };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            string[] names = parse.GetValue(slaves)!;
            RawEthernetSocket socket;
            try
            {
                socket = RawEthernetSocket.Open(parse.GetValue(iface)!, networkNamespace: parse.GetValue(netns));
            }
            catch (Exception e) when (e is IOException or PlatformNotSupportedException)
            {
                parse.InvocationConfiguration.Error.WriteLine($"sim ethercat: {e.Message}");
                return 1;
            }
            using (socket)
            {
                var segment = new SimulatedSegment(names.Select(SimulatedSlaveCatalog.Create));
                using (segment.Serve(socket))
                {
                    output.WriteLine($"listening on {socket.InterfaceName}");
                    output.WriteLine($"ethercat slaves: {string.Join(", ", segment.Slaves.Select((s, i) => $"{i}:{s.Sii.General?.OrderNumber}"))}; Ctrl+C to stop");
                    output.Flush();
                    string reason = RunUntilStopped.Wait(parse.GetValue(seconds));
                    output.WriteLine($"stopped ({reason}): {segment.FramesProcessed} frames answered");
                }
            }
            return 0;
        });
        return command;
    }
}
