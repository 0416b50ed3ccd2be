using Controller.Hardware.Tests.Support;
using Controller.Hardware.Protocols.Mit;
using Controller.Hardware.Transports.Can;
using FsCheck;
using FsCheck.Fluent;

namespace Controller.Hardware.Tests.Protocols.Mit;

public class MitCodecTests
{
    private static readonly MitActuatorModel Ak80 = MitActuatorModel.CubeMarsAk80_9;

    private static string Pack(MitCommand command, MitActuatorModel? model = null)
    {
        var data = new byte[8];
        MitCodec.EncodeCommand(command, model ?? Ak80, data);
        return Convert.ToHexString(data);
    }

    [Fact]
    public void EncodeCommand_Zero_IsByteExact() => Assert.Equal("7FFF7FF0000007FF", Pack(new MitCommand(0, 0, 0, 0, 0)));

    [Fact]
    public void EncodeCommand_RangeEdges_AreByteExact()
    {
        Assert.Equal("0000000000000000", Pack(new MitCommand(-12.5, -50, 0, 0, -18)));
        Assert.Equal("FFFFFFFFFFFFFFFF", Pack(new MitCommand(12.5, 50, 500, 5, 18)));
        Assert.Equal("FFFFFFFFFFFFFFFF", Pack(new MitCommand(99, 999, 9999, 99, 99))); // clamped
        Assert.Equal("7FFF7FF0000007FF", Pack(new MitCommand(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN)));
    }

    [Theory]
    [InlineData(0xFB)]
    [InlineData(0xFC)]
    [InlineData(0xFD)]
    [InlineData(0xFE)]
    public void EncodeCommand_WouldCollideWithSpecialFrame_IsNudgedOneLsbInPosition(int lowTorqueByte)
    {
        // The torque whose 12-bit code is 0xF00 | lowTorqueByte, with every other field at its maximum.
        double torque = MitCodec.ToDouble((uint)(0xF00 | lowTorqueByte), -18, 18, 12) + 1e-9;
        var data = new byte[8];
        Assert.True(MitCodec.EncodeCommand(new MitCommand(12.5, 50, 500, 5, torque), Ak80, data));
        Assert.False(MitCodec.IsSpecial(data, out _));
        Assert.Equal($"FFFEFFFFFFFFFF{lowTorqueByte:X2}", Convert.ToHexString(data));
        var decoded = MitCodec.DecodeCommand(data, Ak80);
        Assert.Equal(12.5 - 25.0 / 65535, decoded.PositionRad, 9);
    }

    [Fact]
    public void EncodeCommand_RandomCommands_NeverPackToASpecialFrame()
    {
        var edge = Gen.Elements(-1e9, -12.5, 0.0, 12.5, 1e9, 50.0, 500.0, 5.0, 18.0, 17.99);
        var value = Gen.OneOf(edge, Gen.Choose(-30000, 30000).Select(i => i / 1000.0));
        Prop.ForAll(value.ArrayOf(5).ToArbitrary(), v =>
        {
            var data = new byte[8];
            MitCodec.EncodeCommand(new MitCommand(v[0], v[1], v[2], v[3], v[4]), Ak80, data);
            return !MitCodec.IsSpecial(data, out _);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void EncodeCommand_TorqueSweepAtAllMaximum_NeverSpecial()
    {
        var data = new byte[8];
        for (uint code = 0xF00; code <= 0xFFF; code++)
        {
            MitCodec.EncodeCommand(new MitCommand(12.5, 50, 500, 5, MitCodec.ToDouble(code, -18, 18, 12) + 1e-9), Ak80, data);
            Assert.False(MitCodec.IsSpecial(data, out _), $"torque code {code:X3}");
        }
    }

    [Fact]
    public void EncodeThenDecodeCommand_WithinOneLsb()
    {
        var model = MitActuatorModel.DamiaoDm4310;
        Prop.ForAll(Gen.Choose(0, int.MaxValue - 1).ToArbitrary(), seed =>
        {
            var rng = new Random(seed);
            var c = new MitCommand(
                (rng.NextDouble() * 2 - 1) * model.PositionMaxRad, (rng.NextDouble() * 2 - 1) * model.VelocityMaxRadPerSec,
                rng.NextDouble() * model.KpMax, rng.NextDouble() * model.KdMax, (rng.NextDouble() * 2 - 1) * model.TorqueMaxNm);
            var data = new byte[8];
            MitCodec.EncodeCommand(c, model, data);
            var d = MitCodec.DecodeCommand(data, model);
            return Math.Abs(d.PositionRad - c.PositionRad) <= 2 * model.PositionMaxRad / 65535 + 1e-9
                && Math.Abs(d.VelocityRadPerSec - c.VelocityRadPerSec) <= 2 * model.VelocityMaxRadPerSec / 4095 + 1e-9
                && Math.Abs(d.Kp - c.Kp) <= model.KpMax / 4095 + 1e-9
                && Math.Abs(d.Kd - c.Kd) <= model.KdMax / 4095 + 1e-9
                && Math.Abs(d.TorqueNm - c.TorqueNm) <= 2 * model.TorqueMaxNm / 4095 + 1e-9;
        }).QuickCheckThrowOnFailure();
    }

    [Theory]
    [InlineData(MitSpecialCommand.EnterMotorMode, "FFFFFFFFFFFFFFFC")]
    [InlineData(MitSpecialCommand.ExitMotorMode, "FFFFFFFFFFFFFFFD")]
    [InlineData(MitSpecialCommand.SetZero, "FFFFFFFFFFFFFFFE")]
    public void EncodeSpecial_IsByteExactAndRecognised(MitSpecialCommand command, string hex)
    {
        var data = new byte[8];
        MitCodec.EncodeSpecial(command, data);
        Assert.Equal(hex, Convert.ToHexString(data));
        Assert.True(MitCodec.IsSpecial(data, out var back));
        Assert.Equal(command, back);
    }

    [Fact]
    public void DecodeReply_CubeMars_ReadsTemperatureAndError()
    {
        var frame = CanFrame.Create(0, [0x03, 0x7F, 0xFF, 0x7F, 0xF7, 0xFF, 65, 2]);
        Assert.True(MitCodec.TryDecodeReply(frame, Ak80, out var reply));
        Assert.Equal(3, reply.MotorId);
        Assert.Equal(0, reply.PositionRad, 3);
        Assert.Equal(0, reply.VelocityRadPerSec, 1);
        Assert.Equal(0, reply.TorqueNm, 1);
        Assert.Equal(25, reply.TemperatureC);
        Assert.True(reply.Faulted);
        Assert.Equal(2, reply.ErrorCode);
    }

    [Fact]
    public void DecodeReply_TooShort_ReturnsFalse() =>
        Assert.False(MitCodec.TryDecodeReply(CanFrame.Create(0, [1, 2, 3, 4, 5]), MitActuatorModel.MiniCheetah, out _));

    [Fact]
    public void EncodeThenDecodeReply_EveryModel_RoundTrips()
    {
        Prop.ForAll(Gen.Choose(0, int.MaxValue - 1).ToArbitrary(), seed =>
        {
            var rng = new Random(seed);
            var model = MitActuatorModel.All[rng.Next(MitActuatorModel.All.Count)];
            var reply = new MitReply((byte)rng.Next(1, 16), (rng.NextDouble() * 2 - 1) * model.PositionMaxRad,
                (rng.NextDouble() * 2 - 1) * model.VelocityMaxRadPerSec, (rng.NextDouble() * 2 - 1) * model.TorqueMaxNm, rng.Next(0, 100), 0, false);
            var data = new byte[8];
            int n = MitCodec.EncodeReply(reply, model, data);
            if (!MitCodec.TryDecodeReply(CanFrame.Create(0, data.AsSpan(0, n)), model, out var back)) return false;
            return back.MotorId == reply.MotorId
                && Math.Abs(back.PositionRad - reply.PositionRad) <= 2 * model.PositionMaxRad / 65535 + 1e-9
                && Math.Abs(back.TorqueNm - reply.TorqueNm) <= 2 * model.TorqueMaxNm / 4095 + 1e-9
                && (model.ReplyLayout == MitReplyLayout.Katz6 ? double.IsNaN(back.TemperatureC) : back.TemperatureC == reply.TemperatureC);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void DecodeReply_RandomFrames_NeverThrow()
    {
        Prop.ForAll(Gen.Choose(0, int.MaxValue - 1).ToArbitrary(), seed =>
        {
            var rng = new Random(seed);
            var bytes = new byte[rng.Next(0, 9)];
            rng.NextBytes(bytes);
            var frame = CanFrame.Create((uint)rng.Next(0x800), bytes);
            foreach (var model in MitActuatorModel.All)
                if (MitCodec.TryDecodeReply(frame, model, out var r) && !(Math.Abs(r.PositionRad) <= model.PositionMaxRad + 1e-9)) return false;
            MitCodec.IsSpecial(bytes, out _);
            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void ByName_Unknown_ListsKnownModels()
    {
        var ex = Assert.Throws<ArgumentException>(() => MitActuatorModel.ByName("AK99"));
        Assert.Contains("CubeMars AK80-9", ex.Message);
    }

    [Fact]
    public void EncodeDecode_ThousandsOfCycles_DoNotAllocate()
    {
        var command = new MitCommand(1, 2, 30, 1, 3);
        var reply = CanFrame.Create(0, [0x03, 0x7F, 0xFF, 0x7F, 0xF7, 0xFF, 65, 0]);
        var buffer = new byte[8];
        Assert.Equal(0, SteadyState.AllocatedBytes(cycle =>
        {
            MitCodec.EncodeCommand(command, Ak80, buffer);
            MitCodec.TryDecodeReply(reply, Ak80, out _);
        }, measured: 10_000));
    }
}
