using BenchmarkDotNet.Attributes;
using Controller.Hardware.Protocols.Ati;
using Controller.Hardware.Protocols.Modbus;
using Controller.Hardware.Protocols.Robotiq;

namespace Controller.Benchmarks;

/// <summary>
/// The force/torque sensors' decoders on the loop thread's path: the Robotiq FT300 data stream (16-byte frames,
/// CRC-16, resynchronising on a byte stream), a Modbus RTU read-holding-registers response (the FT300's polled
/// mode), and an ATI Net F/T RDT record (36-byte UDP datagram). Figures per frame; must be 0 B/op.
/// </summary>
[MemoryDiagnoser]
public class ForceTorqueDecodeBenchmarks
{
    private const int Frames = 64;
    private readonly Ft300StreamDecoder _decoder = new(2048);
    private readonly byte[] _stream = new byte[Frames * Ft300StreamFrame.Length];
    private readonly byte[] _modbus = new byte[ModbusRtu.MaxFrameBytes];
    private readonly byte[] _rdt = new byte[Rdt.RecordLength];
    private int _modbusLength;

    [GlobalSetup]
    public void Setup()
    {
        for (int i = 0; i < Frames; i++)
        {
            Ft300StreamFrame.Encode(_stream.AsSpan(i * Ft300StreamFrame.Length), new Ft300Sample((short)i, -200, 3000, 12, -34, 56));
        }
        _modbusLength = ModbusRtu.ReadHoldingRegistersResponse(_modbus, 9, [100, 200, 300, 400, 500, 600]);
        Rdt.EncodeRecord(_rdt, new RdtRecord(1, 2, 0, 1_000_000, -2_000_000, 3_000_000, 4000, -5000, 6000));
    }

    /// <summary>FT300 stream: append 64 frames of bytes, take every sample out.</summary>
    [Benchmark(OperationsPerInvoke = Frames)]
    public int Ft300_StreamDecode()
    {
        _decoder.Append(_stream);
        int sum = 0;
        while (_decoder.TryNext(out var sample) == Ft300StreamResult.Frame) sum += sample.ForceZ;
        return sum;
    }

    /// <summary>Modbus RTU: one 6-register read response, CRC checked, registers read out.</summary>
    [Benchmark(OperationsPerInvoke = Frames)]
    public int Modbus_ReadHoldingRegistersResponse()
    {
        int sum = 0;
        var input = _modbus.AsSpan(0, _modbusLength);
        for (int i = 0; i < Frames; i++)
        {
            if (ModbusRtu.DecodeResponse(input, ModbusFunction.ReadHoldingRegisters, out var frame) != ModbusDecodeResult.Frame) return -1;
            for (int r = 0; r < 6; r++) sum += ModbusRtu.Register(input, frame, r);
        }
        return sum;
    }

    /// <summary>ATI RDT: one 36-byte record.</summary>
    [Benchmark(OperationsPerInvoke = Frames)]
    public long AtiRdt_DecodeRecord()
    {
        long sum = 0;
        for (int i = 0; i < Frames; i++)
        {
            if (!Rdt.TryDecodeRecord(_rdt, out var record)) return -1;
            sum += record.ForceZ;
        }
        return sum;
    }
}
