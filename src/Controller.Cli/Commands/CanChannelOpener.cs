using System.CommandLine;
using Controller.Hardware.Protocols.Slcan;
using Controller.Hardware.Transports.Can;
using Controller.Pipeline.Time;

namespace Controller.Cli.Commands;

/// <summary>
/// The <c>--slcan PTY | --if IFACE [--bitrate B] [--dialect D]</c> options that <c>robotctl scan can</c> and
/// <c>robotctl can …</c> share, and opening the channel they name with a message instead of a stack trace.
/// </summary>
internal sealed class CanChannelOpener
{
    public Option<string?> Slcan { get; } = new("--slcan") { Description = "Serial device of an SLCAN USB-CAN adapter (CANable, Lawicel) or of `robotctl sim cia402|mit` (/dev/pts/N)." };

    public Option<string?> Interface { get; } = new("--if") { Description = "SocketCAN interface (can0, vcan0); needs a kernel with CAN (modprobe can can_raw)." };

    public Option<int> Bitrate { get; } = new("--bitrate") { Description = "CAN bit rate for --slcan (10000..1000000); a SocketCAN interface's rate is set with `ip link`.", DefaultValueFactory = _ => 1_000_000 };

    public Option<string> Dialect { get; } = new("--dialect") { Description = "SLCAN firmware family: canable (S7 = 750k), canablefd (CANable 2.0 with CAN FD) or lawicel (S7 = 800k).", DefaultValueFactory = _ => "canable" };

    public CanChannelOpener() => Dialect.AcceptOnlyFromAmong("canable", "canablefd", "lawicel");

    /// <summary>Adds the options and the one-of check to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Add(Slcan);
        command.Add(Interface);
        command.Add(Bitrate);
        command.Add(Dialect);
        command.Validators.Add(r =>
        {
            bool slcan = r.GetValue(Slcan) is not null, socketCan = r.GetValue(Interface) is not null;
            if (slcan == socketCan) r.AddError("give exactly one of --slcan PTY or --if IFACE.");
        });
    }

    /// <summary>Opens the channel the options name; null (with the reason on the error stream) when it cannot.</summary>
    public ICanChannel? Open(ParseResult parse, string commandName)
    {
        var error = parse.InvocationConfiguration.Error;
        var clock = MonotonicClock.Instance;
        string? iface = parse.GetValue(Interface);
        if (iface is not null)
        {
            try
            {
                return new SocketCanChannel(iface, clock);
            }
            catch (SocketCanUnavailableException e)
            {
                error.WriteLine($"{commandName}: {e.Message}");
                return null;
            }
        }

        string port = parse.GetValue(Slcan)!;
        var dialect = Enum.Parse<SlcanDialect>(parse.GetValue(Dialect)!, ignoreCase: true);
        int bitrate = parse.GetValue(Bitrate);
        SlcanChannel? channel = null;
        try
        {
            channel = SlcanChannel.OnSerialPort(port, clock, new SlcanOptions { Dialect = dialect });
            channel.Open(bitrate);
            return channel;
        }
        catch (Exception e) when (e is IOException or TimeoutException or ArgumentOutOfRangeException or PlatformNotSupportedException)
        {
            channel?.Dispose();
            error.WriteLine($"{commandName}: cannot open SLCAN adapter on '{port}' at {bitrate} bit/s: {e.Message}");
            return null;
        }
    }
}
