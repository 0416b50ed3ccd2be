using BenchmarkDotNet.Attributes;
using Controller.Hardware.Protocols.EtherCat;

namespace Controller.Benchmarks;

/// <summary>
/// The EtherCAT master's cyclic frame, encode and decode, without the socket: one LRW over the process image of
/// <see cref="Slaves"/> slaves (32 bytes each, a CiA 402 drive's RxPDO + TxPDO) plus one FPRD of an AL status word
/// per slave, as the master sends every cycle. Must be 0 B/op: it runs on the loop thread.
/// </summary>
[MemoryDiagnoser]
public class EtherCatCodecBenchmarks
{
    private const int Frames = 1000;
    private const int BytesPerSlave = 32;
    private readonly byte[] _frame = new byte[1514];
    private int _length;

    /// <summary>Slaves on the segment.</summary>
    [Params(2, 8)]
    public int Slaves;

    [GlobalSetup]
    public void Setup() => _length = Encode(7);

    /// <summary>Builds the cycle frame (Ethernet header, LRW, one FPRD per slave).</summary>
    [Benchmark(OperationsPerInvoke = Frames)]
    public int EncodeCycleFrame()
    {
        int length = 0;
        for (int i = 0; i < Frames; i++) length += Encode((byte)i);
        return length;
    }

    /// <summary>Walks the returned frame: every datagram's header, data and working counter.</summary>
    [Benchmark(OperationsPerInvoke = Frames)]
    public int DecodeCycleFrame()
    {
        int wkc = 0;
        for (int i = 0; i < Frames; i++)
        {
            if (EtherCatFrameReader.TryCreate(_frame.AsSpan(0, _length), out var reader) != EtherCatDecodeError.None) return -1;
            while (reader.TryReadNext(out var datagram)) wkc += datagram.WorkingCounter + datagram.Data[0];
        }
        return wkc;
    }

    private int Encode(byte index)
    {
        var writer = new EtherCatFrameWriter(_frame, MacAddress.Broadcast, new MacAddress(0x02_00_00_00_00_01));
        writer.TryAppend(EtherCatCommand.Lrw, index, 0x0001_0000, Slaves * BytesPerSlave, out var image);
        image[0] = index;
        for (int s = 0; s < Slaves; s++)
        {
            writer.TryAppend(EtherCatCommand.Fprd, (byte)(index + 1 + s), (uint)(0x0130 << 16 | (0x1001 + s)), 2, out _);
        }
        return writer.Finish();
    }
}
