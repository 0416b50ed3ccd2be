using Controller.Hardware.Simulation.Can;

namespace Controller.Cli.Commands;

/// <summary>The faults <c>robotctl sim cia402|mit --inject</c> can put on a running twin host.</summary>
internal static class SimCanFaults
{
    /// <summary>Applies <paramref name="fault"/> to the first twin (or the adapter's bus node for bus-off).</summary>
    public static void Inject(CanTwinHost host, string fault)
    {
        switch (fault)
        {
            case "lost-heartbeat":
                host.Drives[0].SilenceHeartbeat = true;
                break;
            case "drive-fault":
                if (host.Drives.Count > 0) host.Drives[0].InjectFault(0x2310);
                else host.Actuators[0].InjectFault();
                break;
            case "no-reply":
                if (host.Drives.Count > 0) host.Drives[0].NoReply = true;
                else host.Actuators[0].NoReply = true;
                break;
            case "bus-off":
                host.AdapterNodes[0].ForceBusOff();
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(fault), fault, "known faults: lost-heartbeat, drive-fault, no-reply, bus-off.");
        }
    }

    /// <summary>What the fault does, for the console.</summary>
    public static string Describe(string fault) => fault switch
    {
        "lost-heartbeat" => "the first drive stops its heartbeat",
        "drive-fault" => "the first twin faults (CiA 402: EMCY 0x2310 continuous over-current; MIT: its model's error code)",
        "no-reply" => "the first twin freezes: no PDOs, no replies",
        "bus-off" => "the adapter's CAN controller goes bus-off: every frame refused with BEL",
        _ => fault,
    };
}
