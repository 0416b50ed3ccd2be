using Controller.Hardware.Transports.Can;

namespace Controller.Hardware.Protocols.Slcan;

/// <summary>One decoded line from an SLCAN adapter. Unmanaged; fields other than those of its kind are zero.</summary>
public struct SlcanMessage
{
    /// <summary>What the line was.</summary>
    public SlcanMessageKind Kind;

    /// <summary>The frame, for <see cref="SlcanMessageKind.Frame"/> (its timestamp is left zero: the channel stamps it).</summary>
    public CanFrame Frame;

    /// <summary>
    /// The frame, for <see cref="SlcanMessageKind.FdFrame"/>: FDF set, BRS set for <c>b</c>/<c>B</c>; ESI is never set
    /// (SLCAN does not carry it). Timestamp left zero.
    /// </summary>
    public CanFdFrame FdFrame;

    /// <summary>True when the frame line carried the adapter's 4-digit millisecond timestamp.</summary>
    public bool HasTimestamp;

    /// <summary>The adapter's timestamp in ms (Lawicel: 0..59999, wrapping each minute).</summary>
    public ushort TimestampMs;

    /// <summary>The 16-bit version for <see cref="SlcanMessageKind.Version"/>, the 8-bit flags for <see cref="SlcanMessageKind.StatusFlags"/>.</summary>
    public ushort Value;
}
