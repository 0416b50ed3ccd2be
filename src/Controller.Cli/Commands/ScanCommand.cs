using System.CommandLine;
using System.Globalization;
using System.Net.Sockets;
using System.Text.Json;
using Controller.Hardware.Protocols.Ati;
using Controller.Hardware.Protocols.Dynamixel;
using Controller.Hardware.Transports.Serial;

namespace Controller.Cli.Commands;

/// <summary>
/// <c>robotctl scan serial|netft</c>: find the devices behind a serial port (Dynamixel Protocol 2.0 servos at each
/// baud rate tried) or check that an ATI Net F/T answers RDT.
/// </summary>
public static class ScanCommand
{
    /// <summary>Baud rates tried when none is given: the Dynamixel factory default first, then the usual fast ones.</summary>
    public static readonly IReadOnlyList<int> DefaultBaudRates = [57600, 1_000_000, 115200, 2_000_000, 3_000_000, 4_000_000];

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>Builds the <c>scan</c> command and its subcommands.</summary>
    public static Command Create()
    {
        var scan = new Command("scan", "Find devices: servos on a serial port, a force/torque sensor on the network.");
        scan.Add(CreateSerial());
        scan.Add(CreateNetFt());
        scan.Add(ScanCanCommand.Create());
        return scan;
    }

    private static Command CreateSerial()
    {
        var port = new Option<string>("--port") { Description = "Serial device, e.g. /dev/ttyUSB0 or a twin's /dev/pts/N.", Required = true };
        var protocol = new Option<string>("--protocol") { Description = "Servo protocol: dynamixel (Protocol 2.0) or feetech.", DefaultValueFactory = _ => "dynamixel" };
        protocol.AcceptOnlyFromAmong("dynamixel", "feetech");
        var baud = new Option<int[]>("--baud")
        {
            Description = $"Baud rates to try, comma separated or repeated (default: {string.Join(", ", DefaultBaudRates)}).",
            AllowMultipleArgumentsPerToken = true,
            CustomParser = r => SimCommand.ParseList(r, "--baud", s => int.Parse(s, CultureInfo.InvariantCulture)),
        };
        baud.Validators.Add(r =>
        {
            foreach (int v in r.GetValueOrDefault<int[]>() ?? [])
                if (v is < 1200 or > 10_000_000) r.AddError($"--baud {v} is out of range; allowed 1200..10000000.");
        });
        var pingEach = new Option<bool>("--ping-each") { Description = "Also ping every ID 0..252 one by one (slow; for buses where broadcast replies collide)." };
        var timeoutMs = new Option<int>("--timeout-ms") { Description = "Quiet time that ends a broadcast ping or a single ping (ms).", DefaultValueFactory = _ => 100 };
        timeoutMs.Validators.Add(r =>
        {
            int v = r.GetValueOrDefault<int>();
            if (v is < 1 or > 10_000) r.AddError($"--timeout-ms must be between 1 and 10000; it is {v}.");
        });
        var json = new Option<bool>("--json") { Description = "Print the servos found as JSON." };
        var command = new Command("serial", "Ping every servo ID at each baud rate and list ID, model, firmware and baud.") { port, protocol, baud, pingEach, timeoutMs, json };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            string device = parse.GetValue(port)!;
            if (parse.GetValue(protocol) == "feetech")
                return FeetechBusScanner.Run(device, parse.GetValue(baud), TimeSpan.FromMilliseconds(parse.GetValue(timeoutMs)), parse.GetValue(pingEach), parse.GetValue(json), output, error);

            int[] bauds = parse.GetValue(baud) is { Length: > 0 } given ? given : DefaultBaudRates.ToArray();
            var gap = TimeSpan.FromMilliseconds(parse.GetValue(timeoutMs));
            bool asJson = parse.GetValue(json);
            var found = new List<FoundServo>();
            foreach (int rate in bauds)
            {
                try
                {
                    using var link = SerialTransport.Open(device, rate);
                    var scanner = new DynamixelBusScanner(link, gap);
                    var atRate = scanner.BroadcastPing().ToDictionary(s => s.Id);
                    if (parse.GetValue(pingEach))
                    {
                        for (int id = 0; id <= DynamixelPacket.MaxDeviceId; id++)
                            if (!atRate.ContainsKey((byte)id) && scanner.Ping((byte)id) is { } servo) atRate[servo.Id] = servo;
                    }
                    if (!asJson) output.WriteLine($"{device} at {rate} baud: {atRate.Count} servo(s)");
                    found.AddRange(atRate.Values.OrderBy(s => s.Id));
                }
                catch (Exception e) when (e is IOException or PlatformNotSupportedException or UnauthorizedAccessException)
                {
                    error.WriteLine($"scan serial: {e.Message}");
                    return 1;
                }
            }

            if (asJson)
            {
                output.WriteLine(JsonSerializer.Serialize(new { port = device, protocol = "dynamixel-2.0", servos = found }, JsonOptions));
            }
            else if (found.Count > 0)
            {
                output.WriteLine();
                WriteTable(found, output);
            }
            if (found.Count == 0)
            {
                error.WriteLine($"scan serial: no Dynamixel Protocol 2.0 servo answered on {device} at {string.Join(", ", bauds)} baud (check power, wiring, and the adapter's direction control).");
                return 1;
            }
            return 0;
        });
        return command;
    }

    private static void WriteTable(IReadOnlyList<FoundServo> servos, TextWriter output)
    {
        string[] header = ["ID", "MODEL", "NAME", "FIRMWARE", "BAUD", "ALERT"];
        var rows = servos.Select(s => new[]
        {
            s.Id.ToString(CultureInfo.InvariantCulture),
            s.ModelNumber.ToString(CultureInfo.InvariantCulture),
            s.ModelName ?? "unknown",
            s.Firmware.ToString(CultureInfo.InvariantCulture),
            s.BaudRate.ToString(CultureInfo.InvariantCulture),
            s.HardwareAlert ? "hardware error" : "-",
        }).ToList();
        int[] widths = Enumerable.Range(0, header.Length).Select(c => rows.Append(header).Max(r => r[c].Length)).ToArray();
        foreach (var row in rows.Prepend(header))
            output.WriteLine(string.Join("  ", row.Select((cell, c) => cell.PadRight(widths[c]))).TrimEnd());
    }

    private static Command CreateNetFt()
    {
        var host = new Option<string>("--host") { Description = "The Net F/T's address (factory default 192.168.1.1).", Required = true };
        var port = new Option<int>("--port") { Description = "RDT UDP port.", DefaultValueFactory = _ => Rdt.Port };
        port.Validators.Add(r =>
        {
            int v = r.GetValueOrDefault<int>();
            if (v is < 1 or > 65535) r.AddError($"--port must be between 1 and 65535; it is {v}.");
        });
        var countsPerForce = new Option<double>("--counts-per-force") { Description = "Counts per N (the sensor's calibration; the web page shows it).", DefaultValueFactory = _ => 1_000_000 };
        var countsPerTorque = new Option<double>("--counts-per-torque") { Description = "Counts per N·m.", DefaultValueFactory = _ => 1_000_000 };
        foreach (var counts in new[] { countsPerForce, countsPerTorque })
        {
            counts.Validators.Add(r =>
            {
                double v = r.GetValueOrDefault<double>();
                if (!(v > 0)) r.AddError($"{r.Option.Name} must be greater than 0; it is {v}.");
            });
        }
        var timeoutMs = new Option<int>("--timeout-ms") { Description = "How long to wait for the record (ms).", DefaultValueFactory = _ => 1000 };
        timeoutMs.Validators.Add(r =>
        {
            int v = r.GetValueOrDefault<int>();
            if (v is < 1 or > 60_000) r.AddError($"--timeout-ms must be between 1 and 60000; it is {v}.");
        });
        var json = new Option<bool>("--json") { Description = "Print the record as JSON." };
        var command = new Command("netft", "Send one RDT request to an ATI Net F/T and print the first record.") { host, port, countsPerForce, countsPerTorque, timeoutMs, json };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            string address = parse.GetValue(host)!;
            int udpPort = parse.GetValue(port);
            int waitMs = parse.GetValue(timeoutMs);
            RdtRecord? answer;
            try
            {
                answer = NetFtProbe.RequestOne(address, udpPort, TimeSpan.FromMilliseconds(waitMs));
            }
            catch (SocketException e)
            {
                parse.InvocationConfiguration.Error.WriteLine($"scan netft: cannot reach {address}:{udpPort}: {e.Message}");
                return 1;
            }
            if (answer is not { } r)
            {
                parse.InvocationConfiguration.Error.WriteLine($"scan netft: no RDT record from {address}:{udpPort} within {waitMs} ms (is RDT enabled, and the address right?).");
                return 1;
            }

            double f = parse.GetValue(countsPerForce), t = parse.GetValue(countsPerTorque);
            double[] forceN = [r.ForceX / f, r.ForceY / f, r.ForceZ / f];
            double[] torqueNm = [r.TorqueX / t, r.TorqueY / t, r.TorqueZ / t];
            if (parse.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(new
                {
                    host = address, port = udpPort, rdt_sequence = r.RdtSequence, ft_sequence = r.FtSequence, status = r.Status, error = r.HasError,
                    force_n = forceN, torque_nm = torqueNm, counts = new[] { r.ForceX, r.ForceY, r.ForceZ, r.TorqueX, r.TorqueY, r.TorqueZ },
                }, JsonOptions));
                return 0;
            }
            output.WriteLine($"netft {address}:{udpPort}: rdt_sequence {r.RdtSequence}, ft_sequence {r.FtSequence}, status 0x{r.Status:X8}{(r.HasError ? " (ERROR)" : "")}");
            output.WriteLine(FormattableString.Invariant($"force  N:   Fx {forceN[0]:F4}  Fy {forceN[1]:F4}  Fz {forceN[2]:F4}"));
            output.WriteLine(FormattableString.Invariant($"torque N·m: Tx {torqueNm[0]:F4}  Ty {torqueNm[1]:F4}  Tz {torqueNm[2]:F4}"));
            output.WriteLine($"counts: {r.ForceX} {r.ForceY} {r.ForceZ} {r.TorqueX} {r.TorqueY} {r.TorqueZ} (at {f} counts/N, {t} counts/N·m)");
            return 0;
        });
        return command;
    }
}
