using System.Buffers.Binary;
using System.Diagnostics;
using Controller.Hardware.Protocols.Feetech;
using Controller.Hardware.Simulation;
using Controller.Hardware.Simulation.Feetech;
using Controller.Hardware.Transports.Serial;

namespace Controller.Hardware.Tests.Simulation.Feetech;

/// <summary>The twin as any SCServo host sees it: raw packets through a SerialTransport on its pty.</summary>
public sealed class FeetechChainTwinTests : IDisposable
{
    private readonly IndependentJointPlant _plant = new(2);
    private readonly FeetechChainTwin _twin;
    private readonly SerialTransport _link;
    private readonly byte[] _tx = new byte[256];
    private readonly byte[] _parameters = new byte[300];
    private readonly FeetechStreamDecoder _decoder = new();

    public FeetechChainTwinTests()
    {
        _twin = FeetechChainTwin.StartOnNewPseudoTerminal(_plant,
            [new FeetechTwinServo(1, 0), new FeetechTwinServo(5, 1, HomingOffset: -100)],
            new FeetechTwinOptions { StepPlant = _plant.Step, BaudRate = 1_000_000 });
        _link = SerialTransport.Open(_twin.PortPath, 1_000_000);
    }

    public void Dispose()
    {
        _link.Dispose();
        _twin.Dispose();
    }

    private static long Deadline(int ms = 300) => Stopwatch.GetTimestamp() + Stopwatch.Frequency * ms / 1000;

    private List<(byte Id, FeetechStatusErrors Error, byte[] Parameters)> Exchange(int length, int expected, int waitMs = 300)
    {
        _decoder.Clear();
        _link.DiscardInput();
        Assert.True(_link.Write(_tx.AsSpan(0, length), Deadline()));
        var replies = new List<(byte, FeetechStatusErrors, byte[])>();
        long deadline = Deadline(waitMs);
        while (replies.Count < expected)
        {
            int n = _link.Read(_decoder.GetWriteSpace(), deadline);
            if (n == 0) break;
            _decoder.Commit(n);
            while (_decoder.TryNext(_parameters, out var info) is var r && r != FeetechDecodeResult.NeedMoreData)
                if (r == FeetechDecodeResult.Packet) replies.Add((info.Id, info.Error, _parameters[..info.ParameterLength]));
        }
        return replies;
    }

    [Fact]
    public void Ping_AnswersAnEmptyStatus()
    {
        var replies = Exchange(FeetechInstructions.Ping(_tx, 5), 1);
        Assert.Equal((byte)5, Assert.Single(replies).Id);
        Assert.Empty(replies[0].Parameters);
    }

    [Fact]
    public void Read_ModelNumber_Is777LittleEndian()
    {
        var reply = Assert.Single(Exchange(FeetechInstructions.Read(_tx, 1, 3, 2), 1));
        Assert.Equal(777, BinaryPrimitives.ReadUInt16LittleEndian(reply.Parameters));
    }

    [Fact]
    public void SyncRead_FeedbackBlock_EachServoAnswersInRequestOrder_PresentIsActualMinusHomingOffset()
    {
        _plant.SetPositionRad(1, 0);
        Thread.Sleep(20);
        var replies = Exchange(FeetechInstructions.SyncRead(_tx, 56, 6, [5, 1]), 2);

        Assert.Equal([5, 1], replies.Select(r => r.Id));
        Assert.All(replies, r => Assert.Equal(6, r.Parameters.Length));
        // Servo 5: actual 2048 at 0 rad, Homing_Offset -100 → Present 2148.
        Assert.Equal(2148, BinaryPrimitives.ReadUInt16LittleEndian(replies[0].Parameters));
    }

    [Fact]
    public void SyncWrite_GoalPositions_GetNoReplyAndLandInTheTables()
    {
        var data = new byte[] { 0x00, 0x0C, 0x00, 0x04 };
        Assert.Empty(Exchange(FeetechInstructions.SyncWrite(_tx, 42, 2, [1, 5], data), 1, waitMs: 50));

        Assert.Equal(0x0C00, _twin.Servo(1).ReadRegister(StsControlTable.GoalPosition));
        Assert.Equal(0x0400, _twin.Servo(5).ReadRegister(StsControlTable.GoalPosition));
    }

    [Fact]
    public void Write_ReadOnlyModelNumber_IsIgnoredStatusStillSent()
    {
        var reply = Assert.Single(Exchange(FeetechInstructions.Write(_tx, 1, 3, [1, 2]), 1));
        Assert.Equal(FeetechStatusErrors.None, reply.Error);
        Assert.Equal(777, _twin.Servo(1).ReadRegister(StsControlTable.ModelNumber));
    }

    [Fact]
    public void CorruptRequest_DroppedSilentlyAndCounted()
    {
        int n = FeetechInstructions.Ping(_tx, 1);
        _tx[n - 1] ^= 0x11;
        Assert.Empty(Exchange(n, 1, waitMs: 50));
        Assert.Equal(1, _twin.CorruptInstructions);
    }

    [Fact]
    public void TorqueOnInPositionMode_ServoLoopDrivesThePlantToTheGoal()
    {
        Assert.Single(Exchange(FeetechInstructions.Write(_tx, 1, 42, [0x00, 0x0C]), 1)); // goal 3072 = +π/2
        Assert.Single(Exchange(FeetechInstructions.Write(_tx, 1, 40, [1]), 1));
        for (int i = 0; i < 300 && Math.Abs(_plant.GetPositionRad(0) - Math.PI / 2) > 0.01; i++) Thread.Sleep(5);
        Assert.Equal(Math.PI / 2, _plant.GetPositionRad(0), 1);
    }

    [Fact]
    public void Overload_TripsTorqueOffAndFlagsEveryStatusUntilTorqueEnableIsWritten()
    {
        Assert.Single(Exchange(FeetechInstructions.Write(_tx, 1, 40, [1]), 1));
        _twin.InjectFault(1, FeetechTwinFaults.Overload);
        Thread.Sleep(10);

        Assert.Equal(FeetechStatusErrors.Overload, Assert.Single(Exchange(FeetechInstructions.Ping(_tx, 1), 1)).Error);
        Assert.Equal(0, _twin.Servo(1).ReadRegister(StsControlTable.TorqueEnable));

        Exchange(FeetechInstructions.Write(_tx, 1, 40, [0]), 1);
        Assert.Equal(FeetechStatusErrors.None, Assert.Single(Exchange(FeetechInstructions.Ping(_tx, 1), 1)).Error);
    }
}
