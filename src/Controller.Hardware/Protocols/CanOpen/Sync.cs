using Controller.Hardware.Transports.Can;

namespace Controller.Hardware.Protocols.CanOpen;

/// <summary>SYNC (CiA 301 §7.2.5): COB-ID 0x080, empty, or one counter byte 1..overflow when 0x1019 is set.</summary>
public static class Sync
{
    /// <summary>A SYNC without counter.</summary>
    public static CanFrame Create() => new() { Id = CanOpenCobIds.Sync };

    /// <summary>A SYNC carrying <paramref name="counter"/> (1..240).</summary>
    public static CanFrame Create(byte counter)
    {
        var frame = new CanFrame { Id = CanOpenCobIds.Sync, Length = 1 };
        frame.Data[0] = counter;
        return frame;
    }

    /// <summary>True when the frame is a SYNC; <paramref name="counter"/> is 0 when it carries none.</summary>
    public static bool IsSync(in CanFrame frame, out byte counter)
    {
        counter = frame.Length >= 1 ? frame.Data[0] : (byte)0;
        return frame.Id == CanOpenCobIds.Sync && !frame.IsExtended && !frame.IsRemote && !frame.IsError && frame.Length <= 1;
    }
}
