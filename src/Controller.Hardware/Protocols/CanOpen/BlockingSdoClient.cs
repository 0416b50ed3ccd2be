using System.Buffers.Binary;
using System.Text;
using Controller.Hardware.Transports.Can;
using Controller.Pipeline.Time;

namespace Controller.Hardware.Protocols.CanOpen;

/// <summary>
/// Blocking SDO reads and writes for commissioning and configuration (scan, PDO mapping, mode setup): runs an
/// <see cref="SdoClient"/> over an <see cref="ICanChannel"/> until it completes, and throws
/// <see cref="SdoException"/> naming node, object and abort reason otherwise. Not for the cycle path.
/// </summary>
/// <remarks>
/// It owns the channel's receive side while a transfer runs: frames that are not this transfer's responses go to
/// <see cref="OtherFrame"/> (a heartbeat consumer, an EMCY log) rather than being lost. Waiting calls
/// <see cref="WhileWaiting"/>, which by default yields the thread; tests pass a hook that ticks the virtual bus,
/// the twins and a manual clock, so the exchange is deterministic.
/// </remarks>
public sealed class BlockingSdoClient
{
    private readonly ICanChannel _channel;
    private readonly IMonotonicClock _clock;
    private readonly SdoClient?[] _clients = new SdoClient?[CanOpenCobIds.MaxNodeId + 1];
    private readonly long _timeoutNs;

    /// <summary>Creates the client on <paramref name="channel"/>, timing responses with <paramref name="clock"/>.</summary>
    public BlockingSdoClient(ICanChannel channel, IMonotonicClock clock, long timeoutNs = 500_000_000)
    {
        _channel = channel ?? throw new ArgumentNullException(nameof(channel));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(timeoutNs);
        _timeoutNs = timeoutNs;
    }

    /// <summary>Receives the frames that arrive during a transfer and are not part of it.</summary>
    public Action<CanFrame>? OtherFrame { get; set; }

    /// <summary>Called whenever nothing was received; defaults to yielding the thread.</summary>
    public Action WhileWaiting { get; set; } = () => Thread.Sleep(0);

    /// <summary>Reads an object; returns its bytes.</summary>
    /// <exception cref="SdoException">On abort or timeout.</exception>
    public byte[] Upload(byte nodeId, ushort index, byte subIndex)
    {
        var client = ClientFor(nodeId);
        Run(client, client.BeginUpload(index, subIndex, _clock.NowNs));
        return client.UploadedData.ToArray();
    }

    /// <summary>Writes an object.</summary>
    /// <exception cref="SdoException">On abort or timeout.</exception>
    public void Download(byte nodeId, ushort index, byte subIndex, ReadOnlySpan<byte> data)
    {
        var client = ClientFor(nodeId);
        Run(client, client.BeginDownload(index, subIndex, data, _clock.NowNs));
    }

    /// <summary>Reads an UNSIGNED32 (or shorter unsigned) object.</summary>
    public uint ReadUInt32(byte nodeId, ushort index, byte subIndex)
    {
        var data = Upload(nodeId, index, subIndex);
        Span<byte> padded = stackalloc byte[4];
        data.AsSpan(0, Math.Min(4, data.Length)).CopyTo(padded);
        return BinaryPrimitives.ReadUInt32LittleEndian(padded);
    }

    /// <summary>Reads a VISIBLE_STRING object (e.g. 0x1008 device name).</summary>
    public string ReadString(byte nodeId, ushort index, byte subIndex) => Encoding.ASCII.GetString(Upload(nodeId, index, subIndex)).TrimEnd('\0');

    /// <summary>Writes an UNSIGNED8.</summary>
    public void WriteUInt8(byte nodeId, ushort index, byte subIndex, byte value) => Download(nodeId, index, subIndex, [value]);

    /// <summary>Writes an UNSIGNED16.</summary>
    public void WriteUInt16(byte nodeId, ushort index, byte subIndex, ushort value)
    {
        Span<byte> data = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(data, value);
        Download(nodeId, index, subIndex, data);
    }

    /// <summary>Writes an UNSIGNED32.</summary>
    public void WriteUInt32(byte nodeId, ushort index, byte subIndex, uint value)
    {
        Span<byte> data = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(data, value);
        Download(nodeId, index, subIndex, data);
    }

    private SdoClient ClientFor(byte nodeId)
    {
        CanOpenCobIds.ValidateNodeId(nodeId);
        return _clients[nodeId] ??= new SdoClient(nodeId, timeoutNs: _timeoutNs);
    }

    private void Run(SdoClient client, CanFrame request)
    {
        Send(client, request);
        while (true)
        {
            if (_channel.TryReceive(out var frame))
            {
                var progress = client.OnFrame(frame, _clock.NowNs, out var next);
                if (progress == SdoProgress.Ignored) { OtherFrame?.Invoke(frame); continue; }
                if (Finished(client, progress, next)) return;
                continue;
            }
            var timeout = client.Poll(_clock.NowNs, out var abort);
            if (timeout != SdoProgress.Ignored && Finished(client, timeout, abort)) return;
            WhileWaiting();
        }
    }

    private bool Finished(SdoClient client, SdoProgress progress, in CanFrame next)
    {
        switch (progress)
        {
            case SdoProgress.SendNext:
                Send(client, next);
                return false;
            case SdoProgress.Completed:
                return true;
            case SdoProgress.ClientAborted:
                _channel.TrySend(next);
                throw Failure(client, "this client aborted");
            default:
                throw Failure(client, "the node aborted");
        }
    }

    private void Send(SdoClient client, in CanFrame frame)
    {
        if (!_channel.TrySend(frame))
            throw new SdoException(client.NodeId, client.Index, client.SubIndex, SdoAbortCode.GeneralError,
                $"SDO to node {client.NodeId} 0x{client.Index:X4}:{client.SubIndex:X2}: channel '{_channel.Name}' refused the frame ({_channel.BusState}).");
    }

    private static SdoException Failure(SdoClient client, string who) =>
        new(client.NodeId, client.Index, client.SubIndex, client.AbortCode,
            $"SDO to node {client.NodeId} 0x{client.Index:X4}:{client.SubIndex:X2} failed: {who} with 0x{(uint)client.AbortCode:X8} " +
            $"({SdoAbortCodes.Describe(client.AbortCode)}).");
}
