using System.CommandLine;
using System.Globalization;
using Controller.Hardware.Devices.Feetech;
using Controller.Hardware.Protocols.Feetech;
using Controller.Hardware.Simulation;
using Controller.Hardware.Simulation.Feetech;

namespace Controller.Cli.Commands;

/// <summary>
/// <c>robotctl sim feetech</c>: a chain of simulated STS3215 servos on a new pseudo-terminal, each driving its own joint
/// of an <see cref="IndependentJointPlant"/>, answering the SCServo protocol until SIGINT/SIGTERM or <c>--seconds</c>.
/// With <c>--calibration</c> (a LeRobot calibration JSON) the servos are mounted as that arm's calibration describes.
/// </summary>
public static class FeetechSimCommand
{
    /// <summary>Builds the <c>feetech</c> subcommand of <c>sim</c>.</summary>
    public static Command Create()
    {
        var ids = new Option<byte[]>("--ids")
        {
            Description = "Servo IDs on the chain, comma separated (0..253); each drives its own plant joint (default 1..6, an SO-101).",
            DefaultValueFactory = _ => [1, 2, 3, 4, 5, 6],
            CustomParser = r => SimCommand.ParseList(r, "--ids", s => byte.Parse(s, CultureInfo.InvariantCulture)),
        };
        ids.Validators.Add(r =>
        {
            var v = r.GetValueOrDefault<byte[]>() ?? [];
            if (v.Length is 0 or > 64) r.AddError($"--ids needs 1 to 64 IDs; it has {v.Length}.");
            foreach (byte id in v)
                if (id > FeetechPacket.MaxDeviceId) r.AddError($"--ids: {id} is not a device ID; allowed 0..{FeetechPacket.MaxDeviceId}.");
            var duplicate = v.GroupBy(id => id).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null) r.AddError($"--ids: {duplicate.Key} appears twice.");
        });
        var baud = new Option<int>("--baud") { Description = "When > 0, hold each reply back by its wire time at this baud rate (0: answer at once).", DefaultValueFactory = _ => 0 };
        baud.Validators.Add(r =>
        {
            int v = r.GetValueOrDefault<int>();
            if (v != 0 && v is < 1200 or > 10_000_000) r.AddError($"--baud must be 0 or between 1200 and 10000000; it is {v}.");
        });
        var calibration = new Option<FileInfo?>("--calibration") { Description = "A LeRobot calibration JSON: the servos are mounted as it describes (ids from the file)." };
        var seconds = new Option<double?>("--seconds") { Description = "Stop after this many seconds (default: run until SIGINT/SIGTERM)." };
        seconds.Validators.Add(r =>
        {
            double? v = r.GetValueOrDefault<double?>();
            if (v is { } s && !(s > 0 && s <= 31_536_000)) r.AddError($"--seconds must be greater than 0 and at most 31536000; it is {s}.");
        });
        var command = new Command("feetech", "A chain of Feetech STS3215 servos (SCServo protocol, LeRobot's SO-101) on a new pseudo-terminal.") { ids, baud, calibration, seconds };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            FeetechTwinServo[] servos;
            if (parse.GetValue(calibration) is { } file)
            {
                try
                {
                    servos = FeetechCalibrationFile.Load(file.FullName)
                        .Select((m, joint) => new FeetechTwinServo((byte)m.Value.Id, joint, (int)Math.Round(m.Value.CenterStep) + m.Value.HomingOffset))
                        .ToArray();
                }
                catch (InvalidDataException e)
                {
                    error.WriteLine($"sim feetech: {e.Message}");
                    return 1;
                }
            }
            else
            {
                servos = parse.GetValue(ids)!.Select((id, joint) => new FeetechTwinServo(id, joint)).ToArray();
            }

            var plant = new IndependentJointPlant(servos.Length);
            var options = new FeetechTwinOptions { BaudRate = parse.GetValue(baud), StepPlant = plant.Step };
            FeetechChainTwin twin;
            try
            {
                twin = FeetechChainTwin.StartOnNewPseudoTerminal(plant, servos, options);
            }
            catch (Exception e) when (e is IOException or PlatformNotSupportedException)
            {
                error.WriteLine($"sim feetech: cannot create a pseudo-terminal: {e.Message}");
                return 1;
            }

            using (twin)
            {
                output.WriteLine($"listening on {twin.PortPath}");
                output.WriteLine($"feetech chain: STS3215 (model {StsControlTable.Sts3215ModelNumber}) ids {string.Join(",", servos.Select(s => s.Id))}; SCServo protocol, any baud; Ctrl+C to stop");
                output.Flush();
                string reason = RunUntilStopped.Wait(parse.GetValue(seconds));
                output.WriteLine($"stopped ({reason}): {twin.InstructionsReceived} instructions received, {twin.CorruptInstructions} with a bad checksum");
            }
            return 0;
        });
        return command;
    }
}
