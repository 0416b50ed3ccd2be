using Controller.Hardware.Protocols.Mit;
using Controller.Hardware.Simulation;
using Controller.Hardware.Simulation.Mit;
using Controller.Hardware.Transports.Can;

namespace Controller.Hardware.Tests.Simulation.Mit;

public sealed class MitActuatorTwinTests : IDisposable
{
    private readonly VirtualCanBus _bus = new();
    private readonly VirtualCanNode _master;
    private readonly IndependentJointPlant _plant = new(1);
    private readonly MitActuatorTwin _twin;

    public MitActuatorTwinTests()
    {
        _master = _bus.AddNode("master");
        _twin = new MitActuatorTwin(_bus.AddNode("motor"), 5, MitActuatorModel.CubeMarsAk80_9, _plant, 0);
    }

    private MitReply Send(ReadOnlySpan<byte> payload)
    {
        _master.TrySend(CanFrame.Create(5, payload));
        _bus.Deliver(0);
        _twin.Step(0);
        _bus.Deliver(0);
        Assert.True(_master.TryReceive(out var reply));
        Assert.True(MitCodec.TryDecodeReply(reply, MitActuatorModel.CubeMarsAk80_9, out var decoded));
        return decoded;
    }

    private static byte[] Special(MitSpecialCommand command)
    {
        var data = new byte[8];
        MitCodec.EncodeSpecial(command, data);
        return data;
    }

    [Fact]
    public void EnterExit_TogglesMotorMode_AndEveryFrameIsAnswered()
    {
        Assert.Equal(5, Send(Special(MitSpecialCommand.EnterMotorMode)).MotorId);
        Assert.True(_twin.Enabled);
        Send(Special(MitSpecialCommand.ExitMotorMode));
        Assert.False(_twin.Enabled);
    }

    [Fact]
    public void SetZero_MakesTheCurrentPositionZero()
    {
        _plant.SetPositionRad(0, 1.0);
        Assert.Equal(1.0, Send(Special(MitSpecialCommand.ExitMotorMode)).PositionRad, 3);
        Assert.Equal(0.0, Send(Special(MitSpecialCommand.SetZero)).PositionRad, 3);
    }

    [Fact]
    public void Command_WhileEnabled_AppliesImpedanceTorque()
    {
        Send(Special(MitSpecialCommand.EnterMotorMode));
        var data = new byte[8];
        MitCodec.EncodeCommand(new MitCommand(0.5, 0, 10, 0, 1), MitActuatorModel.CubeMarsAk80_9, data);
        Send(data);
        Assert.InRange(_twin.AppliedTorqueNm, 5.8, 6.1); // 10·0.5 + 1 after 12-bit quantisation of Kp and τ
    }

    [Fact]
    public void Command_WhileDisabled_AppliesNoTorque()
    {
        var data = new byte[8];
        MitCodec.EncodeCommand(new MitCommand(0.5, 0, 10, 0, 1), MitActuatorModel.CubeMarsAk80_9, data);
        Send(data);
        Assert.Equal(0, _twin.AppliedTorqueNm);
    }

    [Fact]
    public void InjectFault_RepliesCarryErrorAndEnterIsRefused()
    {
        _twin.InjectFault();
        var reply = Send(Special(MitSpecialCommand.EnterMotorMode));
        Assert.True(reply.Faulted);
        Assert.False(_twin.Enabled);
    }

    public void Dispose() => _bus.Dispose();
}
