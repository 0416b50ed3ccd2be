namespace Controller.Hardware.Protocols.EtherCat.Esc;

/// <summary>Builds AL control register (0x0120) values.</summary>
public static class AlControl
{
    /// <summary>Bit 4: acknowledge the error indicator in AL status.</summary>
    public const ushort ErrorAcknowledge = 0x10;

    /// <summary>Bit 5: ask the slave to load its device identification into AL status code.</summary>
    public const ushort RequestId = 0x20;

    /// <summary>The value that requests <paramref name="state"/>, optionally acknowledging a pending error.</summary>
    /// <exception cref="ArgumentOutOfRangeException">state is <see cref="AlState.None"/> or undefined.</exception>
    public static ushort Request(AlState state, bool acknowledgeError = false)
    {
        if (state == AlState.None || !Enum.IsDefined(state))
            throw new ArgumentOutOfRangeException(nameof(state), state, "requestable states are Init, PreOp, Bootstrap, SafeOp, Op");
        return (ushort)((byte)state | (acknowledgeError ? ErrorAcknowledge : 0));
    }
}
