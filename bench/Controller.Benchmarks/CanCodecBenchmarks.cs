using BenchmarkDotNet.Attributes;
using Controller.Hardware.Protocols.CanOpen;
using Controller.Hardware.Protocols.Mit;
using Controller.Hardware.Protocols.Slcan;
using Controller.Hardware.Simulation.Cia402;
using Controller.Hardware.Transports.Can;

namespace Controller.Benchmarks;

/// <summary>
/// What the CAN cycle pays per frame in codec work (issue #6: 0 B/op): an expedited SDO upload through client and
/// server, CiA 402 RPDO packing and TPDO unpacking, MIT command packing and reply decoding, SLCAN line encoding and
/// streaming decoding.
/// </summary>
[MemoryDiagnoser]
public class CanCodecBenchmarks
{
    private readonly byte[] _pdo = new byte[8];
    private readonly byte[] _mit = new byte[8];
    private readonly byte[] _line = new byte[SlcanEncoder.MaxLineLength];
    private readonly SlcanDecoder _decoder = new();
    private SdoClient _client = null!;
    private SdoServer _server = null!;
    private CanFrame _mitReply;
    private CanFrame _dataFrame;
    private int _lineLength;

    [GlobalSetup]
    public void Setup()
    {
        _client = new SdoClient(1);
        _server = new SdoServer(1, new Cia402TwinDictionary(1, "bench drive", 1));
        var reply = new MitReply(1, 0.5, -2, 1.5, 40, 0, false);
        Span<byte> data = stackalloc byte[8];
        int length = MitCodec.EncodeReply(reply, MitActuatorModel.CubeMarsAk80_9, data);
        _mitReply = CanFrame.Create(0, data[..length]);
        _dataFrame = CanFrame.Create(0x181, [0x37, 0x02, 0x10, 0x27, 0x00, 0x00, 0xE8, 0x03]);
        _lineLength = SlcanEncoder.EncodeFrame(_dataFrame, _line);
    }

    /// <summary>Expedited SDO upload of 0x6041: request frame, server answer, client completion.</summary>
    [Benchmark]
    public ushort SdoExpeditedUploadRoundTrip()
    {
        var request = _client.BeginUpload(0x6041, 0, 0);
        _server.TryHandle(request, out var response);
        _client.OnFrame(response, 0, out _);
        return (ushort)(response.Data[1] | (response.Data[2] << 8));
    }

    /// <summary>RPDO1 (controlword, target position, target torque) packed, TPDO1 (statusword, position, torque) unpacked.</summary>
    [Benchmark]
    public long PdoPackUnpack()
    {
        var rpdo = Cia402PdoLayout.Rpdo1;
        rpdo.Write(_pdo, 0, 0x0F);
        rpdo.Write(_pdo, 1, 123_456);
        rpdo.Write(_pdo, 2, -250);
        var tpdo = Cia402PdoLayout.Tpdo1;
        return tpdo.Read(_pdo, 0, signed: false) + tpdo.Read(_pdo, 1, signed: true) + tpdo.Read(_pdo, 2, signed: true);
    }

    /// <summary>MIT impedance command packed into 8 bytes, CubeMars reply decoded.</summary>
    [Benchmark]
    public double MitPackUnpack()
    {
        MitCodec.EncodeCommand(new MitCommand(0.3, 1.0, 50, 1, 2), MitActuatorModel.CubeMarsAk80_9, _mit);
        MitCodec.TryDecodeReply(_mitReply, MitActuatorModel.CubeMarsAk80_9, out var reply);
        return reply.PositionRad + _mit[0];
    }

    /// <summary>An 8-byte standard frame encoded as an SLCAN line.</summary>
    [Benchmark]
    public int SlcanEncode() => SlcanEncoder.EncodeFrame(_dataFrame, _line);

    /// <summary>An SLCAN frame line decoded byte by byte, as the channel's reader thread does.</summary>
    [Benchmark]
    public uint SlcanDecode()
    {
        uint id = 0;
        for (int i = 0; i < _lineLength; i++)
            if (_decoder.Push(_line[i], out var message) == SlcanDecodeResult.Message) id = message.Frame.Id;
        return id;
    }
}
