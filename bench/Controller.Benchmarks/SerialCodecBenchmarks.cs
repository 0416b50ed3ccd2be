using System.Buffers.Binary;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Controller.Hardware.Protocols.Dynamixel;
using Controller.Hardware.Protocols.Feetech;

namespace Controller.Benchmarks;

/// <summary>
/// Codec cost per servo of one servo-bus cycle, Dynamixel Protocol 2.0 beside Feetech STS: the sync write of
/// <see cref="Servos"/> goal positions (encode, CRC-16 and byte stuffing vs an 8-bit checksum), and the decode of
/// the <see cref="Servos"/> status packets a sync read brings back (the feedback block each driver reads: 10 bytes
/// of current/velocity/position, 6 bytes of position/velocity/load), through each protocol's stream decoder.
/// Reported per servo (OperationsPerInvoke); both must be 0 B/op, as they run on the 1 kHz loop.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class SerialCodecBenchmarks
{
    public const int Servos = 6;

    private readonly byte[] _ids = [1, 2, 3, 4, 5, 6];
    private readonly byte[] _packet = new byte[512];
    private readonly byte[] _body = new byte[DynamixelPacket.MaxPacketBytes];
    private readonly byte[] _dynamixelData = new byte[Servos * 4];
    private readonly byte[] _feetechData = new byte[Servos * 2];
    private readonly DynamixelStreamDecoder _dynamixelDecoder = new();
    private readonly FeetechStreamDecoder _feetechDecoder = new();
    private byte[] _dynamixelReplies = [];
    private byte[] _feetechReplies = [];
    private int _tick;

    [GlobalSetup]
    public void Setup()
    {
        var replies = new List<byte>();
        var feedback = new byte[10];
        for (int i = 0; i < Servos; i++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(feedback.AsSpan(6), 2048 + 100 * i);
            int n = DynamixelInstructions.Status(_packet, _ids[i], 0, feedback);
            replies.AddRange(_packet.AsSpan(0, n).ToArray());
        }
        _dynamixelReplies = replies.ToArray();
        replies.Clear();
        var block = new byte[6];
        for (int i = 0; i < Servos; i++)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(block, (ushort)(2048 + 100 * i));
            int n = FeetechInstructions.Status(_packet, _ids[i], FeetechStatusErrors.None, block);
            replies.AddRange(_packet.AsSpan(0, n).ToArray());
        }
        _feetechReplies = replies.ToArray();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Servos), BenchmarkCategory("sync write encode")]
    public int DynamixelSyncWrite()
    {
        int goal = 2048 + (_tick++ & 255);
        for (int i = 0; i < Servos; i++) BinaryPrimitives.WriteInt32LittleEndian(_dynamixelData.AsSpan(i * 4), goal + i);
        return DynamixelInstructions.SyncWrite(_packet, XSeriesControlTable.GoalPosition.Address, 4, _ids, _dynamixelData);
    }

    [Benchmark(OperationsPerInvoke = Servos), BenchmarkCategory("sync write encode")]
    public int FeetechSyncWrite()
    {
        int goal = 2048 + (_tick++ & 255);
        for (int i = 0; i < Servos; i++) BinaryPrimitives.WriteUInt16LittleEndian(_feetechData.AsSpan(i * 2), (ushort)(goal + i));
        return FeetechInstructions.SyncWrite(_packet, StsControlTable.GoalPosition.Address, 2, _ids, _feetechData);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Servos), BenchmarkCategory("sync read decode")]
    public int DynamixelSyncReadReplies()
    {
        _dynamixelDecoder.Clear();
        _dynamixelDecoder.Append(_dynamixelReplies);
        int sum = 0;
        while (_dynamixelDecoder.TryNext(_body, out var info) is var r && r != DynamixelDecodeResult.NeedMoreData)
            if (r == DynamixelDecodeResult.Packet) sum += BinaryPrimitives.ReadInt32LittleEndian(_body.AsSpan(7)) + info.Id;
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Servos), BenchmarkCategory("sync read decode")]
    public int FeetechSyncReadReplies()
    {
        _feetechDecoder.Clear();
        _feetechDecoder.Append(_feetechReplies);
        int sum = 0;
        while (_feetechDecoder.TryNext(_body, out var info) is var r && r != FeetechDecodeResult.NeedMoreData)
            if (r == FeetechDecodeResult.Packet) sum += BinaryPrimitives.ReadUInt16LittleEndian(_body) + info.Id;
        return sum;
    }
}
