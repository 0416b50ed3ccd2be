using System.Buffers.Binary;
using System.Diagnostics;
using Controller.Hardware.Protocols.Dynamixel;
using Controller.Hardware.Simulation;
using Controller.Hardware.Simulation.Dynamixel;
using Controller.Hardware.Transports.Serial;

namespace Controller.Hardware.Tests.Simulation.Dynamixel;

/// <summary>The twin as any Protocol 2.0 host sees it: raw packets through a SerialTransport on its pty.</summary>
public sealed class DynamixelChainTwinTests : IDisposable
{
    private readonly IndependentJointPlant _plant = new(2);
    private readonly DynamixelChainTwin _twin;
    private readonly SerialTransport _link;
    private readonly byte[] _tx = new byte[256];
    private readonly byte[] _body = new byte[1100];
    private readonly DynamixelStreamDecoder _decoder = new();

    public DynamixelChainTwinTests()
    {
        _twin = DynamixelChainTwin.StartOnNewPseudoTerminal(_plant,
            [new DynamixelTwinServo(1, DynamixelModels.XM430W350, 0), new DynamixelTwinServo(5, DynamixelModels.XL430W250, 1)],
            new DynamixelTwinOptions { StepPlant = _plant.Step, BaudRate = 1_000_000 });
        _link = SerialTransport.Open(_twin.PortPath, 1_000_000);
    }

    public void Dispose()
    {
        _link.Dispose();
        _twin.Dispose();
    }

    private static long Deadline() => Stopwatch.GetTimestamp() + Stopwatch.Frequency / 2;

    /// <summary>Sends a packet and collects the status packets that arrive within 500 ms (or until <paramref name="expected"/> came).</summary>
    private List<(byte Id, byte Error, byte[] Parameters)> Exchange(int length, int expected)
    {
        _decoder.Clear();
        _link.DiscardInput();
        Assert.True(_link.Write(_tx.AsSpan(0, length), Deadline()));
        var replies = new List<(byte, byte, byte[])>();
        long deadline = Deadline();
        while (replies.Count < expected)
        {
            int n = _link.Read(_decoder.GetWriteSpace(), deadline);
            if (n == 0) break;
            _decoder.Commit(n);
            while (_decoder.TryNext(_body, out var info) is var r && r != DynamixelDecodeResult.NeedMoreData)
                if (r == DynamixelDecodeResult.Packet && info.IsStatus) replies.Add((info.Id, _body[0], _body[1..info.BodyLength]));
        }
        return replies;
    }

    [Fact]
    public void BroadcastPing_EveryServoAnswersItsModelInChainOrder()
    {
        var replies = Exchange(DynamixelInstructions.Ping(_tx, DynamixelPacket.BroadcastId), 2);

        Assert.Equal([1, 5], replies.Select(r => r.Id));
        Assert.Equal(1020, BinaryPrimitives.ReadUInt16LittleEndian(replies[0].Parameters));
        Assert.Equal(1060, BinaryPrimitives.ReadUInt16LittleEndian(replies[1].Parameters));
    }

    [Fact]
    public void WriteEeprom_WithTorqueOn_IsAccessError()
    {
        Assert.Equal(0, Exchange(DynamixelInstructions.WriteValue(_tx, 1, 64, 1, 1), 1).Single().Error);

        var reply = Exchange(DynamixelInstructions.WriteValue(_tx, 1, 11, 0, 1), 1).Single();

        Assert.Equal(DynamixelStatusError.AccessError, DynamixelStatusErrors.Code(reply.Error));
    }

    [Fact]
    public void Write_ReadOnlyAddressOrInvalidMode_IsRefusedWithTheManualsErrorNumbers()
    {
        Assert.Equal((byte)DynamixelStatusError.AccessError, Exchange(DynamixelInstructions.WriteValue(_tx, 1, 132, 5, 4), 1).Single().Error);
        Assert.Equal((byte)DynamixelStatusError.DataRangeError, Exchange(DynamixelInstructions.WriteValue(_tx, 1, 11, 2, 1), 1).Single().Error);
        Assert.Equal((byte)DynamixelStatusError.InstructionError, Exchange(DynamixelInstructions.Action(_tx, 1), 1).Single().Error);
    }

    [Fact]
    public void RegWriteThenAction_AppliesTheHeldWrite()
    {
        Exchange(DynamixelInstructions.RegWrite(_tx, 5, 65, [1]), 1);
        Assert.Equal(0, _twin.Servo(5).ReadRegister(XSeriesControlTable.Led));

        Exchange(DynamixelInstructions.Action(_tx, 5), 1);

        Assert.Equal(1, _twin.Servo(5).ReadRegister(XSeriesControlTable.Led));
    }

    [Fact]
    public void FastSyncRead_AnswersOneAggregatePacketWithRunningCrcs()
    {
        _plant.SetPositionRad(1, 0.25);
        Thread.Sleep(20);
        int n = DynamixelInstructions.FastSyncRead(_tx, 132, 4, [1, 5]);
        _link.DiscardInput();
        _link.Write(_tx.AsSpan(0, n), Deadline());
        var reply = new byte[DynamixelFastSyncRead.ReplyBytes(2, 4)];

        Assert.Equal(reply.Length, _link.ReadExactly(reply, Deadline()));

        Assert.True(DynamixelFastSyncRead.TryGetBlock(reply, 1, 4, out byte id, out byte error, out var data));
        Assert.Equal((5, 0), (id, error));
        Assert.InRange(BinaryPrimitives.ReadInt32LittleEndian(data) - DynamixelUnits.RadToPulses(0.25), -2, 2);
    }

    [Fact]
    public void BulkRead_EachServoAnswersItsOwnItem()
    {
        var replies = Exchange(DynamixelInstructions.BulkRead(_tx, [new(1, 0, 2), new(5, 7, 1)]), 2);

        Assert.Equal(1020, BinaryPrimitives.ReadUInt16LittleEndian(replies[0].Parameters));
        Assert.Equal(new byte[] { 5 }, replies[1].Parameters);
    }

    [Fact]
    public void Garbage_BeforeAPing_IsSkippedAndThePingAnswered()
    {
        byte[] garbage = [0xFF, 0xFF, 0xFD, 0x00, 0x01, 0xFF, 0x7F, 0x13, 0xFF, 0xFF];
        garbage.CopyTo(_tx, 0);
        int n = DynamixelInstructions.Ping(_tx.AsSpan(garbage.Length), 1);

        var replies = Exchange(garbage.Length + n, 1);

        Assert.Equal((byte)1, replies.Single().Id);
    }
}
