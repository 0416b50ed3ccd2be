namespace Controller.Hardware.Protocols.EtherCat;

/// <summary>Static facts about each <see cref="EtherCatCommand"/> (ETG.1000.4 §5.4).</summary>
public static class EtherCatCommandInfo
{
    /// <summary>The highest command byte defined by the specification.</summary>
    public const byte MaxDefined = (byte)EtherCatCommand.Frmw;

    /// <summary>True when <paramref name="value"/> is a command byte the specification defines.</summary>
    public static bool IsDefined(byte value) => value <= MaxDefined;

    /// <summary>How the address field of <paramref name="command"/> is interpreted.</summary>
    public static EtherCatAddressing Addressing(this EtherCatCommand command) => command switch
    {
        EtherCatCommand.Aprd or EtherCatCommand.Apwr or EtherCatCommand.Aprw or EtherCatCommand.Armw => EtherCatAddressing.AutoIncrement,
        EtherCatCommand.Fprd or EtherCatCommand.Fpwr or EtherCatCommand.Fprw or EtherCatCommand.Frmw => EtherCatAddressing.Configured,
        EtherCatCommand.Brd or EtherCatCommand.Bwr or EtherCatCommand.Brw => EtherCatAddressing.Broadcast,
        EtherCatCommand.Lrd or EtherCatCommand.Lwr or EtherCatCommand.Lrw => EtherCatAddressing.Logical,
        _ => EtherCatAddressing.None,
    };

    /// <summary>True when slaves copy their memory into the datagram (RD, RW, RMW).</summary>
    public static bool Reads(this EtherCatCommand command) => command switch
    {
        EtherCatCommand.Aprd or EtherCatCommand.Aprw or EtherCatCommand.Fprd or EtherCatCommand.Fprw
            or EtherCatCommand.Brd or EtherCatCommand.Brw or EtherCatCommand.Lrd or EtherCatCommand.Lrw
            or EtherCatCommand.Armw or EtherCatCommand.Frmw => true,
        _ => false,
    };

    /// <summary>True when slaves copy the datagram into their memory (WR, RW, RMW).</summary>
    public static bool Writes(this EtherCatCommand command) => command switch
    {
        EtherCatCommand.Apwr or EtherCatCommand.Aprw or EtherCatCommand.Fpwr or EtherCatCommand.Fprw
            or EtherCatCommand.Bwr or EtherCatCommand.Brw or EtherCatCommand.Lwr or EtherCatCommand.Lrw
            or EtherCatCommand.Armw or EtherCatCommand.Frmw => true,
        _ => false,
    };

    /// <summary>
    /// The working counter a complete exchange should return. Per ETG.1000.4 §5.4.4 a slave adds 1 for a
    /// successful read, 1 for a successful write and 3 for a read-write that both read and wrote; for
    /// ARMW/FRMW every addressed slave adds 1 whether it read or wrote.
    /// </summary>
    /// <param name="command">The datagram's command.</param>
    /// <param name="slaves">How many slaves the datagram should address (for logical commands: how many
    /// slaves map the range in the relevant direction).</param>
    /// <exception cref="ArgumentOutOfRangeException">slaves is negative or the result exceeds 65535.</exception>
    public static ushort ExpectedWorkingCounter(this EtherCatCommand command, int slaves)
    {
        if (slaves is < 0 or > 21845)
            throw new ArgumentOutOfRangeException(nameof(slaves), slaves, "slaves must be in 0..21845 (65535 / 3)");
        int perSlave = command switch
        {
            EtherCatCommand.Nop => 0,
            EtherCatCommand.Aprw or EtherCatCommand.Fprw or EtherCatCommand.Brw or EtherCatCommand.Lrw => 3,
            _ => 1,
        };
        return (ushort)(perSlave * slaves);
    }

    /// <summary>
    /// The working counter of an LRW that <paramref name="outputSlaves"/> write to and
    /// <paramref name="inputSlaves"/> read from (a slave with both counts in both): outputs add 2, inputs add 1.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative or the result exceeds 65535.</exception>
    public static ushort ExpectedLogicalReadWriteCounter(int outputSlaves, int inputSlaves)
    {
        if (outputSlaves is < 0 or > 21845)
            throw new ArgumentOutOfRangeException(nameof(outputSlaves), outputSlaves, "must be in 0..21845");
        if (inputSlaves is < 0 or > 21845)
            throw new ArgumentOutOfRangeException(nameof(inputSlaves), inputSlaves, "must be in 0..21845");
        return (ushort)(2 * outputSlaves + inputSlaves);
    }
}
