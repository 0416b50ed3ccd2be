using System.Buffers.Binary;
using Controller.Hardware.Transports.Can;

namespace Controller.Hardware.Protocols.CanOpen;

/// <summary>
/// The server side of SDO (CiA 301 §7.2.4: expedited and segmented upload and download) in front of an
/// <see cref="IObjectDictionary"/>: one request in, at most one response out. Twins use it; so do the SDO tests,
/// as the counterpart of <see cref="SdoClient"/>. No allocation after construction.
/// </summary>
public sealed class SdoServer
{
    private readonly IObjectDictionary _dictionary;
    private readonly byte[] _buffer;
    private Phase _phase;
    private ushort _index;
    private byte _subIndex;
    private int _length;
    private int _offset;
    private byte _toggle;

    private enum Phase { Idle, Downloading, Uploading }

    /// <summary>Serves <paramref name="dictionary"/> as node <paramref name="nodeId"/>.</summary>
    public SdoServer(byte nodeId, IObjectDictionary dictionary, int capacityBytes = 1024)
    {
        CanOpenCobIds.ValidateNodeId(nodeId);
        NodeId = nodeId;
        _dictionary = dictionary ?? throw new ArgumentNullException(nameof(dictionary));
        _buffer = new byte[capacityBytes];
    }

    /// <summary>The node served.</summary>
    public byte NodeId { get; }

    /// <summary>Transfers this server aborted since creation.</summary>
    public long Aborts { get; private set; }

    /// <summary>Handles a frame; true (with the response) when it was an SDO request to this node.</summary>
    public bool TryHandle(in CanFrame request, out CanFrame response)
    {
        response = default;
        if (request.Id != CanOpenCobIds.SdoRequest(NodeId) || request.IsExtended || request.IsRemote || request.IsError) return false;
        if (request.Length != 8)
        {
            response = Abort(SdoAbortCode.InvalidCommandSpecifier);
            return true;
        }
        byte flags = request.Data[0];
        switch (SdoFrames.Specifier(request))
        {
            case SdoFrames.ClientInitiateDownload: response = InitiateDownload(request, flags); break;
            case SdoFrames.ClientDownloadSegment: response = DownloadSegment(request, flags); break;
            case SdoFrames.ClientInitiateUpload: response = InitiateUpload(request); break;
            case SdoFrames.ClientUploadSegment: response = UploadSegment(flags); break;
            case SdoFrames.Abort: _phase = Phase.Idle; return false; // the client gave up: no answer
            default: response = Abort(SdoAbortCode.InvalidCommandSpecifier); break;
        }
        return true;
    }

    private CanFrame InitiateDownload(in CanFrame request, byte flags)
    {
        _index = SdoFrames.IndexOf(request);
        _subIndex = request.Data[3];
        bool expedited = (flags & 0x02) != 0;
        bool sizeIndicated = (flags & 0x01) != 0;
        if (expedited)
        {
            int n = sizeIndicated ? 4 - ((flags >> 2) & 0x3) : 4;
            var code = _dictionary.Write(_index, _subIndex, ((ReadOnlySpan<byte>)request.Data).Slice(4, n));
            _phase = Phase.Idle;
            return code == SdoAbortCode.None ? Reply(SdoFrames.ServerInitiateDownload << 5) : Abort(code);
        }
        uint size = sizeIndicated ? SdoFrames.ReadUInt32(request) : (uint)_buffer.Length;
        if (size > (uint)_buffer.Length) return Abort(SdoAbortCode.OutOfMemory);
        _length = sizeIndicated ? (int)size : -1;
        _offset = 0;
        _toggle = 0;
        _phase = Phase.Downloading;
        return Reply(SdoFrames.ServerInitiateDownload << 5);
    }

    private CanFrame DownloadSegment(in CanFrame request, byte flags)
    {
        if (_phase != Phase.Downloading) return Abort(SdoAbortCode.InvalidCommandSpecifier);
        if (((flags >> 4) & 1) != _toggle) return Abort(SdoAbortCode.ToggleBitNotAlternated);
        int n = 7 - ((flags >> 1) & 0x7);
        if (_offset + n > _buffer.Length) return Abort(SdoAbortCode.OutOfMemory);
        ((ReadOnlySpan<byte>)request.Data).Slice(1, n).CopyTo(_buffer.AsSpan(_offset));
        _offset += n;
        var response = SdoFrames.Segment(CanOpenCobIds.SdoResponse(NodeId), (byte)((SdoFrames.ServerDownloadSegment << 5) | (_toggle << 4)), []);
        _toggle ^= 1;
        if ((flags & 0x01) == 0) return response;
        _phase = Phase.Idle;
        if (_length >= 0 && _offset != _length) return Abort(_offset > _length ? SdoAbortCode.LengthTooHigh : SdoAbortCode.LengthTooLow);
        var code = _dictionary.Write(_index, _subIndex, _buffer.AsSpan(0, _offset));
        return code == SdoAbortCode.None ? response : Abort(code);
    }

    private CanFrame InitiateUpload(in CanFrame request)
    {
        _index = SdoFrames.IndexOf(request);
        _subIndex = request.Data[3];
        _phase = Phase.Idle;
        var code = _dictionary.Read(_index, _subIndex, _buffer, out int length);
        if (code != SdoAbortCode.None) return Abort(code);
        if (length <= 4)
        {
            var expedited = Reply((byte)((SdoFrames.ServerInitiateUpload << 5) | ((4 - length) << 2) | 0x03));
            _buffer.AsSpan(0, length).CopyTo(expedited.Data[4..]);
            return expedited;
        }
        _length = length;
        _offset = 0;
        _toggle = 0;
        _phase = Phase.Uploading;
        var initiate = Reply((SdoFrames.ServerInitiateUpload << 5) | 0x01);
        BinaryPrimitives.WriteUInt32LittleEndian(initiate.Data[4..], (uint)length);
        return initiate;
    }

    private CanFrame UploadSegment(byte flags)
    {
        if (_phase != Phase.Uploading) return Abort(SdoAbortCode.InvalidCommandSpecifier);
        if (((flags >> 4) & 1) != _toggle) return Abort(SdoAbortCode.ToggleBitNotAlternated);
        int n = Math.Min(7, _length - _offset);
        bool last = _offset + n == _length;
        var response = SdoFrames.Segment(CanOpenCobIds.SdoResponse(NodeId),
            (byte)((SdoFrames.ServerUploadSegment << 5) | (_toggle << 4) | ((7 - n) << 1) | (last ? 1 : 0)), _buffer.AsSpan(_offset, n));
        _offset += n;
        _toggle ^= 1;
        if (last) _phase = Phase.Idle;
        return response;
    }

    private CanFrame Reply(int command) => SdoFrames.New(CanOpenCobIds.SdoResponse(NodeId), (byte)command, _index, _subIndex);

    private CanFrame Abort(SdoAbortCode code)
    {
        _phase = Phase.Idle;
        Aborts++;
        return SdoFrames.AbortFrame(CanOpenCobIds.SdoResponse(NodeId), _index, _subIndex, code);
    }
}
