using Controller.Hardware.Protocols.Ati;
using FsCheck;
using FsCheck.Fluent;

namespace Controller.Hardware.Tests.Protocols.Ati;

public class RdtTests
{
    private static readonly Arbitrary<int> Seeds = Gen.Choose(0, int.MaxValue - 1).ToArbitrary();

    [Fact]
    public void EncodeRequest_StartStreamingForever_IsBigEndianHeaderCommandCount()
    {
        var buffer = new byte[8];
        Rdt.EncodeRequest(buffer, RdtCommand.StartRealtimeStreaming, 0);
        Assert.Equal("1234000200000000", Convert.ToHexString(buffer));
        Rdt.EncodeRequest(buffer, RdtCommand.SetSoftwareBias, 1);
        Assert.Equal("1234004200000001", Convert.ToHexString(buffer));
    }

    [Fact]
    public void EncodeRecord_KnownValues_AreBigEndianInOrder()
    {
        var buffer = new byte[36];
        Rdt.EncodeRecord(buffer, new RdtRecord(1, 2, 0x80000000, -1, 256, 0, 1_000_000, -1_000_000, 7));
        Assert.Equal("00000001" + "00000002" + "80000000" + "FFFFFFFF" + "00000100" + "00000000" + "000F4240" + "FFF0BDC0" + "00000007", Convert.ToHexString(buffer));
    }

    [Fact]
    public void RecordsAndRequests_RoundTrip()
    {
        Prop.ForAll(Seeds, seed =>
        {
            var rng = new Random(seed);
            var record = new RdtRecord((uint)rng.NextInt64(0, 1L << 32), (uint)rng.NextInt64(0, 1L << 32), (uint)rng.NextInt64(0, 1L << 32),
                rng.Next(int.MinValue, int.MaxValue), rng.Next(int.MinValue, int.MaxValue), rng.Next(int.MinValue, int.MaxValue),
                rng.Next(int.MinValue, int.MaxValue), rng.Next(int.MinValue, int.MaxValue), rng.Next(int.MinValue, int.MaxValue));
            var buffer = new byte[36];
            Rdt.EncodeRecord(buffer, record);
            Assert.True(Rdt.TryDecodeRecord(buffer, out var back));
            Assert.Equal(record, back);
            var command = (RdtCommand)rng.Next(0, 65536);
            uint count = (uint)rng.NextInt64(0, 1L << 32);
            Rdt.EncodeRequest(buffer, command, count);
            Assert.True(Rdt.TryDecodeRequest(buffer.AsSpan(0, 8), out var c, out uint n));
            Assert.Equal((command, count), (c, n));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Decoders_RandomDatagrams_AcceptOnlyTheRightSizeAndNeverThrow()
    {
        Prop.ForAll(Seeds, seed =>
        {
            var rng = new Random(seed);
            var datagram = new byte[rng.Next(0, 80)];
            rng.NextBytes(datagram);
            Assert.Equal(datagram.Length == 36, Rdt.TryDecodeRecord(datagram, out _));
            bool request = Rdt.TryDecodeRequest(datagram, out _, out _);
            Assert.Equal(datagram.Length == 8 && datagram[0] == 0x12 && datagram[1] == 0x34, request);
        }).QuickCheckThrowOnFailure();
    }
}
