using System.Buffers.Binary;
using System.Diagnostics;
using Controller.Hardware.Protocols.Dynamixel;
using Controller.Hardware.Transports.Serial;

namespace Controller.Cli.Commands;

/// <summary>
/// Finds the Dynamixel Protocol 2.0 servos on a serial port: a broadcast Ping (ID 0xFE), to which every servo answers
/// in turn, ordered by ID (e-Manual, Protocol 2.0, "Ping"), and optionally a unicast Ping to every ID 0..252 for
/// adapters or servos that garble the burst of broadcast replies.
/// </summary>
internal sealed class DynamixelBusScanner(ISerialLink link, TimeSpan quietGap)
{
    // Every device ID could answer a broadcast ping; 253 replies of 14 bytes at 9600 baud take about 3.7 s.
    private static readonly TimeSpan BroadcastLimit = TimeSpan.FromSeconds(4);

    private readonly byte[] _tx = new byte[DynamixelPacket.OverheadBytes + 4];
    private readonly byte[] _body = new byte[DynamixelPacket.MaxPacketBytes];
    private readonly DynamixelStreamDecoder _decoder = new();

    /// <summary>Broadcast-pings and collects every reply until the line has been quiet for the scanner's gap.</summary>
    public IReadOnlyList<FoundServo> BroadcastPing()
    {
        var found = new SortedDictionary<byte, FoundServo>();
        int n = DynamixelInstructions.Ping(_tx, DynamixelPacket.BroadcastId);
        Start();
        if (!link.Write(_tx.AsSpan(0, n), Deadline(quietGap))) return [];
        long limit = Deadline(BroadcastLimit);
        while (Stopwatch.GetTimestamp() < limit)
        {
            int got = link.Read(_decoder.GetWriteSpace(), Math.Min(limit, Deadline(quietGap)));
            if (got == 0) break;
            _decoder.Commit(got);
            while (Next() is { } servo) found[servo.Id] = servo;
        }
        return found.Values.ToList();
    }

    /// <summary>Pings one ID; its reply or null when it stays silent for the scanner's gap.</summary>
    public FoundServo? Ping(byte id)
    {
        int n = DynamixelInstructions.Ping(_tx, id);
        Start();
        long deadline = Deadline(quietGap);
        if (!link.Write(_tx.AsSpan(0, n), deadline)) return null;
        while (true)
        {
            while (Next() is { } servo)
                if (servo.Id == id) return servo;
            int got = link.Read(_decoder.GetWriteSpace(), deadline);
            if (got == 0) return null;
            _decoder.Commit(got);
        }
    }

    private void Start()
    {
        _decoder.Clear();
        link.DiscardInput();
    }

    /// <summary>The next ping reply among the buffered bytes; other packets and garbage are skipped.</summary>
    private FoundServo? Next()
    {
        DynamixelDecodeResult result;
        while ((result = _decoder.TryNext(_body, out var info)) != DynamixelDecodeResult.NeedMoreData)
        {
            if (result != DynamixelDecodeResult.Packet || !info.IsStatus || info.StatusParameterLength < 3 || !DynamixelPacket.IsDeviceId(info.Id)) continue;
            ushort model = BinaryPrimitives.ReadUInt16LittleEndian(_body.AsSpan(1));
            return new FoundServo(info.Id, model, DynamixelModels.FindByNumber(model)?.Name, _body[3], link.BaudRate, DynamixelStatusErrors.HasHardwareAlert(_body[0]));
        }
        return null;
    }

    private static long Deadline(TimeSpan after) => Stopwatch.GetTimestamp() + (long)(after.TotalSeconds * Stopwatch.Frequency);
}
