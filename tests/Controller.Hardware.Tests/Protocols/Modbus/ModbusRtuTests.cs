using Controller.Hardware.Protocols.Modbus;
using Controller.Hardware.Tests.Protocols.Dynamixel;
using FsCheck;
using FsCheck.Fluent;

namespace Controller.Hardware.Tests.Protocols.Modbus;

public class ModbusRtuTests
{
    private static readonly Arbitrary<int> Seeds = Gen.Choose(0, int.MaxValue - 1).ToArbitrary();

    /// <summary>Bitwise CRC straight from the Modbus serial-line specification's procedure, to check the table version.</summary>
    private static ushort ReferenceCrc(ReadOnlySpan<byte> data)
    {
        ushort crc = 0xFFFF;
        foreach (byte b in data)
        {
            crc ^= b;
            for (int i = 0; i < 8; i++) crc = (crc & 1) != 0 ? (ushort)((crc >> 1) ^ 0xA001) : (ushort)(crc >> 1);
        }
        return crc;
    }

    [Theory]
    // Robotiq FT 300 manual: start the data stream (write 0x0200 to register 410 of slave 9).
    [InlineData("09 10 01 9A 00 01 02 02 00 CD CA")]
    // Robotiq Hand-E manual, Modbus RTU example: read 3 input registers from 0x07D0, and the write-multiple response.
    [InlineData("09 04 07 D0 00 03 B1 CE")]
    [InlineData("09 10 03 E8 00 03 01 30")]
    public void Crc_RobotiqManualExamples_Match(string hex)
    {
        var frame = Hex.Bytes(hex);
        Assert.True(ModbusCrc.IsValid(frame));
    }

    [Fact]
    public void WriteMultipleRegistersRequest_Ft300StartStream_IsTheManualsBytes()
    {
        var buffer = new byte[32];
        int n = ModbusRtu.WriteMultipleRegistersRequest(buffer, 9, 410, [0x0200]);
        Assert.Equal("0910019A0001020200CDCA", Hex.Of(buffer.AsSpan(0, n)));
    }

    [Fact]
    public void Compute_RandomData_EqualsBitwiseReference()
    {
        Prop.ForAll(Seeds, seed =>
        {
            var data = new byte[new Random(seed).Next(0, 300)];
            new Random(seed).NextBytes(data);
            Assert.Equal(ReferenceCrc(data), ModbusCrc.Compute(data));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void RequestsAndResponses_RoundTrip()
    {
        Prop.ForAll(Seeds, seed =>
        {
            var rng = new Random(seed);
            var buffer = new byte[ModbusRtu.MaxFrameBytes];
            byte slave = (byte)rng.Next(1, 248);
            ushort address = (ushort)rng.Next(0, 65536);
            var values = Enumerable.Range(0, rng.Next(1, 124)).Select(_ => (ushort)rng.Next(65536)).ToArray();

            int n = ModbusRtu.ReadHoldingRegistersRequest(buffer, slave, address, (ushort)values.Length);
            Assert.Equal(ModbusDecodeResult.Frame, ModbusRtu.DecodeRequest(buffer.AsSpan(0, n), out var f));
            Assert.Equal((slave, (byte)3, address, (ushort)values.Length, n), (f.Slave, f.Function, f.Address, f.Count, f.Length));

            n = ModbusRtu.WriteMultipleRegistersRequest(buffer, slave, address, values);
            Assert.Equal(ModbusDecodeResult.Frame, ModbusRtu.DecodeRequest(buffer.AsSpan(0, n), out f));
            Assert.Equal((address, values.Length, n), (f.Address, (int)f.Count, f.Length));
            for (int i = 0; i < values.Length; i++) Assert.Equal(values[i], ModbusRtu.Register(buffer, f, i));

            n = ModbusRtu.ReadHoldingRegistersResponse(buffer, slave, values);
            Assert.Equal(ModbusDecodeResult.Frame, ModbusRtu.DecodeResponse(buffer.AsSpan(0, n), ModbusFunction.ReadHoldingRegisters, out f));
            for (int i = 0; i < values.Length; i++) Assert.Equal(values[i], ModbusRtu.Register(buffer, f, i));

            n = ModbusRtu.WriteMultipleRegistersResponse(buffer, slave, address, (ushort)values.Length);
            Assert.Equal(ModbusDecodeResult.Frame, ModbusRtu.DecodeResponse(buffer.AsSpan(0, n), ModbusFunction.WriteMultipleRegisters, out f));
            Assert.Equal((address, (ushort)values.Length), (f.Address, f.Count));

            n = ModbusRtu.ExceptionResponse(buffer, slave, 3, 2);
            Assert.Equal(ModbusDecodeResult.ExceptionResponse, ModbusRtu.DecodeResponse(buffer.AsSpan(0, n), ModbusFunction.ReadHoldingRegisters, out f));
            Assert.Equal(2, f.ExceptionCode);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Decoders_RandomBytes_NeverThrowAndNeverClaimMoreThanGiven()
    {
        Prop.ForAll(Seeds, seed =>
        {
            var rng = new Random(seed);
            var data = new byte[rng.Next(0, 300)];
            rng.NextBytes(data);
            if (data.Length > 1 && rng.Next(2) == 0) data[1] = (byte)(rng.Next(2) == 0 ? 3 : 0x10);
            foreach (var result in new[]
            {
                (ModbusRtu.DecodeRequest(data, out var a), a),
                (ModbusRtu.DecodeResponse(data, ModbusFunction.ReadHoldingRegisters, out var b), b),
                (ModbusRtu.DecodeResponse(data, ModbusFunction.WriteMultipleRegisters, out var c), c),
            })
            {
                if (result.Item1 is ModbusDecodeResult.Frame or ModbusDecodeResult.ExceptionResponse)
                {
                    Assert.InRange(result.Item2.Length, 5, data.Length);
                    Assert.True(ModbusCrc.IsValid(data.AsSpan(0, result.Item2.Length)));
                }
            }
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void DecodeRequest_SingleByteMutationOrTruncation_IsNeverAcceptedAsTheOriginal()
    {
        Prop.ForAll(Seeds, seed =>
        {
            var rng = new Random(seed);
            var buffer = new byte[ModbusRtu.MaxFrameBytes];
            var values = Enumerable.Range(0, rng.Next(1, 20)).Select(_ => (ushort)rng.Next(65536)).ToArray();
            int n = ModbusRtu.WriteMultipleRegistersRequest(buffer, 9, (ushort)rng.Next(65536), values);
            var frame = buffer.AsSpan(0, n).ToArray();
            var truncated = frame.AsSpan(0, rng.Next(0, n)).ToArray();
            Assert.Equal(ModbusDecodeResult.NeedMoreData, ModbusRtu.DecodeRequest(truncated, out _));
            int at = rng.Next(n);
            frame[at] ^= (byte)rng.Next(1, 256);
            // CRC-16 detects every single-byte error, so a mutated frame is never a Frame of the same length.
            var result = ModbusRtu.DecodeRequest(frame, out var f);
            Assert.False(result == ModbusDecodeResult.Frame && f.Length == n);
        }).QuickCheckThrowOnFailure();
    }
}
