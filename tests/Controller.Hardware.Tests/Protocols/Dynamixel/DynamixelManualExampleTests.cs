using Controller.Hardware.Protocols.Dynamixel;

namespace Controller.Hardware.Tests.Protocols.Dynamixel;

/// <summary>The worked examples of the ROBOTIS e-Manual, Protocol 2.0 "Instruction Details" (XM430-W210 conditions), byte for byte.</summary>
public class DynamixelManualExampleTests
{
    private readonly byte[] _buffer = new byte[128];

    private string Encoded(int length) => Hex.Of(_buffer.AsSpan(0, length));

    [Fact]
    public void Ping_Id1_MatchesManual() =>
        Assert.Equal(Hex.Of(Hex.Bytes("FF FF FD 00 01 03 00 01 19 4E")), Encoded(DynamixelInstructions.Ping(_buffer, 1)));

    [Fact]
    public void Ping_Broadcast_MatchesManual() =>
        Assert.Equal(Hex.Of(Hex.Bytes("FF FF FD 00 FE 03 00 01 31 42")), Encoded(DynamixelInstructions.Ping(_buffer, 0xFE)));

    [Fact]
    public void PingStatus_Model1030Firmware38_MatchesManual()
    {
        Assert.Equal(Hex.Of(Hex.Bytes("FF FF FD 00 01 07 00 55 00 06 04 26 65 5D")), Encoded(DynamixelInstructions.Status(_buffer, 1, 0, [0x06, 0x04, 0x26])));
        Assert.Equal(Hex.Of(Hex.Bytes("FF FF FD 00 02 07 00 55 00 06 04 26 6F 6D")), Encoded(DynamixelInstructions.Status(_buffer, 2, 0, [0x06, 0x04, 0x26])));
    }

    [Fact]
    public void Read_PresentPosition_MatchesManual() =>
        Assert.Equal(Hex.Of(Hex.Bytes("FF FF FD 00 01 07 00 02 84 00 04 00 1D 15")), Encoded(DynamixelInstructions.Read(_buffer, 1, 132, 4)));

    [Fact]
    public void ReadStatus_Position166_MatchesManual() =>
        Assert.Equal(Hex.Of(Hex.Bytes("FF FF FD 00 01 08 00 55 00 A6 00 00 00 8C C0")), Encoded(DynamixelInstructions.Status(_buffer, 1, 0, [0xA6, 0, 0, 0])));

    [Fact]
    public void Write_GoalPosition512_MatchesManual() =>
        Assert.Equal(Hex.Of(Hex.Bytes("FF FF FD 00 01 09 00 03 74 00 00 02 00 00 CA 89")), Encoded(DynamixelInstructions.WriteValue(_buffer, 1, 116, 512, 4)));

    [Fact]
    public void EmptyStatus_MatchesManual() =>
        Assert.Equal(Hex.Of(Hex.Bytes("FF FF FD 00 01 04 00 55 00 A1 0C")), Encoded(DynamixelInstructions.Status(_buffer, 1, 0, [])));

    [Fact]
    public void RegWrite_GoalVelocity200_MatchesManual() =>
        Assert.Equal(Hex.Of(Hex.Bytes("FF FF FD 00 01 09 00 04 68 00 C8 00 00 00 AE 8E")), Encoded(DynamixelInstructions.RegWrite(_buffer, 1, 104, [0xC8, 0, 0, 0])));

    [Fact]
    public void Action_MatchesManual() =>
        Assert.Equal(Hex.Of(Hex.Bytes("FF FF FD 00 01 03 00 05 02 CE")), Encoded(DynamixelInstructions.Action(_buffer, 1)));

    [Fact]
    public void FactoryReset_AllButId_MatchesManual() =>
        Assert.Equal(Hex.Of(Hex.Bytes("FF FF FD 00 01 04 00 06 01 A1 E6")), Encoded(DynamixelInstructions.FactoryReset(_buffer, 1, 0x01)));

    [Fact]
    public void Reboot_MatchesManual() =>
        Assert.Equal(Hex.Of(Hex.Bytes("FF FF FD 00 01 03 00 08 2F 4E")), Encoded(DynamixelInstructions.Reboot(_buffer, 1)));

    [Fact]
    public void SyncRead_PresentPositionOfIds1And2_MatchesManual() =>
        Assert.Equal(Hex.Of(Hex.Bytes("FF FF FD 00 FE 09 00 82 84 00 04 00 01 02 CE FA")), Encoded(DynamixelInstructions.SyncRead(_buffer, 132, 4, [1, 2])));

    [Fact]
    public void SyncReadStatus_Id2Position2079_MatchesManual() =>
        Assert.Equal(Hex.Of(Hex.Bytes("FF FF FD 00 02 08 00 55 00 1F 08 00 00 BA BE")), Encoded(DynamixelInstructions.Status(_buffer, 2, 0, [0x1F, 0x08, 0, 0])));

    [Fact]
    public void SyncWrite_GoalPositions150And170_MatchesManual() =>
        Assert.Equal(
            Hex.Of(Hex.Bytes("FF FF FD 00 FE 11 00 83 74 00 04 00 01 96 00 00 00 02 AA 00 00 00 82 87")),
            Encoded(DynamixelInstructions.SyncWrite(_buffer, 116, 4, [1, 2], [0x96, 0, 0, 0, 0xAA, 0, 0, 0])));

    [Fact]
    public void BulkRead_VoltageAndTemperature_MatchesManual()
    {
        DynamixelBulkEntry[] entries = [new(1, 144, 2), new(2, 146, 1)];
        Assert.Equal(Hex.Of(Hex.Bytes("FF FF FD 00 FE 0D 00 92 01 90 00 02 00 02 92 00 01 00 1A 05")), Encoded(DynamixelInstructions.BulkRead(_buffer, entries)));
        Assert.Equal(Hex.Of(Hex.Bytes("FF FF FD 00 01 06 00 55 00 77 00 C3 69")), Encoded(DynamixelInstructions.Status(_buffer, 1, 0, [0x77, 0])));
        Assert.Equal(Hex.Of(Hex.Bytes("FF FF FD 00 02 05 00 55 00 24 8B A9")), Encoded(DynamixelInstructions.Status(_buffer, 2, 0, [0x24])));
    }

    [Fact]
    public void BulkWrite_VoltageLimitAndTemperatureLimit_MatchesManual()
    {
        DynamixelBulkEntry[] entries = [new(1, 32, 2), new(2, 31, 1)];
        Assert.Equal(
            Hex.Of(Hex.Bytes("FF FF FD 00 FE 10 00 93 01 20 00 02 00 A0 00 02 1F 00 01 00 50 B7 68")),
            Encoded(DynamixelInstructions.BulkWrite(_buffer, entries, [0xA0, 0x00, 0x50])));
    }

    [Fact]
    public void FastSyncRead_Request_MatchesPublishedVector() =>
        Assert.Equal(Hex.Of(Hex.Bytes("FF FF FD 00 FE 09 00 8A 84 00 04 00 01 02 4D 72")), Encoded(DynamixelInstructions.FastSyncRead(_buffer, 132, 4, [1, 2])));

    [Fact]
    public void FastSyncReadReply_ManualExample_EncodesAndParsesBlocks()
    {
        var manual = Hex.Bytes("FF FF FD 00 FE 19 00 55 00 03 A6 00 00 00 84 08 00 07 1F 08 00 00 16 CA 00 04 FF 03 00 00 D1 9E");
        int n = DynamixelFastSyncRead.EncodeReply(_buffer, [3, 7, 4], [0, 0, 0], [0xA6, 0, 0, 0, 0x1F, 0x08, 0, 0, 0xFF, 0x03, 0, 0], 4);
        Assert.Equal(Hex.Of(manual), Encoded(n));

        Assert.True(DynamixelFastSyncRead.TryGetBlock(manual, 1, 4, out byte id, out byte error, out var data));
        Assert.Equal((7, 0), (id, error));
        Assert.Equal(new byte[] { 0x1F, 0x08, 0, 0 }, data.ToArray());
        manual[12] ^= 0x01;
        Assert.False(DynamixelFastSyncRead.TryGetBlock(manual, 0, 4, out _, out _, out _));
    }

    [Fact]
    public void Decode_ManualReadStatus_GivesIdErrorAndParameters()
    {
        var body = new byte[16];
        var result = DynamixelPacketDecoder.TryDecode(Hex.Bytes("FF FF FD 00 01 08 00 55 00 A6 00 00 00 8C C0"), body, out var info, out int consumed);

        Assert.Equal(DynamixelDecodeResult.Packet, result);
        Assert.Equal(15, consumed);
        Assert.True(info.IsStatus);
        Assert.Equal((byte)1, info.Id);
        Assert.Equal(new byte[] { 0x00, 0xA6, 0, 0, 0 }, body[..info.BodyLength]);
    }

    [Theory]
    [InlineData(0x80, DynamixelStatusError.None, true)]
    [InlineData(0x03, DynamixelStatusError.CrcError, false)]
    [InlineData(0x87, DynamixelStatusError.AccessError, true)]
    public void StatusErrors_SplitsAlertAndCode(byte error, DynamixelStatusError code, bool alert)
    {
        Assert.Equal(code, DynamixelStatusErrors.Code(error));
        Assert.Equal(alert, DynamixelStatusErrors.HasHardwareAlert(error));
    }
}
