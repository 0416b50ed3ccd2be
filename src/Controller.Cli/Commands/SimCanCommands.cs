using System.CommandLine;
using System.Globalization;
using Controller.Hardware.Protocols.Cia402;
using Controller.Hardware.Protocols.Mit;
using Controller.Hardware.Protocols.Slcan;
using Controller.Hardware.Simulation;
using Controller.Hardware.Simulation.Can;
using Controller.Hardware.Simulation.Cia402;
using Controller.Pipeline.Time;

namespace Controller.Cli.Commands;

/// <summary>
/// <c>robotctl sim cia402|mit</c>: CiA 402 drive twins or MIT-mode actuator twins on a virtual CAN bus, behind a
/// simulated SLCAN USB-CAN adapter on a new pseudo-terminal. Prints <c>listening on /dev/pts/N</c>; anything that
/// speaks SLCAN (this runtime's <c>SlcanChannel</c>, <c>robotctl scan can --slcan</c>, slcand, python-can) opens it.
/// Optionally injects one fault after a delay, to try a controller's safe reaction by hand.
/// </summary>
public static class SimCanCommands
{
    /// <summary>The scaling every CiA 402 twin uses (print it so a driver configuration can match).</summary>
    public static readonly Cia402Scaling Cia402Scaling = new(incrementsPerMotorRevolution: 131072, gearRatio: 10, ratedTorqueNm: 1.0);

    private static readonly string[] Cia402Faults = ["lost-heartbeat", "drive-fault", "no-reply", "bus-off"];
    private static readonly string[] MitFaults = ["drive-fault", "no-reply", "bus-off"];

    /// <summary>Builds <c>sim cia402</c>.</summary>
    public static Command CreateCia402()
    {
        var nodes = IdsOption("--nodes", "CANopen node-IDs of the drives, comma separated (1..127); each drives its own plant joint.");
        var heartbeat = new Option<int>("--heartbeat-ms") { Description = "Heartbeat period the drives start with (0x1017; 0: silent until a master sets it).", DefaultValueFactory = _ => 100 };
        heartbeat.Validators.Add(r =>
        {
            int v = r.GetValueOrDefault<int>();
            if (v is < 0 or > 65535) r.AddError($"--heartbeat-ms must be between 0 and 65535; it is {v}.");
        });
        var (dialect, inject, injectAfter, seconds) = CommonOptions(Cia402Faults);
        var command = new Command("cia402", "CiA 402 servo drive twins (CANopen: SDO, NMT, heartbeat, PDOs, EMCY) behind an SLCAN adapter on a new pseudo-terminal.")
            { nodes, heartbeat, dialect, inject, injectAfter, seconds };
        command.SetAction(parse =>
        {
            byte[] ids = parse.GetValue(nodes)!;
            return Run(parse, ids.Length, host =>
            {
                var options = new Cia402TwinOptions { HeartbeatPeriodMs = parse.GetValue(heartbeat), SerialNumber = 1000u };
                for (int i = 0; i < ids.Length; i++) host.AddCia402Drive(ids[i], i, Cia402Scaling, options with { SerialNumber = 1000u + ids[i] });
            }, parse.GetValue(dialect)!, parse.GetValue(inject), parse.GetValue(injectAfter), parse.GetValue(seconds), "sim cia402",
            $"cia402: drive twins at node-IDs {string.Join(",", ids)} (0x1000 = 0x00020192); scaling {Cia402Scaling.IncrementsPerMotorRevolution} increments/rev, gear {Cia402Scaling.GearRatio}, rated torque {Cia402Scaling.RatedTorqueNm} N·m");
        });
        return command;
    }

    /// <summary>Builds <c>sim mit</c>.</summary>
    public static Command CreateMit()
    {
        var ids = IdsOption("--ids", "Motor ids (the CAN id of commands), comma separated (1..127); each drives its own plant joint.");
        var model = new Option<string>("--model")
        {
            Description = $"Actuator model ({string.Join(", ", MitActuatorModel.All.Select(m => m.Name))}; the last word is enough).",
            DefaultValueFactory = _ => MitActuatorModel.CubeMarsAk80_9.Name,
        };
        model.Validators.Add(r =>
        {
            string name = r.GetValueOrDefault<string>() ?? "";
            if (FindModel(name) is null) r.AddError($"--model '{name}' is unknown; known: {string.Join(", ", MitActuatorModel.All.Select(m => m.Name))}.");
        });
        var (dialect, inject, injectAfter, seconds) = CommonOptions(MitFaults);
        var command = new Command("mit", "MIT-mode actuator twins (CubeMars AK, mini cheetah, Damiao DM) behind an SLCAN adapter on a new pseudo-terminal.")
            { ids, model, dialect, inject, injectAfter, seconds };
        command.SetAction(parse =>
        {
            byte[] motorIds = parse.GetValue(ids)!;
            var actuator = FindModel(parse.GetValue(model)!)!;
            return Run(parse, motorIds.Length, host =>
            {
                for (int i = 0; i < motorIds.Length; i++) host.AddMitActuator(motorIds[i], actuator, i);
            }, parse.GetValue(dialect)!, parse.GetValue(inject), parse.GetValue(injectAfter), parse.GetValue(seconds), "sim mit",
            $"mit: {actuator.Name} ({actuator.ReplyLayout} replies) at motor ids {string.Join(",", motorIds)}; p ±{actuator.PositionMaxRad} rad, v ±{actuator.VelocityMaxRadPerSec} rad/s, τ ±{actuator.TorqueMaxNm} N·m");
        });
        return command;
    }

    private static int Run(ParseResult parse, int joints, Action<CanTwinHost> addTwins, string dialectName, string? fault, double injectAfterSeconds,
        double? seconds, string commandName, string description)
    {
        var output = parse.InvocationConfiguration.Output;
        var dialect = Enum.Parse<SlcanDialect>(dialectName, ignoreCase: true);
        var plant = new IndependentJointPlant(joints);
        using var host = new CanTwinHost(plant, MonotonicClock.Instance, 1_000_000, plant.Step);
        addTwins(host);
        string path;
        try
        {
            path = host.ExposeOverNewPseudoTerminal(dialect);
        }
        catch (Exception e) when (e is IOException or PlatformNotSupportedException)
        {
            parse.InvocationConfiguration.Error.WriteLine($"{commandName}: cannot create a pseudo-terminal: {e.Message}");
            return 1;
        }
        host.Start();
        output.WriteLine($"listening on {path}");
        output.WriteLine(description);
        output.WriteLine($"SLCAN {dialect} dialect (S0..S8, O/L/C, V, F{(dialect == SlcanDialect.Lawicel ? ", Z0/Z1, z/Z acknowledgements" : ", no Z, no acknowledgements")}); Ctrl+C to stop");
        // A thread of its own rather than a pool timer: the injection must not wait behind a busy thread pool.
        using var cancel = new ManualResetEventSlim();
        var injector = fault is null ? null : new Thread(() =>
        {
            if (cancel.Wait(TimeSpan.FromSeconds(injectAfterSeconds))) return;
            SimCanFaults.Inject(host, fault);
            lock (output) output.WriteLine($"injected {fault} ({SimCanFaults.Describe(fault)})");
        }) { IsBackground = true, Name = "sim fault injection" };
        if (fault is not null) output.WriteLine($"will inject {fault} after {injectAfterSeconds.ToString(CultureInfo.InvariantCulture)} s");
        output.Flush();
        injector?.Start();
        string reason = RunUntilStopped.Wait(seconds);
        cancel.Set();
        injector?.Join();
        var adapter = host.Adapters[0];
        lock (output)
            output.WriteLine($"stopped ({reason}): {host.Ticks} ticks, {adapter.FrameLinesFromHost} frames from the host, {adapter.FramesToHost} frames to the host");
        return 0;
    }

    private static (Option<string> Dialect, Option<string?> Inject, Option<double> InjectAfter, Option<double?> Seconds) CommonOptions(string[] faults)
    {
        var dialect = new Option<string>("--dialect")
        {
            Description = "SLCAN firmware the adapter twin plays: canable (S7 = 750k, no acknowledgements), canablefd (CANable 2.0: also FD frames d/D/b/B and Yn data bitrates) or lawicel (S7 = 800k, z/Z acknowledgements, Z1 timestamps).",
            DefaultValueFactory = _ => "canable",
        };
        dialect.AcceptOnlyFromAmong("canable", "canablefd", "lawicel");
        var inject = new Option<string?>("--inject") { Description = $"Inject one fault after --inject-after seconds: {string.Join(", ", faults)} (on the first twin; bus-off on the adapter's bus)." };
        inject.AcceptOnlyFromAmong(faults);
        var injectAfter = new Option<double>("--inject-after") { Description = "Seconds before --inject takes effect.", DefaultValueFactory = _ => 5 };
        injectAfter.Validators.Add(r =>
        {
            double v = r.GetValueOrDefault<double>();
            if (!(v >= 0 && v <= 86_400)) r.AddError($"--inject-after must be between 0 and 86400 seconds; it is {v}.");
        });
        var seconds = new Option<double?>("--seconds") { Description = "Stop after this many seconds (default: run until SIGINT/SIGTERM)." };
        seconds.Validators.Add(r =>
        {
            double? v = r.GetValueOrDefault<double?>();
            if (v is { } s && !(s > 0 && s <= 31_536_000)) r.AddError($"--seconds must be greater than 0 and at most 31536000; it is {s}.");
        });
        return (dialect, inject, injectAfter, seconds);
    }

    private static Option<byte[]> IdsOption(string name, string description)
    {
        var ids = new Option<byte[]>(name)
        {
            Description = description,
            DefaultValueFactory = _ => [1],
            CustomParser = r => SimCommand.ParseList(r, name, s => byte.Parse(s, CultureInfo.InvariantCulture)),
        };
        ids.Validators.Add(r =>
        {
            var v = r.GetValueOrDefault<byte[]>() ?? [];
            if (v.Length == 0) r.AddError($"{name} needs at least one id.");
            foreach (byte id in v)
                if (id is < 1 or > 127) r.AddError($"{name}: {id} is out of range; allowed 1..127.");
            var duplicate = v.GroupBy(id => id).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null) r.AddError($"{name}: {duplicate.Key} appears twice.");
        });
        return ids;
    }

    private static MitActuatorModel? FindModel(string name) =>
        MitActuatorModel.All.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase)
                                                 || string.Equals(m.Name.Split(' ')[^1], name, StringComparison.OrdinalIgnoreCase));
}
