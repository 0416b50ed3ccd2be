using System.Runtime.InteropServices;

namespace Controller.Hardware.Transports.Can;

/// <summary>
/// Linux <c>struct can_frame</c> (include/uapi/linux/can.h, a public kernel ABI): 16 bytes, the identifier with
/// its flag bits in the top three bits, the length, and 8 data bytes at offset 8.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = Size)]
internal unsafe struct LinuxCanFrame
{
    public const int Size = 16;
    public const uint ExtendedFlag = 0x8000_0000; // CAN_EFF_FLAG
    public const uint RemoteFlag = 0x4000_0000;   // CAN_RTR_FLAG
    public const uint ErrorFlag = 0x2000_0000;    // CAN_ERR_FLAG
    public const uint StandardMask = 0x7FF;       // CAN_SFF_MASK
    public const uint ExtendedMask = 0x1FFF_FFFF; // CAN_EFF_MASK

    [FieldOffset(0)] public uint CanId;
    [FieldOffset(4)] public byte Length;
    [FieldOffset(5)] public byte Pad;
    [FieldOffset(6)] public byte Reserved0;
    [FieldOffset(7)] public byte Len8Dlc;
    [FieldOffset(8)] public fixed byte Data[8];

    /// <summary>The kernel's shape of <paramref name="frame"/>.</summary>
    public static LinuxCanFrame From(in CanFrame frame)
    {
        var result = default(LinuxCanFrame);
        uint id = frame.IsExtended ? frame.Id & ExtendedMask : frame.Id & StandardMask;
        if (frame.IsExtended) id |= ExtendedFlag;
        if (frame.IsRemote) id |= RemoteFlag;
        if (frame.IsError) id = ErrorFlag | (frame.Id & ExtendedMask);
        result.CanId = id;
        result.Length = Math.Min(frame.Length, (byte)CanFrame.MaxClassicLength);
        for (int i = 0; i < CanFrame.MaxClassicLength; i++) result.Data[i] = frame.Data[i];
        return result;
    }

    /// <summary>This library's shape of the kernel frame, stamped <paramref name="timestampNs"/>.</summary>
    public readonly CanFrame ToCanFrame(long timestampNs)
    {
        var frame = new CanFrame { TimestampNs = timestampNs, Length = Math.Min(Length, (byte)CanFrame.MaxClassicLength) };
        if ((CanId & ErrorFlag) != 0)
        {
            frame.Id = CanId & ExtendedMask;
            frame.Flags = CanFrameFlags.Error;
        }
        else if ((CanId & ExtendedFlag) != 0)
        {
            frame.Id = CanId & ExtendedMask;
            frame.Flags = CanFrameFlags.Extended;
        }
        else
        {
            frame.Id = CanId & StandardMask;
        }
        if ((CanId & RemoteFlag) != 0 && (CanId & ErrorFlag) == 0) frame.Flags |= CanFrameFlags.Remote;
        for (int i = 0; i < CanFrame.MaxClassicLength; i++) frame.Data[i] = Data[i];
        return frame;
    }
}
