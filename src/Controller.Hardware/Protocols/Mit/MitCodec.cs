using Controller.Hardware.Transports.Can;

namespace Controller.Hardware.Protocols.Mit;

/// <summary>
/// Packs and unpacks MIT-mode CAN payloads (the mini cheetah protocol that CubeMars, Damiao and others adopted):
/// command = p 16 bits, v 12, Kp 12, Kd 12, τ 12, big-endian bit order, each value mapped linearly from its model
/// range onto 0..2^bits−1 (x_int = (x − min)·(2^bits − 1)/(max − min), truncated); reply = id, p 16, v 12, τ 12
/// plus layout-specific bytes. Nothing here allocates or throws on the cycle path.
/// </summary>
public static class MitCodec
{
    /// <summary>Bytes of a command payload.</summary>
    public const int CommandLength = 8;

    /// <summary>
    /// Packs <paramref name="command"/> into 8 bytes. Values are clamped into the model's ranges and NaN packs as 0
    /// (clamped). Guard: a command that would pack to seven 0xFF bytes followed by 0xFB..0xFE — which the actuator
    /// reads as clear-error, enter, exit or set-zero — has its position lowered by one LSB (25 rad / 65535 on a
    /// ±12.5 rad model), so an all-maximum command can never zero or disable the motor. Returns true when nudged.
    /// </summary>
    public static bool EncodeCommand(in MitCommand command, MitActuatorModel model, Span<byte> destination)
    {
        uint p = ToUInt(command.PositionRad, -model.PositionMaxRad, model.PositionMaxRad, 16);
        uint v = ToUInt(command.VelocityRadPerSec, -model.VelocityMaxRadPerSec, model.VelocityMaxRadPerSec, 12);
        uint kp = ToUInt(command.Kp, 0, model.KpMax, 12);
        uint kd = ToUInt(command.Kd, 0, model.KdMax, 12);
        uint t = ToUInt(command.TorqueNm, -model.TorqueMaxNm, model.TorqueMaxNm, 12);
        bool nudged = false;
        if (p == 0xFFFF && v == 0xFFF && kp == 0xFFF && kd == 0xFFF && (t >> 8) == 0xF && (t & 0xFF) is >= 0xFB and <= 0xFE)
        {
            p = 0xFFFE;
            nudged = true;
        }
        destination[0] = (byte)(p >> 8);
        destination[1] = (byte)p;
        destination[2] = (byte)(v >> 4);
        destination[3] = (byte)(((v & 0xF) << 4) | (kp >> 8));
        destination[4] = (byte)kp;
        destination[5] = (byte)(kd >> 4);
        destination[6] = (byte)(((kd & 0xF) << 4) | (t >> 8));
        destination[7] = (byte)t;
        return nudged;
    }

    /// <summary>Unpacks a command payload (the actuator's side; used by the twin).</summary>
    public static MitCommand DecodeCommand(ReadOnlySpan<byte> data, MitActuatorModel model)
    {
        uint p = (uint)(data[0] << 8 | data[1]);
        uint v = (uint)(data[2] << 4 | data[3] >> 4);
        uint kp = (uint)((data[3] & 0xF) << 8 | data[4]);
        uint kd = (uint)(data[5] << 4 | data[6] >> 4);
        uint t = (uint)((data[6] & 0xF) << 8 | data[7]);
        return new MitCommand(
            ToDouble(p, -model.PositionMaxRad, model.PositionMaxRad, 16),
            ToDouble(v, -model.VelocityMaxRadPerSec, model.VelocityMaxRadPerSec, 12),
            ToDouble(kp, 0, model.KpMax, 12),
            ToDouble(kd, 0, model.KdMax, 12),
            ToDouble(t, -model.TorqueMaxNm, model.TorqueMaxNm, 12));
    }

    /// <summary>Writes the special frame payload for <paramref name="command"/>: FF FF FF FF FF FF FF xx.</summary>
    public static void EncodeSpecial(MitSpecialCommand command, Span<byte> destination)
    {
        destination[..7].Fill(0xFF);
        destination[7] = (byte)command;
    }

    /// <summary>True when the payload is one of the special frames.</summary>
    public static bool IsSpecial(ReadOnlySpan<byte> data, out MitSpecialCommand command)
    {
        command = default;
        if (data.Length != CommandLength) return false;
        for (int i = 0; i < 7; i++)
            if (data[i] != 0xFF) return false;
        if (data[7] is < 0xFB or > 0xFE) return false;
        command = (MitSpecialCommand)data[7];
        return true;
    }

    /// <summary>Bytes of a reply in <paramref name="layout"/>.</summary>
    public static int ReplyLength(MitReplyLayout layout) => layout == MitReplyLayout.Katz6 ? 6 : 8;

    /// <summary>Packs a reply (the actuator's side; used by the twin). Returns the length written.</summary>
    public static int EncodeReply(in MitReply reply, MitActuatorModel model, Span<byte> destination)
    {
        uint p = ToUInt(reply.PositionRad, -model.PositionMaxRad, model.PositionMaxRad, 16);
        uint v = ToUInt(reply.VelocityRadPerSec, -model.VelocityMaxRadPerSec, model.VelocityMaxRadPerSec, 12);
        uint t = ToUInt(reply.TorqueNm, -model.TorqueMaxNm, model.TorqueMaxNm, 12);
        destination[0] = model.ReplyLayout == MitReplyLayout.Damiao8 ? (byte)((reply.ErrorCode << 4) | (reply.MotorId & 0xF)) : reply.MotorId;
        destination[1] = (byte)(p >> 8);
        destination[2] = (byte)p;
        destination[3] = (byte)(v >> 4);
        destination[4] = (byte)(((v & 0xF) << 4) | (t >> 8));
        destination[5] = (byte)t;
        double temperature = double.IsNaN(reply.TemperatureC) ? 0 : reply.TemperatureC;
        switch (model.ReplyLayout)
        {
            case MitReplyLayout.CubeMars8:
                destination[6] = (byte)Math.Clamp(temperature + 40, 0, 255);
                destination[7] = reply.ErrorCode;
                return 8;
            case MitReplyLayout.Damiao8:
                destination[6] = (byte)Math.Clamp(temperature, 0, 255);
                destination[7] = (byte)Math.Clamp(temperature, 0, 255);
                return 8;
            default:
                return 6;
        }
    }

    /// <summary>Unpacks a reply; false when the frame is too short for the layout (the only way a reply can be malformed).</summary>
    public static bool TryDecodeReply(in CanFrame frame, MitActuatorModel model, out MitReply reply)
    {
        reply = default;
        if (frame.IsRemote || frame.IsError || frame.Length < ReplyLength(model.ReplyLayout)) return false;
        ReadOnlySpan<byte> d = frame.Data;
        uint p = (uint)(d[1] << 8 | d[2]);
        uint v = (uint)(d[3] << 4 | d[4] >> 4);
        uint t = (uint)((d[4] & 0xF) << 8 | d[5]);
        double position = ToDouble(p, -model.PositionMaxRad, model.PositionMaxRad, 16);
        double velocity = ToDouble(v, -model.VelocityMaxRadPerSec, model.VelocityMaxRadPerSec, 12);
        double torque = ToDouble(t, -model.TorqueMaxNm, model.TorqueMaxNm, 12);
        reply = model.ReplyLayout switch
        {
            MitReplyLayout.CubeMars8 => new MitReply(d[0], position, velocity, torque, d[6] - 40.0, d[7], d[7] != 0),
            MitReplyLayout.Damiao8 => new MitReply((byte)(d[0] & 0xF), position, velocity, torque, d[7], (byte)(d[0] >> 4), d[0] >> 4 >= 8),
            _ => new MitReply(d[0], position, velocity, torque, double.NaN, 0, false),
        };
        return true;
    }

    /// <summary>Maps x in [min, max] onto 0..2^bits − 1 (clamped, truncated; NaN maps to the code of 0 clamped).</summary>
    public static uint ToUInt(double x, double min, double max, int bits)
    {
        if (double.IsNaN(x)) x = 0;
        x = Math.Clamp(x, min, max);
        uint full = (1u << bits) - 1;
        return Math.Min(full, (uint)((x - min) * full / (max - min)));
    }

    /// <summary>Maps 0..2^bits − 1 back onto [min, max].</summary>
    public static double ToDouble(uint value, double min, double max, int bits) => value * (max - min) / ((1u << bits) - 1) + min;
}
