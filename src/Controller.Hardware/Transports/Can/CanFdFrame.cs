using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;

namespace Controller.Hardware.Transports.Can;

/// <summary>
/// One CAN FD frame (ISO 11898-1:2015): 11- or 29-bit identifier, 0..8, 12, 16, 20, 24, 32, 48 or 64 data bytes, the
/// bit-rate switch (BRS) and error state indicator (ESI) flags. Unmanaged (80 bytes). A classic frame fits too
/// (<see cref="FromClassic"/>): without <see cref="CanFrameFlags.FlexibleDataRate"/> it is a classic frame.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public struct CanFdFrame : IEquatable<CanFdFrame>
{
    /// <summary>The identifier without flag bits.</summary>
    public uint Id;

    /// <summary>Frame kind: <see cref="CanFrameFlags.FlexibleDataRate"/> for FD, plus BRS/ESI; Extended; Remote and Error only on classic frames.</summary>
    public CanFrameFlags Flags;

    /// <summary>Data bytes used: a valid FD length (<see cref="CanFdDlc.IsValidLength"/>), at most 8 for a classic frame.</summary>
    public byte Length;

    private ushort _reserved;

    /// <summary>When the frame was received, in nanoseconds of the channel's clock.</summary>
    public long TimestampNs;

    /// <summary>The data bytes; only the first <see cref="Length"/> are meaningful.</summary>
    public CanFdData Data;

    /// <summary>True for a CAN FD frame (FDF), false for a classic one.</summary>
    public readonly bool IsFd => (Flags & CanFrameFlags.FlexibleDataRate) != 0;

    /// <summary>True for a 29-bit identifier.</summary>
    public readonly bool IsExtended => (Flags & CanFrameFlags.Extended) != 0;

    /// <summary>True when the data phase is sent at the data bit rate.</summary>
    public readonly bool BitRateSwitch => (Flags & CanFrameFlags.BitRateSwitch) != 0;

    /// <summary>
    /// The frame's priority on the bus, lower wins: the arbitration field as <see cref="CanFrame.ArbitrationKey"/> reads
    /// it (an FD frame's RRS bit is dominant, like a classic data frame's RTR), then one more bit for FDF as a tie-break
    /// between a classic and an FD frame with the same identifier (a classic frame's r0 is dominant where an FD frame
    /// sends a recessive FDF; on a real bus two senders of one identifier are a design error). Only comparable with
    /// keys of other <see cref="CanFdFrame"/>s.
    /// </summary>
    public readonly ulong ArbitrationKey =>
        (CanFrame.ArbitrationKeyOf(Id, IsExtended, !IsFd && (Flags & CanFrameFlags.Remote) != 0) << 1) | (IsFd ? 1UL : 0UL);

    /// <summary>The used data bytes.</summary>
    [UnscopedRef]
    public Span<byte> Payload => ((Span<byte>)Data)[..Math.Min((int)Length, CanFdDlc.MaxLength)];

    /// <summary>Creates an FD data frame; a payload of a length no DLC expresses is padded with zeros up to the next one.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Identifier out of its range or more than 64 bytes.</exception>
    public static CanFdFrame Create(uint id, ReadOnlySpan<byte> data, bool extended = false, bool bitRateSwitch = true)
    {
        uint max = extended ? CanFrame.MaxExtendedId : CanFrame.MaxStandardId;
        if (id > max) throw new ArgumentOutOfRangeException(nameof(id), id, $"identifier 0x{id:X} does not fit {(extended ? 29 : 11)} bits (max 0x{max:X}).");
        if (data.Length > CanFdDlc.MaxLength) throw new ArgumentOutOfRangeException(nameof(data), data.Length, "a CAN FD frame carries 0..64 data bytes.");
        var frame = new CanFdFrame
        {
            Id = id,
            Flags = CanFrameFlags.FlexibleDataRate | (extended ? CanFrameFlags.Extended : 0) | (bitRateSwitch ? CanFrameFlags.BitRateSwitch : 0),
            Length = (byte)CanFdDlc.RoundUp(data.Length),
        };
        data.CopyTo(frame.Data);
        return frame;
    }

    /// <summary>A classic frame in FD clothing (no FDF flag), for channels that carry both.</summary>
    public static CanFdFrame FromClassic(in CanFrame frame)
    {
        var result = new CanFdFrame { Id = frame.Id, Flags = frame.Flags & (CanFrameFlags.Extended | CanFrameFlags.Remote | CanFrameFlags.Error), Length = frame.Length, TimestampNs = frame.TimestampNs };
        ((ReadOnlySpan<byte>)frame.Data).CopyTo(result.Data);
        return result;
    }

    /// <summary>The classic frame this is, when it is not an FD frame.</summary>
    public readonly bool TryToClassic(out CanFrame frame)
    {
        frame = default;
        if (IsFd || Length > CanFrame.MaxClassicLength) return false;
        frame = new CanFrame { Id = Id, Flags = Flags, Length = Length, TimestampNs = TimestampNs };
        ((ReadOnlySpan<byte>)Data)[..CanFrame.MaxClassicLength].CopyTo(frame.Data);
        return true;
    }

    /// <inheritdoc />
    public readonly bool Equals(CanFdFrame other) =>
        Id == other.Id && Flags == other.Flags && Length == other.Length && TimestampNs == other.TimestampNs
        && ((ReadOnlySpan<byte>)Data)[..Math.Min((int)Length, CanFdDlc.MaxLength)].SequenceEqual(((ReadOnlySpan<byte>)other.Data)[..Math.Min((int)other.Length, CanFdDlc.MaxLength)]);

    /// <inheritdoc />
    public override readonly bool Equals(object? obj) => obj is CanFdFrame other && Equals(other);

    /// <inheritdoc />
    public override readonly int GetHashCode() => HashCode.Combine(Id, Flags, Length, TimestampNs);

    /// <inheritdoc />
    public override readonly string ToString() =>
        $"{(IsExtended ? Id.ToString("X8") : Id.ToString("X3"))}{(IsFd ? " FD" : "")}{(BitRateSwitch ? " BRS" : "")} [{Length}] {Convert.ToHexString(((ReadOnlySpan<byte>)Data)[..Math.Min((int)Length, CanFdDlc.MaxLength)])}";

    /// <summary>Equality.</summary>
    public static bool operator ==(CanFdFrame left, CanFdFrame right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(CanFdFrame left, CanFdFrame right) => !left.Equals(right);
}
