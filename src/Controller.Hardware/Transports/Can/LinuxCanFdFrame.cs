using System.Runtime.InteropServices;

namespace Controller.Hardware.Transports.Can;

/// <summary>
/// Linux <c>struct canfd_frame</c> (include/uapi/linux/can.h, public kernel ABI; CANFD_MTU = 72): the identifier with
/// its flag bits, <c>len</c> (a byte count, a valid FD length), <c>flags</c> (CANFD_BRS 0x01, CANFD_ESI 0x02,
/// CANFD_FDF 0x04), two reserved bytes and 64 data bytes at offset 8. A raw socket with CAN_RAW_FD_FRAMES delivers
/// classic frames as 16 bytes (CAN_MTU) and FD frames as 72.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = Size)]
internal unsafe struct LinuxCanFdFrame
{
    public const int Size = 72;   // CANFD_MTU
    public const byte BrsFlag = 0x01; // CANFD_BRS
    public const byte EsiFlag = 0x02; // CANFD_ESI
    public const byte FdfFlag = 0x04; // CANFD_FDF (set by newer kernels on every FD frame; older ones leave it 0)

    [FieldOffset(0)] public uint CanId;
    [FieldOffset(4)] public byte Length;
    [FieldOffset(5)] public byte Flags;
    [FieldOffset(6)] public byte Reserved0;
    [FieldOffset(7)] public byte Reserved1;
    [FieldOffset(8)] public fixed byte Data[64];

    /// <summary>The kernel's shape of an FD frame (classic frames go as <see cref="LinuxCanFrame"/>).</summary>
    public static LinuxCanFdFrame From(in CanFdFrame frame)
    {
        var result = default(LinuxCanFdFrame);
        uint id = frame.IsExtended ? (frame.Id & LinuxCanFrame.ExtendedMask) | LinuxCanFrame.ExtendedFlag : frame.Id & LinuxCanFrame.StandardMask;
        result.CanId = id;
        result.Length = (byte)CanFdDlc.RoundUp(Math.Min((int)frame.Length, CanFdDlc.MaxLength));
        result.Flags = (byte)(FdfFlag
            | ((frame.Flags & CanFrameFlags.BitRateSwitch) != 0 ? BrsFlag : 0)
            | ((frame.Flags & CanFrameFlags.ErrorStateIndicator) != 0 ? EsiFlag : 0));
        for (int i = 0; i < result.Length; i++) result.Data[i] = frame.Data[i];
        return result;
    }

    /// <summary>
    /// Decodes what a raw CAN socket delivered: 16 bytes (a classic <c>can_frame</c>) or 72 (a <c>canfd_frame</c>).
    /// Returns false for any other size, an FD frame with the RTR or error flag, or a length no DLC expresses.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<byte> bytes, long timestampNs, out CanFdFrame frame)
    {
        frame = default;
        if (bytes.Length == LinuxCanFrame.Size)
        {
            var classic = MemoryMarshal.Read<LinuxCanFrame>(bytes);
            if (classic.Length > CanFrame.MaxClassicLength) return false;
            frame = CanFdFrame.FromClassic(classic.ToCanFrame(timestampNs));
            return true;
        }
        if (bytes.Length != Size) return false;
        var native = MemoryMarshal.Read<LinuxCanFdFrame>(bytes);
        if ((native.CanId & (LinuxCanFrame.RemoteFlag | LinuxCanFrame.ErrorFlag)) != 0 || !CanFdDlc.IsValidLength(native.Length)) return false;
        bool extended = (native.CanId & LinuxCanFrame.ExtendedFlag) != 0;
        frame = new CanFdFrame
        {
            Id = native.CanId & (extended ? LinuxCanFrame.ExtendedMask : LinuxCanFrame.StandardMask),
            Flags = CanFrameFlags.FlexibleDataRate
                    | (extended ? CanFrameFlags.Extended : 0)
                    | ((native.Flags & BrsFlag) != 0 ? CanFrameFlags.BitRateSwitch : 0)
                    | ((native.Flags & EsiFlag) != 0 ? CanFrameFlags.ErrorStateIndicator : 0),
            Length = native.Length,
            TimestampNs = timestampNs,
        };
        for (int i = 0; i < native.Length; i++) frame.Data[i] = native.Data[i];
        return true;
    }
}
