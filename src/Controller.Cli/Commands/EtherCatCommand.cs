using System.CommandLine;
using Controller.Cli.EtherCat;
using Controller.Hardware.Devices.EtherCat;
using Controller.Hardware.Protocols.EtherCat.Esc;
using Controller.Hardware.Protocols.EtherCat.Sii;

namespace Controller.Cli.Commands;

/// <summary>
/// <c>robotctl ethercat slaves|sdo|eeprom</c>: our EtherCAT master as a tool. <c>--if</c> names a network interface
/// (raw socket, needs root) or <c>sim:ek1100,el2004,...</c> for simulated slaves in this process.
/// </summary>
public static class EtherCatCommand
{
    /// <summary>Builds the <c>ethercat</c> command and its subcommands.</summary>
    public static Command Create()
    {
        var ethercat = new Command("ethercat", "EtherCAT master tools: list slaves, SDO read/write, SII EEPROM dump/decode.");
        ethercat.Add(CreateSlaves());
        ethercat.Add(CreateSdo());
        ethercat.Add(CreateEeprom());
        return ethercat;
    }

    private static Option<string> InterfaceOption() => new("--if")
    {
        Description = $"Network interface the EtherCAT segment is on (raw socket: root), or '{EtherCatEndpoint.SimulatedPrefix}ek1100,el2004' for simulated slaves in this process.",
        Required = true,
    };

    private static Option<string?> NamespaceOption() => new("--netns") { Description = "Open the interface inside this network namespace (as `ip netns` names it)." };

    private static Option<int> SlaveOption()
    {
        var slave = new Option<int>("--slave") { Description = "Slave position in the line, 0 = first after the master.", Required = true };
        slave.Validators.Add(r =>
        {
            int v = r.GetValueOrDefault<int>();
            if (v is < 0 or > 65534) r.AddError($"--slave must be a position 0..65534; it is {v}.");
        });
        return slave;
    }

    private static Option<string?> TypeOption()
    {
        var type = new Option<string?>("--type") { Description = $"Value type ({string.Join(", ", SdoValue.Types)}); read default: hex with a guess." };
        type.Validators.Add(r =>
        {
            string? v = r.GetValueOrDefault<string?>();
            if (v is not null && !SdoValue.Types.Contains(v)) r.AddError($"--type '{v}' is unknown; known: {string.Join(", ", SdoValue.Types)}.");
        });
        return type;
    }

    /// <summary>Opens the endpoint and runs <paramref name="body"/>, turning the expected failures into messages and exit 1.</summary>
    private static int Run(ParseResult parse, string name, Option<string> iface, Option<string?> netns, Func<EtherCatEndpoint, int> body)
    {
        var error = parse.InvocationConfiguration.Error;
        try
        {
            using var endpoint = EtherCatEndpoint.Open(parse.GetValue(iface)!, parse.GetValue(netns));
            return body(endpoint);
        }
        catch (Exception e) when (e is IOException or EtherCatException or ArgumentException or PlatformNotSupportedException or SiiFormatException)
        {
            error.WriteLine($"ethercat {name}: {e.Message}");
            return 1;
        }
    }

    private static Command CreateSlaves()
    {
        var iface = InterfaceOption();
        var netns = NamespaceOption();
        var command = new Command("slaves", "Discover the segment and list every slave: address, identity, names, AL state, SMs, FMMUs, PDOs, DC delay.") { iface, netns };
        command.SetAction(parse => Run(parse, "slaves", iface, netns, endpoint =>
        {
            int count = SlaveListing.Write(endpoint, parse.InvocationConfiguration.Output);
            return count > 0 ? 0 : 1;
        }));
        return command;
    }

    private static DiscoveredSlave Find(EtherCatEndpoint endpoint, int position)
    {
        var slaves = EtherCatDiscovery.Discover(endpoint.Port);
        if (position >= slaves.Count)
            throw new ArgumentException($"--slave {position} does not exist; the segment has {slaves.Count} slaves (positions 0..{slaves.Count - 1})");
        return slaves[position];
    }

    private static CoeMailboxClient OpenMailbox(EtherCatEndpoint endpoint, DiscoveredSlave slave)
    {
        if (!slave.Sii.Header.StandardMailbox.IsPresent || (slave.Sii.Header.MailboxProtocols & MailboxProtocols.CoE) == 0)
            throw new ArgumentException($"slave {slave.Position} ({slave.Sii.General?.OrderNumber}) has no CoE mailbox in its SII");
        var client = new CoeMailboxClient(endpoint.Port, slave.StationAddress, slave.Sii.Header.StandardMailbox);
        client.ConfigureSyncManagers();
        AlStateControl.RequestState(endpoint.Port, slave.StationAddress, AlState.PreOp);
        return client;
    }

    private static Command CreateSdo()
    {
        var sdo = new Command("sdo", "CoE SDO upload (read) and download (write) through the slave's mailbox (the slave is taken to PRE-OP).");
        var address = new Argument<string>("object") { Description = "Object as INDEX:SUBINDEX in hex, e.g. 0x1008:00." };
        address.Validators.Add(r =>
        {
            if (!SdoValue.TryParseAddress(r.GetValueOrDefault<string>() ?? "", out _, out _, out string problem)) r.AddError(problem + ".");
        });
        {
            var iface = InterfaceOption();
            var netns = NamespaceOption();
            var slave = SlaveOption();
            var type = TypeOption();
            var read = new Command("read", "Read an object.") { iface, netns, slave, type, address };
            read.SetAction(parse => Run(parse, "sdo read", iface, netns, endpoint =>
            {
                SdoValue.TryParseAddress(parse.GetValue(address)!, out ushort index, out byte sub, out _);
                var target = Find(endpoint, parse.GetValue(slave));
                byte[] data = OpenMailbox(endpoint, target).Upload(index, sub);
                parse.InvocationConfiguration.Output.WriteLine($"slave {target.Position} 0x{index:x4}:{sub:x2} = {SdoValue.Format(data, parse.GetValue(type))}");
                return 0;
            }));
            sdo.Add(read);
        }
        {
            var iface = InterfaceOption();
            var netns = NamespaceOption();
            var slave = SlaveOption();
            var type = TypeOption();
            var value = new Argument<string>("value") { Description = "Value to write, parsed as --type (default u32 for numbers, else hex)." };
            var write = new Command("write", "Write an object.") { iface, netns, slave, type, address, value };
            write.SetAction(parse => Run(parse, "sdo write", iface, netns, endpoint =>
            {
                SdoValue.TryParseAddress(parse.GetValue(address)!, out ushort index, out byte sub, out _);
                string text = parse.GetValue(value)!;
                byte[] data;
                try
                {
                    data = SdoValue.Encode(text, parse.GetValue(type) ?? "u32");
                }
                catch (FormatException e)
                {
                    throw new ArgumentException(e.Message);
                }
                var target = Find(endpoint, parse.GetValue(slave));
                OpenMailbox(endpoint, target).Download(index, sub, data);
                parse.InvocationConfiguration.Output.WriteLine($"slave {target.Position} 0x{index:x4}:{sub:x2} <- {Convert.ToHexString(data).ToLowerInvariant()} ({data.Length} bytes) ok");
                return 0;
            }));
            sdo.Add(write);
        }
        return sdo;
    }

    private static Command CreateEeprom()
    {
        var eeprom = new Command("eeprom", "SII EEPROM: dump a slave's image to a file, or decode an image file.");
        var iface = InterfaceOption();
        var netns = NamespaceOption();
        var slave = SlaveOption();
        var outFile = new Option<FileInfo>("--out") { Description = "File to write the image to (bytes up to and including the End category).", Required = true };
        var dump = new Command("dump", "Read one slave's SII EEPROM through its ESC and write it to a file.") { iface, netns, slave, outFile };
        dump.SetAction(parse => Run(parse, "eeprom dump", iface, netns, endpoint =>
        {
            var target = Find(endpoint, parse.GetValue(slave));
            byte[] image = SiiEepromReader.ReadImage(endpoint.Port, target.StationAddress);
            var file = parse.GetValue(outFile)!;
            file.Directory?.Create();
            File.WriteAllBytes(file.FullName, image);
            parse.InvocationConfiguration.Output.WriteLine($"slave {target.Position} ({target.Sii.General?.OrderNumber}): {image.Length} bytes written to {file.FullName}");
            return 0;
        }));
        eeprom.Add(dump);

        var inFile = new Argument<FileInfo>("file") { Description = "An SII image (binary, e.g. from eeprom dump or a vendor tool)." };
        var decode = new Command("decode", "Decode an SII image file: identity, names, mailbox, SMs, FMMUs, PDOs, DC modes, categories.") { inFile };
        decode.SetAction(parse =>
        {
            var file = parse.GetValue(inFile)!;
            try
            {
                var sii = SiiParser.Parse(File.ReadAllBytes(file.FullName));
                parse.InvocationConfiguration.Output.WriteLine($"{file.Name}:");
                SiiListing.Write(sii, parse.InvocationConfiguration.Output);
                return 0;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or SiiFormatException)
            {
                parse.InvocationConfiguration.Error.WriteLine($"ethercat eeprom decode: {file.FullName}: {e.Message}");
                return 1;
            }
        });
        eeprom.Add(decode);
        return eeprom;
    }
}
