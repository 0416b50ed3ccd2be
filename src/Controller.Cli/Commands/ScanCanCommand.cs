using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Controller.Hardware.Protocols.CanOpen;
using Controller.Pipeline.Time;

namespace Controller.Cli.Commands;

/// <summary>
/// <c>robotctl scan can --slcan PTY | --if IFACE</c>: finds the CANopen nodes on a bus (device type 0x1000 probed on
/// node-IDs 1..127) and lists NMT state (from heartbeats heard during the scan), identity 0x1018 and name 0x1008.
/// </summary>
public static class ScanCanCommand
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>Builds <c>scan can</c>.</summary>
    public static Command Create()
    {
        var opener = new CanChannelOpener();
        var timeoutMs = new Option<int>("--timeout-ms") { Description = "How long a node-ID probe waits for an answer (ms).", DefaultValueFactory = _ => 50 };
        timeoutMs.Validators.Add(r =>
        {
            int v = r.GetValueOrDefault<int>();
            if (v is < 1 or > 10_000) r.AddError($"--timeout-ms must be between 1 and 10000; it is {v}.");
        });
        var json = new Option<bool>("--json") { Description = "Print the nodes found as JSON." };
        var command = new Command("can", "Find the CANopen nodes on a CAN bus: node-ID, NMT state, identity (0x1018), device name (0x1008).") { timeoutMs, json };
        opener.AddTo(command);
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            using var channel = opener.Open(parse, "scan can");
            if (channel is null) return 1;
            var scanner = new CanOpenScanner(channel, MonotonicClock.Instance) { ProbeTimeoutNs = parse.GetValue(timeoutMs) * 1_000_000L };
            var nodes = scanner.Scan();
            if (parse.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(nodes.Select(n => new
                {
                    n.NodeId, Nmt = NmtName(n.State), DeviceType = Hex(n.DeviceType), n.Profile, VendorId = Hex(n.VendorId),
                    ProductCode = Hex(n.ProductCode), n.RevisionNumber, n.SerialNumber, n.DeviceName,
                }), JsonOptions));
                return 0;
            }
            output.WriteLine($"{nodes.Count} CANopen node(s) on {channel.Name}");
            if (nodes.Count == 0) return 0;
            output.WriteLine($"{"node",4}  {"nmt",-15}  {"device type",-11}  {"vendor",-10}  {"product",-10}  {"revision",-10}  {"serial",-10}  name");
            foreach (var n in nodes)
                output.WriteLine($"{n.NodeId,4}  {NmtName(n.State),-15}  {Hex(n.DeviceType),-11}  {Hex(n.VendorId),-10}  {Hex(n.ProductCode),-10}  {Hex(n.RevisionNumber),-10}  {n.SerialNumber.ToString(CultureInfo.InvariantCulture),-10}  {n.DeviceName}");
            return 0;
        });
        return command;
    }

    private static string Hex(uint value) => $"0x{value:X8}";

    private static string NmtName(NmtState state) => state switch
    {
        NmtState.Unknown => "no heartbeat",
        NmtState.PreOperational => "pre-operational",
        NmtState.Operational => "operational",
        NmtState.Stopped => "stopped",
        _ => state.ToString().ToLowerInvariant(),
    };
}
