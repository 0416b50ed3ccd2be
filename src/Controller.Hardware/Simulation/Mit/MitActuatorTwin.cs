using Controller.Hardware.Protocols.Mit;
using Controller.Hardware.Transports.Can;

namespace Controller.Hardware.Simulation.Mit;

/// <summary>
/// A simulated MIT-mode actuator (CubeMars / mini cheetah / Damiao class) driving one joint of an
/// <see cref="ISimulatedPlant"/>: it answers every frame addressed to its motor id with a reply in its model's
/// layout, enters and exits motor mode, sets zero, and while enabled applies τ = Kp·(p − q) + Kd·(v − q̇) + τff,
/// clamped to the model's torque range.
/// </summary>
/// <remarks>
/// Call <see cref="Step"/> once per bus tick from one thread; no allocation in steady state. Misbehaviour on
/// demand: <see cref="InjectFault"/> (the model's error code in every reply, torque off until cleared),
/// <see cref="NoReply"/> (frozen: reads nothing, answers nothing); bus-off is the virtual bus node's.
/// </remarks>
public sealed class MitActuatorTwin
{
    private readonly ICanChannel _channel;
    private readonly ISimulatedPlant _plant;
    private readonly int _joint;
    private MitCommand _command;

    /// <summary>Creates the twin for motor <paramref name="motorId"/>, replying on <paramref name="replyCanId"/>.</summary>
    public MitActuatorTwin(ICanChannel channel, byte motorId, MitActuatorModel model, ISimulatedPlant plant, int joint, uint replyCanId = 0)
    {
        _channel = channel ?? throw new ArgumentNullException(nameof(channel));
        Model = model ?? throw new ArgumentNullException(nameof(model));
        _plant = plant ?? throw new ArgumentNullException(nameof(plant));
        ArgumentOutOfRangeException.ThrowIfNegative(joint);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(joint, plant.JointCount);
        if (motorId is 0 or > 0x7F) throw new ArgumentOutOfRangeException(nameof(motorId), motorId, "an MIT motor id must be 1..127.");
        _joint = joint;
        MotorId = motorId;
        ReplyCanId = replyCanId;
    }

    /// <summary>The motor's CAN id (commands arrive on it).</summary>
    public byte MotorId { get; }

    /// <summary>The identifier replies are sent on.</summary>
    public uint ReplyCanId { get; }

    /// <summary>The model whose ranges and reply layout the twin uses.</summary>
    public MitActuatorModel Model { get; }

    /// <summary>True in motor mode (torque may be applied).</summary>
    public bool Enabled { get; private set; }

    /// <summary>The plant position that reads as zero (set by the set-zero frame).</summary>
    public double ZeroOffsetRad { get; private set; }

    /// <summary>The raw error code replies carry; 0 when healthy.</summary>
    public byte ErrorCode { get; private set; }

    /// <summary>The torque applied now.</summary>
    public double AppliedTorqueNm { get; private set; }

    /// <summary>The temperature replies report (°C).</summary>
    public double TemperatureC { get; set; } = 30;

    /// <summary>The last ordinary command received.</summary>
    public MitCommand LastCommand => _command;

    /// <summary>Commands received (special frames excluded).</summary>
    public long CommandsReceived { get; private set; }

    /// <summary>Special frames received, of which set-zero.</summary>
    public long SetZeroFrames { get; private set; }

    /// <summary>When true, the actuator is frozen: it answers nothing and applies no torque.</summary>
    public bool NoReply { get; set; }

    /// <summary>Faults the actuator: replies carry <paramref name="errorCode"/> (default: over-current in the model's codes), torque off.</summary>
    public void InjectFault(byte? errorCode = null)
    {
        ErrorCode = errorCode ?? (Model.ReplyLayout == MitReplyLayout.Damiao8 ? (byte)0xA : (byte)2);
        Enabled = false;
    }

    /// <summary>One tick: answer received frames and apply the impedance law to the plant.</summary>
    public void Step(long nowNs)
    {
        while (_channel.TryReceive(out var frame))
        {
            if (NoReply || frame.IsError || frame.IsExtended || frame.IsRemote || frame.Id != MotorId || frame.Length != MitCodec.CommandLength) continue;
            ReadOnlySpan<byte> data = frame.Data;
            if (MitCodec.IsSpecial(data, out var special)) OnSpecial(special);
            else
            {
                _command = MitCodec.DecodeCommand(data, Model);
                CommandsReceived++;
            }
            Reply();
        }
        ApplyTorque(NoReply || !Enabled || ErrorCode != 0 ? 0 : Law());
    }

    private void OnSpecial(MitSpecialCommand command)
    {
        switch (command)
        {
            case MitSpecialCommand.EnterMotorMode:
                Enabled = ErrorCode == 0; // a faulted actuator refuses until cleared
                _command = default; // enabling never moves: zero gains until the first command
                break;
            case MitSpecialCommand.ExitMotorMode:
                Enabled = false;
                if (Model.ReplyLayout != MitReplyLayout.Damiao8) ErrorCode = 0; // CubeMars/Katz: re-entering clears
                break;
            case MitSpecialCommand.SetZero:
                ZeroOffsetRad = _plant.GetPositionRad(_joint);
                SetZeroFrames++;
                break;
            case MitSpecialCommand.ClearError:
                ErrorCode = 0;
                break;
        }
    }

    private double Law()
    {
        double q = _plant.GetPositionRad(_joint) - ZeroOffsetRad;
        double qd = _plant.GetVelocityRadPerSec(_joint);
        double torque = _command.Kp * (_command.PositionRad - q) + _command.Kd * (_command.VelocityRadPerSec - qd) + _command.TorqueNm;
        return Math.Clamp(torque, -Model.TorqueMaxNm, Model.TorqueMaxNm);
    }

    private void Reply()
    {
        byte code = Model.ReplyLayout == MitReplyLayout.Damiao8 && ErrorCode == 0 ? (byte)(Enabled ? 1 : 0) : ErrorCode;
        var reply = new MitReply(MotorId, _plant.GetPositionRad(_joint) - ZeroOffsetRad, _plant.GetVelocityRadPerSec(_joint),
            AppliedTorqueNm, TemperatureC, code, ErrorCode != 0);
        var frame = new CanFrame { Id = ReplyCanId };
        frame.Length = (byte)MitCodec.EncodeReply(reply, Model, frame.Data);
        _channel.TrySend(frame);
    }

    private void ApplyTorque(double torqueNm)
    {
        AppliedTorqueNm = torqueNm;
        _plant.SetActuatorTorqueNm(_joint, torqueNm);
    }
}
