using System.CommandLine;
using Controller.Hardware.Protocols.CanOpen;
using Controller.Hardware.Transports.Can;
using Controller.Pipeline.Time;

namespace Controller.Cli.Commands;

/// <summary>
/// <c>robotctl can sdo read|write --slcan PTY --node N 0xIIII:SS [value] [--type T]</c>: commissioning access to a
/// CANopen node's object dictionary (expedited or segmented SDO, chosen by size). Aborts are printed with their code
/// and CiA 301 name; exit code 2.
/// </summary>
public static class CanCommand
{
    /// <summary>Exit code when the node aborted the transfer or did not answer.</summary>
    public const int SdoFailedExitCode = 2;

    /// <summary>Builds the <c>can</c> command.</summary>
    public static Command Create()
    {
        var sdo = new Command("sdo", "Read or write one object of a CANopen node over SDO.");
        sdo.Add(CreateTransfer(write: false));
        sdo.Add(CreateTransfer(write: true));
        return new Command("can", "CAN bus tools: CANopen SDO access for commissioning (see also `robotctl scan can`).") { sdo };
    }

    private static Command CreateTransfer(bool write)
    {
        var opener = new CanChannelOpener();
        var node = new Option<int>("--node") { Description = "CANopen node-ID (1..127).", Required = true };
        node.Validators.Add(r =>
        {
            int v = r.GetValueOrDefault<int>();
            if (v is < 1 or > 127) r.AddError($"--node must be between 1 and 127; it is {v}.");
        });
        var address = new Argument<string>("object") { Description = "Object as 0xIIII:SS (hexadecimal index and sub-index), e.g. 0x1018:01." };
        address.Validators.Add(r =>
        {
            if (!SdoValueFormat.TryParseAddress(r.GetValueOrDefault<string>() ?? "", out _, out _, out string error)) r.AddError(error);
        });
        var type = new Option<string?>("--type")
        {
            Description = write ? "Value type: u8, u16, u32, i8, i16, i32, str (default u32)." : "Show the value as u8, u16, u32, i8, i16, i32 or str (default: hex bytes).",
        };
        type.AcceptOnlyFromAmong(SdoValueFormat.Types);
        var timeoutMs = new Option<int>("--timeout-ms") { Description = "SDO timeout (ms).", DefaultValueFactory = _ => 500 };
        timeoutMs.Validators.Add(r =>
        {
            int v = r.GetValueOrDefault<int>();
            if (v is < 1 or > 60_000) r.AddError($"--timeout-ms must be between 1 and 60000; it is {v}.");
        });
        var value = new Argument<string>("value") { Description = "The value: a number (decimal or 0x hex) or, with --type str, text." };
        var command = new Command(write ? "write" : "read", write ? "Write one object (SDO download)." : "Read one object (SDO upload).") { node, address, type, timeoutMs };
        if (write) command.Add(value);
        opener.AddTo(command);
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            string what = write ? "can sdo write" : "can sdo read";
            SdoValueFormat.TryParseAddress(parse.GetValue(address)!, out ushort index, out byte sub, out _);
            byte nodeId = (byte)parse.GetValue(node);
            string? typeName = parse.GetValue(type);
            byte[] data = [];
            if (write && !SdoValueFormat.TryEncode(parse.GetValue(value)!, typeName ?? "u32", out data, out string valueError))
            {
                error.WriteLine($"{what}: {valueError}");
                return 1;
            }
            using var channel = opener.Open(parse, what);
            if (channel is null) return 1;
            var sdo = new BlockingSdoClient(channel, MonotonicClock.Instance, parse.GetValue(timeoutMs) * 1_000_000L) { WhileWaiting = () => Thread.Sleep(1) };
            string target = $"node {nodeId} 0x{index:X4}:{sub:X2}";
            try
            {
                if (write)
                {
                    sdo.Download(nodeId, index, sub, data);
                    output.WriteLine($"{target} <- {SdoValueFormat.Format(data, typeName ?? "u32")}: written");
                }
                else
                {
                    output.WriteLine($"{target} = {SdoValueFormat.Format(sdo.Upload(nodeId, index, sub), typeName)}");
                }
                return 0;
            }
            catch (SdoException e)
            {
                // The message already gives the code and the spec's wording; the enum name is what a search finds.
                error.WriteLine($"{what}: {e.Message} [{e.AbortCode}]");
                return SdoFailedExitCode;
            }
        });
        return command;
    }
}
