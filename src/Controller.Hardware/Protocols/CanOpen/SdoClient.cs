using System.Buffers.Binary;
using Controller.Hardware.Transports.Can;

namespace Controller.Hardware.Protocols.CanOpen;

/// <summary>
/// An SDO client for one server node (CiA 301 §7.2.4: expedited and segmented upload and download), as a
/// non-blocking state machine: <see cref="BeginUpload"/> / <see cref="BeginDownload"/> give the first request,
/// <see cref="OnFrame"/> takes each received frame and gives the next request, <see cref="Poll"/> turns silence
/// into a timeout abort. The caller moves the frames, so the same client runs inside a cycle or behind the
/// blocking <see cref="BlockingSdoClient"/>. No allocation after construction.
/// </summary>
/// <remarks>
/// Checked on every response: the command specifier expected in the current state, the multiplexer (index and
/// sub-index) of initiate responses, the toggle bit of each segment, the announced size against the data
/// received, and the buffer capacity. A violation aborts the transfer with the matching CiA 301 abort code,
/// which the caller sends. Block transfer is not implemented.
/// </remarks>
public sealed class SdoClient
{
    private readonly byte[] _buffer;
    private int _length;
    private int _offset;
    private int _announcedSize;
    private byte _toggle;
    private long _deadlineNs;

    /// <summary>Creates a client for <paramref name="nodeId"/>.</summary>
    /// <param name="nodeId">The server's node-ID, 1..127.</param>
    /// <param name="capacityBytes">Largest transfer in either direction.</param>
    /// <param name="timeoutNs">How long to wait for each response before aborting (CiA 301 leaves it to the application).</param>
    public SdoClient(byte nodeId, int capacityBytes = 1024, long timeoutNs = 500_000_000)
    {
        CanOpenCobIds.ValidateNodeId(nodeId);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacityBytes, 4);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(timeoutNs);
        NodeId = nodeId;
        TimeoutNs = timeoutNs;
        _buffer = new byte[capacityBytes];
        RequestId = CanOpenCobIds.SdoRequest(nodeId);
        ResponseId = CanOpenCobIds.SdoResponse(nodeId);
    }

    /// <summary>The server node.</summary>
    public byte NodeId { get; }

    /// <summary>Response timeout.</summary>
    public long TimeoutNs { get; }

    /// <summary>COB-ID of requests (0x600 + node).</summary>
    public uint RequestId { get; }

    /// <summary>COB-ID of responses (0x580 + node).</summary>
    public uint ResponseId { get; }

    /// <summary>Where the transfer stands.</summary>
    public SdoClientState State { get; private set; }

    /// <summary>Index of the current or last transfer.</summary>
    public ushort Index { get; private set; }

    /// <summary>Sub-index of the current or last transfer.</summary>
    public byte SubIndex { get; private set; }

    /// <summary>Why the last transfer aborted (<see cref="SdoAbortCode.None"/> otherwise).</summary>
    public SdoAbortCode AbortCode { get; private set; }

    /// <summary>True while a transfer waits for the server.</summary>
    public bool IsBusy => State is SdoClientState.AwaitingDownloadInitiate or SdoClientState.AwaitingDownloadSegment
        or SdoClientState.AwaitingUploadInitiate or SdoClientState.AwaitingUploadSegment;

    /// <summary>The data of a completed upload.</summary>
    public ReadOnlySpan<byte> UploadedData => _buffer.AsSpan(0, State == SdoClientState.Completed ? _length : 0);

    /// <summary>Starts reading <paramref name="index"/>:<paramref name="subIndex"/>; returns the initiate-upload request.</summary>
    /// <exception cref="InvalidOperationException">When a transfer is in progress.</exception>
    public CanFrame BeginUpload(ushort index, byte subIndex, long nowNs)
    {
        Start(index, subIndex, nowNs);
        _length = 0;
        _announcedSize = -1;
        State = SdoClientState.AwaitingUploadInitiate;
        return SdoFrames.New(RequestId, SdoFrames.ClientInitiateUpload << 5, index, subIndex);
    }

    /// <summary>
    /// Starts writing <paramref name="data"/> to <paramref name="index"/>:<paramref name="subIndex"/>: expedited for
    /// 1..4 bytes, segmented with the size indicated above that. Returns the initiate-download request.
    /// </summary>
    /// <exception cref="InvalidOperationException">When a transfer is in progress.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When the data is empty or larger than the client's capacity.</exception>
    public CanFrame BeginDownload(ushort index, byte subIndex, ReadOnlySpan<byte> data, long nowNs)
    {
        if (data.IsEmpty || data.Length > _buffer.Length)
            throw new ArgumentOutOfRangeException(nameof(data), data.Length, $"an SDO download carries 1..{_buffer.Length} bytes with this client.");
        Start(index, subIndex, nowNs);
        data.CopyTo(_buffer);
        _length = data.Length;
        _offset = 0;
        State = SdoClientState.AwaitingDownloadInitiate;
        if (data.Length <= 4)
        {
            // ccs=1, n = bytes without data, e=1, s=1
            var expedited = SdoFrames.New(RequestId, (byte)((SdoFrames.ClientInitiateDownload << 5) | ((4 - data.Length) << 2) | 0x03), index, subIndex);
            data.CopyTo(expedited.Data[4..]);
            _offset = data.Length;
            return expedited;
        }
        var initiate = SdoFrames.New(RequestId, (SdoFrames.ClientInitiateDownload << 5) | 0x01, index, subIndex);
        BinaryPrimitives.WriteUInt32LittleEndian(initiate.Data[4..], (uint)data.Length);
        return initiate;
    }

    /// <summary>Takes a received frame; frames other than this server's SDO responses are <see cref="SdoProgress.Ignored"/>.</summary>
    public SdoProgress OnFrame(in CanFrame frame, long nowNs, out CanFrame toSend)
    {
        toSend = default;
        if (!IsBusy || frame.Id != ResponseId || frame.IsExtended || frame.IsRemote || frame.IsError) return SdoProgress.Ignored;
        if (frame.Length != 8) return ClientAbort(SdoAbortCode.InvalidCommandSpecifier, out toSend);
        byte specifier = SdoFrames.Specifier(frame);
        if (specifier == SdoFrames.Abort)
        {
            if (SdoFrames.IndexOf(frame) != Index || frame.Data[3] != SubIndex) return SdoProgress.Ignored;
            AbortCode = (SdoAbortCode)SdoFrames.ReadUInt32(frame);
            State = SdoClientState.Aborted;
            return SdoProgress.ServerAborted;
        }
        _deadlineNs = nowNs + TimeoutNs;
        return State switch
        {
            SdoClientState.AwaitingDownloadInitiate => OnDownloadInitiate(frame, specifier, out toSend),
            SdoClientState.AwaitingDownloadSegment => OnDownloadSegment(frame, specifier, out toSend),
            SdoClientState.AwaitingUploadInitiate => OnUploadInitiate(frame, specifier, out toSend),
            _ => OnUploadSegment(frame, specifier, out toSend),
        };
    }

    /// <summary>Aborts with <see cref="SdoAbortCode.Timeout"/> when the server has been silent too long.</summary>
    public SdoProgress Poll(long nowNs, out CanFrame toSend)
    {
        toSend = default;
        if (!IsBusy || nowNs <= _deadlineNs) return SdoProgress.Ignored;
        return ClientAbort(SdoAbortCode.Timeout, out toSend);
    }

    /// <summary>Abandons any transfer without telling the server (use after the channel was lost).</summary>
    public void Reset()
    {
        State = SdoClientState.Idle;
        AbortCode = SdoAbortCode.None;
    }

    private void Start(ushort index, byte subIndex, long nowNs)
    {
        if (IsBusy) throw new InvalidOperationException($"SDO client for node {NodeId} is busy with 0x{Index:X4}:{SubIndex:X2}.");
        Index = index;
        SubIndex = subIndex;
        AbortCode = SdoAbortCode.None;
        _toggle = 0;
        _deadlineNs = nowNs + TimeoutNs;
    }

    private bool MultiplexerMatches(in CanFrame frame) => SdoFrames.IndexOf(frame) == Index && frame.Data[3] == SubIndex;

    private SdoProgress OnDownloadInitiate(in CanFrame frame, byte specifier, out CanFrame toSend)
    {
        toSend = default;
        if (specifier != SdoFrames.ServerInitiateDownload) return ClientAbort(SdoAbortCode.InvalidCommandSpecifier, out toSend);
        if (!MultiplexerMatches(frame)) return ClientAbort(SdoAbortCode.GeneralError, out toSend);
        if (_offset == _length) return Complete();
        return SendDownloadSegment(out toSend);
    }

    private SdoProgress OnDownloadSegment(in CanFrame frame, byte specifier, out CanFrame toSend)
    {
        toSend = default;
        if (specifier != SdoFrames.ServerDownloadSegment) return ClientAbort(SdoAbortCode.InvalidCommandSpecifier, out toSend);
        if (((frame.Data[0] >> 4) & 1) != _toggle) return ClientAbort(SdoAbortCode.ToggleBitNotAlternated, out toSend);
        if (_offset == _length) return Complete();
        _toggle ^= 1;
        return SendDownloadSegment(out toSend);
    }

    private SdoProgress SendDownloadSegment(out CanFrame toSend)
    {
        int n = Math.Min(7, _length - _offset);
        bool last = _offset + n == _length;
        // ccs=0, t, n = bytes without data, c = last
        byte command = (byte)((_toggle << 4) | ((7 - n) << 1) | (last ? 1 : 0));
        toSend = SdoFrames.Segment(RequestId, command, _buffer.AsSpan(_offset, n));
        _offset += n;
        State = SdoClientState.AwaitingDownloadSegment;
        return SdoProgress.SendNext;
    }

    private SdoProgress OnUploadInitiate(in CanFrame frame, byte specifier, out CanFrame toSend)
    {
        toSend = default;
        if (specifier != SdoFrames.ServerInitiateUpload) return ClientAbort(SdoAbortCode.InvalidCommandSpecifier, out toSend);
        if (!MultiplexerMatches(frame)) return ClientAbort(SdoAbortCode.GeneralError, out toSend);
        byte flags = frame.Data[0];
        bool expedited = (flags & 0x02) != 0;
        bool sizeIndicated = (flags & 0x01) != 0;
        if (expedited)
        {
            int n = sizeIndicated ? 4 - ((flags >> 2) & 0x3) : 4;
            ((ReadOnlySpan<byte>)frame.Data).Slice(4, n).CopyTo(_buffer);
            _length = n;
            return Complete();
        }
        if (sizeIndicated)
        {
            uint size = SdoFrames.ReadUInt32(frame);
            if (size > (uint)_buffer.Length) return ClientAbort(SdoAbortCode.OutOfMemory, out toSend);
            _announcedSize = (int)size;
        }
        _length = 0;
        toSend = SdoFrames.Segment(RequestId, (byte)((SdoFrames.ClientUploadSegment << 5) | (_toggle << 4)), []);
        State = SdoClientState.AwaitingUploadSegment;
        return SdoProgress.SendNext;
    }

    private SdoProgress OnUploadSegment(in CanFrame frame, byte specifier, out CanFrame toSend)
    {
        toSend = default;
        byte flags = frame.Data[0];
        if (specifier != SdoFrames.ServerUploadSegment) return ClientAbort(SdoAbortCode.InvalidCommandSpecifier, out toSend);
        if (((flags >> 4) & 1) != _toggle) return ClientAbort(SdoAbortCode.ToggleBitNotAlternated, out toSend);
        int n = 7 - ((flags >> 1) & 0x7);
        if (_length + n > _buffer.Length) return ClientAbort(SdoAbortCode.OutOfMemory, out toSend);
        ((ReadOnlySpan<byte>)frame.Data).Slice(1, n).CopyTo(_buffer.AsSpan(_length));
        _length += n;
        bool last = (flags & 0x01) != 0;
        if (last)
        {
            if (_announcedSize >= 0 && _announcedSize != _length) return ClientAbort(SdoAbortCode.LengthMismatch, out toSend);
            return Complete();
        }
        if (_announcedSize >= 0 && _length >= _announcedSize) return ClientAbort(SdoAbortCode.LengthTooHigh, out toSend);
        _toggle ^= 1;
        toSend = SdoFrames.Segment(RequestId, (byte)((SdoFrames.ClientUploadSegment << 5) | (_toggle << 4)), []);
        return SdoProgress.SendNext;
    }

    private SdoProgress Complete()
    {
        State = SdoClientState.Completed;
        return SdoProgress.Completed;
    }

    private SdoProgress ClientAbort(SdoAbortCode code, out CanFrame toSend)
    {
        AbortCode = code;
        State = SdoClientState.Aborted;
        toSend = SdoFrames.AbortFrame(RequestId, Index, SubIndex, code);
        return SdoProgress.ClientAborted;
    }
}
