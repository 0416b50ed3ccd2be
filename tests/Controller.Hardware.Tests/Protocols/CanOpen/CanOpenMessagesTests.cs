using Controller.Hardware.Protocols.CanOpen;
using Controller.Hardware.Transports.Can;
using FsCheck;
using FsCheck.Fluent;

namespace Controller.Hardware.Tests.Protocols.CanOpen;

public class CanOpenMessagesTests
{
    [Theory]
    [InlineData(0x000u, CanOpenFunction.Nmt, 0, 0)]
    [InlineData(0x080u, CanOpenFunction.Sync, 0, 0)]
    [InlineData(0x085u, CanOpenFunction.Emergency, 5, 0)]
    [InlineData(0x185u, CanOpenFunction.Tpdo, 5, 1)]
    [InlineData(0x485u, CanOpenFunction.Tpdo, 5, 4)]
    [InlineData(0x205u, CanOpenFunction.Rpdo, 5, 1)]
    [InlineData(0x57Fu, CanOpenFunction.Rpdo, 127, 4)]
    [InlineData(0x585u, CanOpenFunction.SdoResponse, 5, 0)]
    [InlineData(0x605u, CanOpenFunction.SdoRequest, 5, 0)]
    [InlineData(0x705u, CanOpenFunction.Heartbeat, 5, 0)]
    [InlineData(0x700u, CanOpenFunction.Unknown, 0, 0)]
    public void Classify_PredefinedConnectionSet(uint id, CanOpenFunction function, int node, int pdo)
    {
        Assert.Equal(function, CanOpenCobIds.Classify(id, out byte n, out int p));
        if (function != CanOpenFunction.Unknown) Assert.Equal(node, n);
        Assert.Equal(pdo, p);
    }

    [Fact]
    public void CobIds_RoundTripThroughClassify()
    {
        Prop.ForAll(Gen.Choose(1, 127).ToArbitrary(), Gen.Choose(1, 4).ToArbitrary(), (node, pdo) =>
            CanOpenCobIds.Classify(CanOpenCobIds.Tpdo(pdo, (byte)node), out byte n1, out int p1) == CanOpenFunction.Tpdo && n1 == node && p1 == pdo
            && CanOpenCobIds.Classify(CanOpenCobIds.Rpdo(pdo, (byte)node), out byte n2, out int p2) == CanOpenFunction.Rpdo && n2 == node && p2 == pdo)
            .QuickCheckThrowOnFailure();
    }

    [Fact]
    public void NmtCommand_StartAll_IsByteExact()
    {
        Assert.Equal("000#0100", Nmt.Command(NmtCommand.StartRemoteNode, 0).ToString());
        Assert.Equal("000#8105", Nmt.Command(NmtCommand.ResetNode, 5).ToString());
        Assert.True(Nmt.TryDecodeCommand(Nmt.Command(NmtCommand.EnterPreOperational, 3), out var command, out byte node));
        Assert.Equal((NmtCommand.EnterPreOperational, (byte)3), (command, node));
    }

    [Fact]
    public void Heartbeat_Operational_IsByteExactAndDecodes()
    {
        var frame = Nmt.Heartbeat(5, NmtState.Operational);
        Assert.Equal("705#05", frame.ToString());
        Assert.True(Nmt.TryDecodeHeartbeat(frame, out byte node, out var state));
        Assert.Equal((5, NmtState.Operational), (node, state));
        Assert.True(Nmt.TryDecodeHeartbeat(CanFrame.Create(0x705, [0x85]), out _, out state)); // guarding toggle bit
        Assert.Equal(NmtState.Operational, state);
        Assert.False(Nmt.TryDecodeHeartbeat(CanFrame.Create(0x705, [0x33]), out _, out _));
    }

    [Fact]
    public void Sync_WithCounter_IsByteExact()
    {
        Assert.Equal("080#", Sync.Create().ToString());
        Assert.Equal("080#07", Sync.Create(7).ToString());
        Assert.True(Sync.IsSync(Sync.Create(7), out byte counter));
        Assert.Equal(7, counter);
    }

    [Fact]
    public void Emergency_FollowingError_DecodesByName()
    {
        var frame = CanFrame.Create(0x083, [0x11, 0x86, 0x20, 1, 2, 3, 4, 5]);
        Assert.True(EmergencyMessage.TryDecode(frame, out var emcy));
        Assert.Equal(3, emcy.NodeId);
        Assert.Equal(0x8611, emcy.ErrorCode);
        Assert.Equal(0x20, emcy.ErrorRegister);
        Assert.Equal("following error", emcy.Description);
        Assert.Equal(0x05_0403_0201UL, emcy.ManufacturerData);
        Assert.Equal(frame, emcy.ToFrame());
    }

    [Theory]
    [InlineData(0x2310, "continuous over-current (device output side)")]
    [InlineData(0x3210, "DC link over-voltage")]
    [InlineData(0x8130, "life guard error or heartbeat error")]
    [InlineData(0x4299, "temperature")]
    [InlineData(0xFF42, "device specific")]
    public void EmergencyErrorCodes_Describe(int code, string name) => Assert.Equal(name, EmergencyErrorCodes.Describe((ushort)code));

    [Fact]
    public void Decoders_RandomFrames_NeverThrow()
    {
        Prop.ForAll(Gen.Choose(0, int.MaxValue - 1).ToArbitrary(), seed =>
        {
            var rng = new Random(seed);
            var bytes = new byte[rng.Next(0, 9)];
            rng.NextBytes(bytes);
            var frame = CanFrame.Create((uint)rng.Next(0, 0x800), bytes);
            EmergencyMessage.TryDecode(frame, out _);
            Nmt.TryDecodeHeartbeat(frame, out _, out _);
            Nmt.TryDecodeCommand(frame, out _, out _);
            Sync.IsSync(frame, out _);
            CanOpenCobIds.Classify(frame.Id, out _, out _);
            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void HeartbeatConsumer_SilentNode_CountedOnceThenRecovers()
    {
        var consumer = new HeartbeatConsumer();
        consumer.Watch(3, timeoutNs: 100, nowNs: 0);
        consumer.OnFrame(Nmt.Heartbeat(3, NmtState.Operational), 50);
        Assert.Equal(0, consumer.Check(150));
        Assert.Equal(NmtState.Operational, consumer.StateOf(3));
        Assert.Equal(1, consumer.Check(151));
        Assert.True(consumer.IsLost(3));
        Assert.Equal(0, consumer.Check(400));
        Assert.Equal(1, consumer.Timeouts);
        consumer.OnFrame(Nmt.Heartbeat(3, NmtState.PreOperational), 401);
        Assert.False(consumer.IsLost(3));
        Assert.Equal(NmtState.PreOperational, consumer.StateOf(3));
    }

    [Fact]
    public void HeartbeatProducer_ProducesEveryPeriod()
    {
        var producer = new HeartbeatProducer(4, 100);
        Assert.True(producer.TryProduce(0, NmtState.Operational, out var frame));
        Assert.Equal("704#05", frame.ToString());
        Assert.False(producer.TryProduce(99, NmtState.Operational, out _));
        Assert.True(producer.TryProduce(100, NmtState.Operational, out _));
    }

    [Fact]
    public void PdoMappingEntry_Controlword_EncodesAs60400010()
    {
        Assert.Equal(0x6040_0010u, new PdoMappingEntry(0x6040, 0, 16).Encode());
        Assert.Equal(new PdoMappingEntry(0x607A, 0, 32), PdoMappingEntry.Decode(0x607A_0020));
    }

    [Fact]
    public void PdoConfiguration_Rpdo1_FollowsCia301Order()
    {
        var map = new PdoMap(new PdoMappingEntry(0x6040, 0, 16), new PdoMappingEntry(0x607A, 0, 32));
        var writes = PdoConfiguration.Rpdo(1, 5, map).Select(w => w.ToString()).ToArray();
        Assert.Equal(new[]
        {
            "0x1400:01 = 05020080", "0x1600:00 = 00", "0x1600:01 = 10004060", "0x1600:02 = 20007A60",
            "0x1600:00 = 02", "0x1400:02 = 01", "0x1400:01 = 05020000",
        }, writes);
    }

    [Fact]
    public void PdoMap_PackUnpack_SignedValues()
    {
        var map = new PdoMap(new PdoMappingEntry(0x6041, 0, 16), new PdoMappingEntry(0x6064, 0, 32), new PdoMappingEntry(0x6077, 0, 16));
        Span<byte> pdo = stackalloc byte[8];
        map.Write(pdo, 0, 0x1637);
        map.Write(pdo, 1, -123456);
        map.Write(pdo, 2, -1000);
        Assert.Equal(8, map.Length);
        Assert.Equal(0x1637, map.Read(pdo, 0, signed: false));
        Assert.Equal(-123456, map.Read(pdo, 1, signed: true));
        Assert.Equal(-1000, map.Read(pdo, 2, signed: true));
    }

    [Fact]
    public void PdoMap_MoreThan64Bits_Throws() =>
        Assert.Throws<ArgumentException>(() => new PdoMap(new PdoMappingEntry(1, 0, 64), new PdoMappingEntry(2, 0, 8)));
}
