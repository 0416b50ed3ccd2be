using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;

namespace Controller.Hardware.Transports.Can;

/// <summary>
/// One classic CAN frame (ISO 11898-1: 11- or 29-bit identifier, up to 8 data bytes), as every CAN transport
/// here sends and receives it. Unmanaged and 24 bytes, so it travels through rings and channels by value.
/// </summary>
/// <remarks>
/// <see cref="Length"/> is a byte count, not a DLC code, so a later CAN FD frame type (12..64 bytes, flagged with
/// <see cref="CanFrameFlags.FlexibleDataRate"/>) can share every field but the payload.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
public struct CanFrame : IEquatable<CanFrame>
{
    /// <summary>Data bytes in a classic CAN frame.</summary>
    public const int MaxClassicLength = 8;

    /// <summary>Largest 11-bit identifier.</summary>
    public const uint MaxStandardId = 0x7FF;

    /// <summary>Largest 29-bit identifier.</summary>
    public const uint MaxExtendedId = 0x1FFF_FFFF;

    /// <summary>The identifier without any flag bits (11 or 29 bits); the error class for error frames.</summary>
    public uint Id;

    /// <summary>Frame kind.</summary>
    public CanFrameFlags Flags;

    /// <summary>Data bytes used (0..8); for a remote frame, the length requested.</summary>
    public byte Length;

    private ushort _reserved;

    /// <summary>When the frame was received (or queued, for a sent frame), in nanoseconds of the channel's clock.</summary>
    public long TimestampNs;

    /// <summary>The data bytes; only the first <see cref="Length"/> are meaningful.</summary>
    public CanData Data;

    /// <summary>True for a 29-bit identifier.</summary>
    public readonly bool IsExtended => (Flags & CanFrameFlags.Extended) != 0;

    /// <summary>True for a remote transmission request.</summary>
    public readonly bool IsRemote => (Flags & CanFrameFlags.Remote) != 0;

    /// <summary>True for an error frame reported by the controller.</summary>
    public readonly bool IsError => (Flags & CanFrameFlags.Error) != 0;

    /// <summary>The used data bytes.</summary>
    [UnscopedRef]
    public Span<byte> Payload => ((Span<byte>)Data)[..Math.Min((int)Length, MaxClassicLength)];

    /// <summary>Creates a data frame.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When the identifier does not fit its format or there are more than 8 bytes.</exception>
    public static CanFrame Create(uint id, ReadOnlySpan<byte> data, bool extended = false)
    {
        CheckId(id, extended);
        if (data.Length > MaxClassicLength)
            throw new ArgumentOutOfRangeException(nameof(data), data.Length, $"a classic CAN frame carries 0..{MaxClassicLength} bytes; got {data.Length}.");
        var frame = new CanFrame { Id = id, Flags = extended ? CanFrameFlags.Extended : CanFrameFlags.None, Length = (byte)data.Length };
        data.CopyTo(frame.Data);
        return frame;
    }

    /// <summary>Creates a remote transmission request for <paramref name="length"/> bytes.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When the identifier does not fit its format or the length exceeds 8.</exception>
    public static CanFrame CreateRemote(uint id, int length, bool extended = false)
    {
        CheckId(id, extended);
        if ((uint)length > MaxClassicLength)
            throw new ArgumentOutOfRangeException(nameof(length), length, $"a remote frame requests 0..{MaxClassicLength} bytes; got {length}.");
        return new CanFrame
        {
            Id = id,
            Flags = CanFrameFlags.Remote | (extended ? CanFrameFlags.Extended : CanFrameFlags.None),
            Length = (byte)length,
        };
    }

    /// <summary>Creates an error frame of the given classes, with up to 8 detail bytes (Linux error.h layout).</summary>
    public static CanFrame CreateError(CanErrorClass errorClass, long timestampNs, byte controllerDetail = 0)
    {
        var frame = new CanFrame { Id = (uint)errorClass, Flags = CanFrameFlags.Error, Length = MaxClassicLength, TimestampNs = timestampNs };
        frame.Data[1] = controllerDetail;
        return frame;
    }

    /// <summary>True when <paramref name="id"/> fits an identifier of the given format.</summary>
    public static bool IsValidId(uint id, bool extended) => id <= (extended ? MaxExtendedId : MaxStandardId);

    /// <summary>
    /// The frame's priority on the bus: the arbitration field read as a number, lower wins (ISO 11898-1 §10.4).
    /// A standard frame beats an extended one with the same 11 base bits (SRR and IDE are recessive), and a data
    /// frame beats a remote frame with the same identifier (RTR is recessive).
    /// </summary>
    public readonly ulong ArbitrationKey => ArbitrationKeyOf(Id, IsExtended, IsRemote);

    /// <summary>The arbitration field of a frame with these properties read as a number (see <see cref="ArbitrationKey"/>).</summary>
    internal static ulong ArbitrationKeyOf(uint id, bool extended, bool remote)
    {
        ulong rtr = remote ? 1UL : 0UL;
        if (!extended) return ((ulong)(id & MaxStandardId) << 21) | (rtr << 20);
        ulong baseId = (id >> 18) & MaxStandardId;
        ulong extension = id & 0x3FFFF;
        return (baseId << 21) | (1UL << 20) | (1UL << 19) | (extension << 1) | rtr;
    }

    /// <summary>Same identifier, flags, length and used bytes (the timestamp is ignored).</summary>
    public readonly bool Equals(CanFrame other)
    {
        if (Id != other.Id || Flags != other.Flags || Length != other.Length) return false;
        if (IsRemote) return true;
        int n = Math.Min((int)Length, MaxClassicLength);
        return ((ReadOnlySpan<byte>)Data)[..n].SequenceEqual(((ReadOnlySpan<byte>)other.Data)[..n]);
    }

    /// <inheritdoc />
    public override readonly bool Equals(object? obj) => obj is CanFrame other && Equals(other);

    /// <inheritdoc />
    public override readonly int GetHashCode() => HashCode.Combine(Id, Flags, Length);

    /// <summary>candump style: <c>123#DEADBEEF</c>, <c>12345678#R2</c>.</summary>
    public override readonly string ToString()
    {
        string id = IsExtended ? Id.ToString("X8") : Id.ToString("X3");
        if (IsError) return $"ERR {Id:X8}";
        if (IsRemote) return $"{id}#R{Length}";
        return $"{id}#{Convert.ToHexString(((ReadOnlySpan<byte>)Data)[..Math.Min((int)Length, MaxClassicLength)])}";
    }

    /// <summary>Equality by <see cref="Equals(CanFrame)"/>.</summary>
    public static bool operator ==(CanFrame left, CanFrame right) => left.Equals(right);

    /// <summary>Inequality by <see cref="Equals(CanFrame)"/>.</summary>
    public static bool operator !=(CanFrame left, CanFrame right) => !left.Equals(right);

    private static void CheckId(uint id, bool extended)
    {
        if (!IsValidId(id, extended))
            throw new ArgumentOutOfRangeException(nameof(id), $"0x{id:X}",
                $"a {(extended ? "29" : "11")}-bit CAN identifier must be 0..0x{(extended ? MaxExtendedId : MaxStandardId):X}.");
    }
}
