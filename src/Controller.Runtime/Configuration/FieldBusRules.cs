using Controller.Hardware.Protocols.Mit;
using YamlDotNet.RepresentationModel;

namespace Controller.Runtime.Configuration;

/// <summary>
/// Reads and checks the field buses: <c>cia402-can</c> and <c>mit-can</c> (a SocketCAN interface, an SLCAN adapter
/// or <c>sim</c>) and <c>cia402-ethercat</c> (an Ethernet interface or <c>sim</c>). Their keys differ from the serial
/// buses' (no port, baud or operating mode): a typo or a serial key on a field bus is an error, not a silent default.
/// </summary>
internal static class FieldBusRules
{
    /// <summary>The bit rates an SLCAN adapter can be set to (its S0–S8 table); a SocketCAN interface is set with <c>ip link</c> to one of them.</summary>
    public static readonly int[] CanBitrates = [10_000, 20_000, 50_000, 100_000, 125_000, 250_000, 500_000, 800_000, 1_000_000];

    private static readonly Dictionary<string, string> FaultReactions = new() { ["hold"] = "hold", ["disable"] = "disable" };

    /// <summary>True for the types this class reads.</summary>
    public static bool Handles(string type) => type is "cia402-can" or "mit-can" or "cia402-ethercat";

    public static BusConfig Read(YamlConfigReader r, YamlMappingNode m, string at, string type)
    {
        bool can = type != "cia402-ethercat";
        bool cia402 = type != "mit-can";
        if (can)
        {
            r.RejectUnknownKeys(m, at, "name", "type", "interface", "slcan", "bitrate", "servos");
        }
        else
        {
            r.RejectUnknownKeys(m, at, "name", "type", "interface", "fault_reaction", "distributed_clocks", "servos");
        }

        string? iface = r.String(m, at, "interface", required: false);
        string? slcan = can ? r.String(m, at, "slcan", required: false) : null;
        if (iface is null && slcan is null)
        {
            r.Error(m, $"{at}.interface", can
                ? "missing: name a SocketCAN interface (interface: can0), an SLCAN adapter (slcan: /dev/ttyACM0) or interface: sim"
                : "missing: name the Ethernet interface the EtherCAT segment is cabled to (interface: eth1) or interface: sim");
        }
        else if (iface is not null && slcan is not null)
        {
            r.Error(r.Child(m, "slcan"), $"{at}.slcan", $"give either interface ('{iface}') or slcan ('{slcan}'), not both");
        }

        int bitrate = 0;
        if (can)
        {
            bitrate = r.Int(m, at, "bitrate", 1_000_000, 10_000, 1_000_000);
            if (!CanBitrates.Contains(bitrate))
            {
                r.Error(r.Child(m, "bitrate"), $"{at}.bitrate", $"{bitrate} is not a standard CAN bit rate; use one of {string.Join(", ", CanBitrates)}");
            }
        }

        string reaction = can ? "hold" : r.Choice(m, at, "fault_reaction", "hold", FaultReactions);
        var servos = r.MappingList(m, at, "servos", required: true).Select(s => ReadDrive(r, s.Node, s.Path, can, cia402)).ToList();
        foreach (var duplicate in servos.GroupBy(s => s.Id).Where(g => g.Count() > 1))
        {
            r.Error(m, $"{at}.servos", $"{(can ? "id" : "slave position")} {duplicate.Key} is used {duplicate.Count()} times; each drive has its own");
        }

        return new BusConfig(
            r.String(m, at, "name", required: true) ?? "?",
            type,
            slcan ?? iface ?? "?",
            bitrate,
            "position",
            5,
            servos,
            OverSlcan: slcan is not null,
            FaultReaction: reaction,
            DistributedClocks: can ? null : EtherCatDcRules.Read(r, m, at));
    }

    private static ServoConfig ReadDrive(YamlConfigReader r, YamlMappingNode s, string at, bool can, bool cia402)
    {
        if (cia402)
        {
            r.RejectUnknownKeys(s, at, "id", "joint", "gear_ratio", "increments_per_rev", "rated_torque_nm", "offset_rad", "direction");
        }
        else
        {
            r.RejectUnknownKeys(s, at, "id", "model", "joint", "gear_ratio", "offset_rad", "direction");
        }

        string model = "";
        if (!cia402)
        {
            model = r.String(s, at, "model", required: true) ?? "?";
            if (model != "?" && MitActuatorModel.All.All(x => !string.Equals(x.Name, model, StringComparison.OrdinalIgnoreCase)))
            {
                r.Error(r.Child(s, "model"), $"{at}.model", $"'{model}' is not a known MIT actuator model; known: {string.Join(", ", MitActuatorModel.All.Select(x => x.Name))}");
            }
        }

        int direction = r.Int(s, at, "direction", 1, -1, 1);
        if (direction == 0)
        {
            r.Error(r.Child(s, "direction"), $"{at}.direction", "0 is not allowed; use 1 or -1");
        }

        double gear = r.Double(s, at, "gear_ratio", 1, -1000, 1000);
        if (gear == 0)
        {
            r.Error(r.Child(s, "gear_ratio"), $"{at}.gear_ratio", "0 is not allowed; a non-zero ratio of motor turns per joint turn");
        }

        if (cia402 && gear < 0)
        {
            r.Error(r.Child(s, "gear_ratio"), $"{at}.gear_ratio", $"{gear} is negative; a CiA 402 drive's gear ratio is positive (use direction: -1 to reverse)");
        }

        // CANopen node-IDs and MIT motor ids are 1..127; an EtherCAT slave position counts from 0 along the wire.
        int id = can ? r.Int(s, at, "id", 1, 1, 127, required: true) : r.Int(s, at, "id", 0, 0, 65_279, required: true);
        return new ServoConfig(
            id,
            model,
            r.String(s, at, "joint", required: true) ?? "?",
            gear,
            r.Double(s, at, "offset_rad", 0, -100, 100),
            direction,
            cia402 ? r.Double(s, at, "increments_per_rev", 131_072, 1, 1 << 30) : 0,
            cia402 ? r.Double(s, at, "rated_torque_nm", 1, 0.001, 10_000) : 0);
    }
}
