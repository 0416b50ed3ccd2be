using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Controller.Hardware.Protocols.Dynamixel;
using Controller.Hardware.Simulation;
using Controller.Hardware.Simulation.Ati;
using Controller.Hardware.Simulation.Dynamixel;
using Controller.Hardware.Simulation.Robotiq;

namespace Controller.Cli.Commands;

/// <summary>
/// <c>robotctl sim dynamixel|feetech|ft300|netft|cia402|mit|ethercat</c>: starts one device twin alone, on an
/// <see cref="IndependentJointPlant"/>, prints <c>listening on &lt;pty path or UDP endpoint&gt;</c> and answers the real
/// wire protocol until SIGINT/SIGTERM or <c>--seconds</c>, so vendor tools, scripts and <c>robotctl scan</c> can talk to it.
/// </summary>
public static class SimCommand
{
    /// <summary>Builds the <c>sim</c> command and its subcommands.</summary>
    public static Command Create()
    {
        var sim = new Command("sim", "Run one device twin on its own (real bytes on a pseudo-terminal or UDP) until stopped.");
        sim.Add(CreateDynamixel());
        sim.Add(CreateFt300());
        sim.Add(CreateNetFt());
        sim.Add(SimEtherCatCommand.Create());
        sim.Add(FeetechSimCommand.Create());
        sim.Add(SimCanCommands.CreateCia402());
        sim.Add(SimCanCommands.CreateMit());
        return sim;
    }

    private static Option<double?> SecondsOption()
    {
        var seconds = new Option<double?>("--seconds") { Description = "Stop after this many seconds (default: run until SIGINT/SIGTERM)." };
        seconds.Validators.Add(r =>
        {
            double? v = r.GetValueOrDefault<double?>();
            if (v is { } s && !(s > 0 && s <= 31_536_000)) r.AddError($"--seconds must be greater than 0 and at most 31536000; it is {s}.");
        });
        return seconds;
    }

    private static Option<double[]> WrenchOption()
    {
        var wrench = new Option<double[]>("--wrench")
        {
            Description = "What the sensor measures: Fx,Fy,Fz (N),Tx,Ty,Tz (N·m); default all zero.",
            CustomParser = r => ParseList(r, "--wrench", s => double.Parse(s, CultureInfo.InvariantCulture)),
        };
        wrench.Validators.Add(r =>
        {
            var v = r.GetValueOrDefault<double[]>();
            if (v is not null && v.Length != 6) r.AddError($"--wrench needs 6 comma-separated values (Fx,Fy,Fz,Tx,Ty,Tz); it has {v.Length}.");
        });
        return wrench;
    }

    private static Command CreateDynamixel()
    {
        var ids = new Option<byte[]>("--ids")
        {
            Description = "Servo IDs on the chain, comma separated (0..252); each drives its own plant joint.",
            DefaultValueFactory = _ => [1],
            CustomParser = r => ParseList(r, "--ids", s => byte.Parse(s, CultureInfo.InvariantCulture)),
        };
        ids.Validators.Add(r =>
        {
            var v = r.GetValueOrDefault<byte[]>() ?? [];
            if (v.Length == 0) r.AddError("--ids needs at least one ID.");
            foreach (byte id in v)
                if (!DynamixelPacket.IsDeviceId(id)) r.AddError($"--ids: {id} is not a device ID; allowed 0..{DynamixelPacket.MaxDeviceId}.");
            var duplicate = v.GroupBy(id => id).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null) r.AddError($"--ids: {duplicate.Key} appears twice.");
        });
        var model = new Option<string>("--model")
        {
            Description = $"Servo model ({string.Join(", ", DynamixelModels.All.Select(m => m.Name))}).",
            DefaultValueFactory = _ => DynamixelModels.XM430W350.Name,
        };
        model.Validators.Add(r =>
        {
            string name = r.GetValueOrDefault<string>() ?? "";
            if (!DynamixelModels.All.Any(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase)))
                r.AddError($"--model '{name}' is unknown; known: {string.Join(", ", DynamixelModels.All.Select(m => m.Name))}.");
        });
        var baud = new Option<int>("--baud") { Description = "When > 0, hold each reply back by its wire time at this baud rate (0: answer at once).", DefaultValueFactory = _ => 0 };
        baud.Validators.Add(r =>
        {
            int v = r.GetValueOrDefault<int>();
            if (v != 0 && v is < 1200 or > 10_000_000) r.AddError($"--baud must be 0 or between 1200 and 10000000; it is {v}.");
        });
        var seconds = SecondsOption();
        var command = new Command("dynamixel", "A chain of Dynamixel X-series servos (Protocol 2.0) on a new pseudo-terminal.") { ids, model, baud, seconds };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            byte[] servoIds = parse.GetValue(ids)!;
            var servoModel = DynamixelModels.ByName(parse.GetValue(model)!);
            var plant = new IndependentJointPlant(servoIds.Length);
            var servos = servoIds.Select((id, joint) => new DynamixelTwinServo(id, servoModel, joint)).ToArray();
            var options = new DynamixelTwinOptions { BaudRate = parse.GetValue(baud), StepPlant = plant.Step };
            if (!TryStart(() => DynamixelChainTwin.StartOnNewPseudoTerminal(plant, servos, options), "sim dynamixel", parse.InvocationConfiguration.Error, out var started)) return 1;
            using var twin = started;
            output.WriteLine($"listening on {twin.PortPath}");
            output.WriteLine($"dynamixel chain: {servoModel.Name} (model {servoModel.ModelNumber}) ids {string.Join(",", servoIds)}; Protocol 2.0, any baud; Ctrl+C to stop");
            output.Flush();
            string reason = RunUntilStopped.Wait(parse.GetValue(seconds));
            output.WriteLine($"stopped ({reason}): {twin.InstructionsReceived} instructions answered, {twin.CorruptInstructions} with a bad CRC");
            return 0;
        });
        return command;
    }

    private static Command CreateFt300()
    {
        var wrench = WrenchOption();
        var seconds = SecondsOption();
        var command = new Command("ft300", "A Robotiq FT 300 force/torque sensor (Modbus RTU and 100 Hz stream) on a new pseudo-terminal.") { wrench, seconds };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var plant = SensorPlant(parse.GetValue(wrench));
            if (!TryStart(() => Ft300Twin.StartOnNewPseudoTerminal(plant, new Ft300TwinOptions { Sensor = 0 }), "sim ft300", parse.InvocationConfiguration.Error, out var started)) return 1;
            using var twin = started;
            output.WriteLine($"listening on {twin.PortPath}");
            output.WriteLine("ft300: Modbus slave 9, streaming at 100 Hz from start (send about 50 bytes 0xFF to stop it); Ctrl+C to stop");
            output.Flush();
            string reason = RunUntilStopped.Wait(parse.GetValue(seconds));
            output.WriteLine($"stopped ({reason}): {twin.FramesSent} stream frames, {twin.RequestsAnswered} Modbus requests answered");
            return 0;
        });
        return command;
    }

    private static Command CreateNetFt()
    {
        var port = new Option<int>("--port") { Description = "UDP port on 127.0.0.1 (0: a free one; the real box uses 49152).", DefaultValueFactory = _ => 0 };
        port.Validators.Add(r =>
        {
            int v = r.GetValueOrDefault<int>();
            if (v is < 0 or > 65535) r.AddError($"--port must be between 0 and 65535; it is {v}.");
        });
        var wrench = WrenchOption();
        var seconds = SecondsOption();
        var command = new Command("netft", "An ATI Net F/T answering RDT over UDP on 127.0.0.1.") { port, wrench, seconds };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var plant = SensorPlant(parse.GetValue(wrench));
            NetFtTwin twin;
            try
            {
                twin = NetFtTwin.StartNew(plant, new NetFtTwinOptions { Sensor = 0, Port = parse.GetValue(port) });
            }
            catch (System.Net.Sockets.SocketException e)
            {
                parse.InvocationConfiguration.Error.WriteLine($"sim netft: cannot listen on UDP 127.0.0.1:{parse.GetValue(port)}: {e.Message}");
                return 1;
            }

            using (twin)
            {
                output.WriteLine($"listening on 127.0.0.1:{twin.Port}");
                output.WriteLine("netft: RDT over UDP, 1000 records/s while streaming, 1000000 counts per N and per N·m; Ctrl+C to stop");
                output.Flush();
                string reason = RunUntilStopped.Wait(parse.GetValue(seconds));
                output.WriteLine($"stopped ({reason}): {twin.RecordsSent} records sent");
            }
            return 0;
        });
        return command;
    }

    /// <summary>Starts a pseudo-terminal twin, turning "no pty on this system" into a message rather than a stack trace.</summary>
    private static bool TryStart<T>(Func<T> start, string command, TextWriter error, out T twin)
        where T : class
    {
        try
        {
            twin = start();
            return true;
        }
        catch (Exception e) when (e is IOException or PlatformNotSupportedException)
        {
            error.WriteLine($"{command}: cannot create a pseudo-terminal: {e.Message}");
            twin = null!;
            return false;
        }
    }

    private static IndependentJointPlant SensorPlant(double[]? wrench)
    {
        var plant = new IndependentJointPlant(jointCount: 0, sensorCount: 1);
        if (wrench is { Length: 6 } w) plant.SetSensorWrench(0, new SensorWrench(w[0], w[1], w[2], w[3], w[4], w[5]));
        return plant;
    }

    /// <summary>Parses "1,2,3" (or repeated tokens) into values, reporting the offending item instead of throwing.</summary>
    internal static T[] ParseList<T>(ArgumentResult result, string name, Func<string, T> parse)
    {
        var values = new List<T>();
        foreach (var token in result.Tokens)
        {
            foreach (string item in token.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                try
                {
                    values.Add(parse(item));
                }
                catch (Exception e) when (e is FormatException or OverflowException)
                {
                    result.AddError($"{name}: '{item}' is not a valid {typeof(T).Name} value.");
                    return [];
                }
            }
        }
        return values.ToArray();
    }
}
