using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Controller.Hardware.Devices.Feetech;
using Controller.Hardware.Protocols.Feetech;
using Controller.Hardware.Transports.Serial;

namespace Controller.Cli.Commands;

/// <summary>
/// <c>robotctl scan serial --protocol feetech</c>: finds Feetech STS/SCS servos on a serial port. A broadcast Ping
/// (ID 0xFE), which every STS answers with an empty status (LeRobot's `feetech.py` `_broadcast_ping` relies on the
/// same), then optionally a unicast Ping per ID; each servo found is asked for its model number (address 3) and
/// firmware (addresses 0, 1).
/// </summary>
internal sealed class FeetechBusScanner(ISerialLink link, TimeSpan quietGap)
{
    /// <summary>Baud rates tried when none is given: the STS3215 factory default first, then its other codes (LeRobot's SCAN_BAUDRATES).</summary>
    public static readonly IReadOnlyList<int> DefaultBaudRates = [1_000_000, 500_000, 250_000, 128_000, 115_200, 57_600, 38_400, 19_200];

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
    private readonly byte[] _tx = new byte[FeetechPacket.OverheadBytes + 4];
    private readonly byte[] _parameters = new byte[FeetechPacket.MaxPacketBytes];
    private readonly FeetechStreamDecoder _decoder = new();

    /// <summary>Runs the scan and prints the result; the exit code (0 when something answered).</summary>
    public static int Run(string device, int[]? bauds, TimeSpan gap, bool pingEach, bool asJson, TextWriter output, TextWriter error)
    {
        int[] rates = bauds is { Length: > 0 } ? bauds : DefaultBaudRates.ToArray();
        var found = new List<FoundServo>();
        foreach (int rate in rates)
        {
            try
            {
                using var link = SerialTransport.Open(device, rate);
                var scanner = new FeetechBusScanner(link, gap);
                var ids = new SortedSet<byte>(scanner.BroadcastPing());
                if (pingEach)
                {
                    for (int id = 0; id <= FeetechPacket.MaxDeviceId; id++)
                        if (!ids.Contains((byte)id) && scanner.Ping((byte)id) is not null) ids.Add((byte)id);
                }
                var atRate = ids.Select(scanner.Identify).ToList();
                if (!asJson) output.WriteLine($"{device} at {rate} baud: {atRate.Count} servo(s)");
                found.AddRange(atRate);
            }
            catch (Exception e) when (e is IOException or PlatformNotSupportedException or UnauthorizedAccessException)
            {
                error.WriteLine($"scan serial: {e.Message}");
                return 1;
            }
        }

        if (asJson)
        {
            output.WriteLine(JsonSerializer.Serialize(new { port = device, protocol = "feetech-sts", servos = found }, JsonOptions));
        }
        else if (found.Count > 0)
        {
            output.WriteLine();
            WriteTable(found, output);
        }
        if (found.Count == 0)
        {
            error.WriteLine($"scan serial: no Feetech STS/SCS servo answered on {device} at {string.Join(", ", rates)} baud (check power, wiring, and the adapter).");
            return 1;
        }
        return 0;
    }

    /// <summary>Broadcast-pings and collects the IDs of every reply until the line has been quiet for the gap.</summary>
    public IReadOnlyList<byte> BroadcastPing()
    {
        var ids = new List<byte>();
        int n = FeetechInstructions.Ping(_tx, FeetechPacket.BroadcastId);
        Start();
        if (!link.Write(_tx.AsSpan(0, n), Deadline(quietGap))) return ids;
        long limit = Deadline(TimeSpan.FromSeconds(4));
        while (Stopwatch.GetTimestamp() < limit)
        {
            int got = link.Read(_decoder.GetWriteSpace(), Math.Min(limit, Deadline(quietGap)));
            if (got == 0) break;
            _decoder.Commit(got);
            FeetechDecodeResult r;
            while ((r = _decoder.TryNext(_parameters, out var info)) != FeetechDecodeResult.NeedMoreData)
                if (r == FeetechDecodeResult.Packet && info.Id <= FeetechPacket.MaxDeviceId && info.ParameterLength == 0 && !ids.Contains(info.Id)) ids.Add(info.Id);
        }
        return ids;
    }

    /// <summary>Pings one ID: its status error byte, or null when it stays silent for the gap.</summary>
    public FeetechStatusErrors? Ping(byte id) => new FeetechCommander(link, "scan", quietGap).Ping(id, 1);

    /// <summary>Reads model number and firmware of a servo that answered a ping.</summary>
    public FoundServo Identify(byte id)
    {
        var commander = new FeetechCommander(link, "scan", quietGap * 2);
        var error = commander.Ping(id, 2) ?? FeetechStatusErrors.None;
        ushort model = 0;
        byte firmware = 0;
        try
        {
            model = (ushort)commander.Read(id, StsControlTable.ModelNumber);
            firmware = (byte)commander.Read(id, StsControlTable.FirmwareMajor);
        }
        catch (IOException)
        {
            // It answered a ping but not the reads: list it with model 0 rather than hide it.
        }
        string? name = model == StsControlTable.Sts3215ModelNumber ? "STS3215" : null;
        return new FoundServo(id, model, name, firmware, link.BaudRate, error != FeetechStatusErrors.None);
    }

    private static void WriteTable(IReadOnlyList<FoundServo> servos, TextWriter output)
    {
        string[] header = ["ID", "MODEL", "NAME", "FIRMWARE", "BAUD", "ERROR"];
        var rows = servos.Select(s => new[]
        {
            s.Id.ToString(CultureInfo.InvariantCulture),
            s.ModelNumber.ToString(CultureInfo.InvariantCulture),
            s.ModelName ?? "unknown",
            s.Firmware.ToString(CultureInfo.InvariantCulture),
            s.BaudRate.ToString(CultureInfo.InvariantCulture),
            s.HardwareAlert ? "status error bits" : "-",
        }).ToList();
        int[] widths = Enumerable.Range(0, header.Length).Select(c => rows.Append(header).Max(r => r[c].Length)).ToArray();
        foreach (var row in rows.Prepend(header))
            output.WriteLine(string.Join("  ", row.Select((cell, c) => cell.PadRight(widths[c]))).TrimEnd());
    }

    private void Start()
    {
        _decoder.Clear();
        link.DiscardInput();
    }

    private static long Deadline(TimeSpan after) => Stopwatch.GetTimestamp() + (long)(after.TotalSeconds * Stopwatch.Frequency);
}
