using System.Buffers.Binary;
using System.Diagnostics;
using Controller.Hardware.Protocols.Feetech;
using Controller.Hardware.Transports.Serial;

namespace Controller.Hardware.Devices.Feetech;

/// <summary>
/// Unicast request/reply transactions for the lifecycle (Open, EnableDrives, ClearFaults) and for scanning: ping,
/// read and write one servo, waiting for its status packet. Off the loop thread; failures throw
/// <see cref="IOException"/> naming the bus, the servo and what went wrong.
/// </summary>
public sealed class FeetechCommander
{
    private readonly ISerialLink _link;
    private readonly string _busName;
    private readonly TimeSpan _timeout;
    private readonly byte[] _tx = new byte[64];
    private readonly byte[] _parameters = new byte[FeetechPacket.MaxPacketBytes];
    private readonly FeetechStreamDecoder _decoder = new();

    /// <summary>Transactions on <paramref name="link"/>, each waiting at most <paramref name="timeout"/>.</summary>
    public FeetechCommander(ISerialLink link, string busName, TimeSpan timeout)
    {
        _link = link ?? throw new ArgumentNullException(nameof(link));
        _busName = busName;
        _timeout = timeout;
    }

    /// <summary>Pings <paramref name="id"/> up to <paramref name="attempts"/> times; the status error byte of the answer, or null when it never answers.</summary>
    public FeetechStatusErrors? Ping(byte id, int attempts)
    {
        for (int i = 0; i < attempts; i++)
        {
            if (TryTransact(FeetechInstructions.Ping(_tx, id), id, out var info)) return info.Error;
        }
        return null;
    }

    /// <summary>Reads one item (sign-magnitude items decoded), throwing when the servo does not answer or the answer is short.</summary>
    public int Read(byte id, FeetechRegister register)
    {
        int n = FeetechInstructions.Read(_tx, id, register.Address, register.Size);
        if (!TryTransactWithRetry(n, id, out var info))
            throw new IOException($"feetech bus '{_busName}': servo id {id} did not answer (read address {register.Address}) twice within {_timeout.TotalMilliseconds} ms.");
        if (info.ParameterLength != register.Size)
            throw new IOException($"feetech bus '{_busName}': servo id {id} answered {info.ParameterLength} bytes for a {register.Size}-byte read of address {register.Address}.");
        int raw = register.Size == 1 ? _parameters[0] : BinaryPrimitives.ReadUInt16LittleEndian(_parameters);
        return register.SignBit > 0 ? FeetechSignMagnitude.Decode(raw, register.SignBit) : raw;
    }

    /// <summary>Writes one item (sign-magnitude items encoded), throwing when the servo does not answer.</summary>
    public void Write(byte id, FeetechRegister register, int value)
    {
        Span<byte> data = stackalloc byte[2];
        int raw = register.SignBit > 0 ? FeetechSignMagnitude.Encode(value, register.SignBit) : value;
        if (register.Size == 1) data[0] = (byte)raw;
        else BinaryPrimitives.WriteUInt16LittleEndian(data, (ushort)raw);
        int n = FeetechInstructions.Write(_tx, id, register.Address, data[..register.Size]);
        if (!TryTransactWithRetry(n, id, out _))
            throw new IOException($"feetech bus '{_busName}': servo id {id} did not answer (write {value} to address {register.Address}) twice within {_timeout.TotalMilliseconds} ms.");
    }

    /// <summary>Sends a packet that gets no reply (broadcast). False when the line would not take it.</summary>
    public bool Send(ReadOnlySpan<byte> packet) => _link.Write(packet, Deadline());

    // Reads and writes of a value are idempotent: one lost packet on a noisy line is not yet a missing servo.
    private bool TryTransactWithRetry(int requestLength, byte id, out FeetechPacketInfo info) =>
        TryTransact(requestLength, id, out info) || TryTransact(requestLength, id, out info);

    private bool TryTransact(int requestLength, byte id, out FeetechPacketInfo info)
    {
        info = default;
        _decoder.Clear();
        _link.DiscardInput();
        long deadline = Deadline();
        if (!_link.Write(_tx.AsSpan(0, requestLength), deadline)) return false;
        while (true)
        {
            FeetechDecodeResult result;
            while ((result = _decoder.TryNext(_parameters, out info)) != FeetechDecodeResult.NeedMoreData)
            {
                if (result == FeetechDecodeResult.Packet && info.Id == id) return true;
            }
            int n = _link.Read(_decoder.GetWriteSpace(), deadline);
            if (n == 0) return false;
            _decoder.Commit(n);
        }
    }

    private long Deadline() => Stopwatch.GetTimestamp() + (long)(_timeout.TotalSeconds * Stopwatch.Frequency);
}
