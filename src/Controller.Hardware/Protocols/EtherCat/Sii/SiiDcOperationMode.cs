namespace Controller.Hardware.Protocols.EtherCat.Sii;

/// <summary>One 24-byte entry of the DC category (type 60): a distributed-clock operation mode.</summary>
/// <param name="CycleTime0Ns">SYNC0 cycle time (0: set by the master's cycle).</param>
/// <param name="ShiftTime0Ns">SYNC0 shift.</param>
/// <param name="ShiftTime1Ns">SYNC1 shift.</param>
/// <param name="Sync1CycleFactor">SYNC1 cycle as a multiple of SYNC0 (signed; negative values have vendor meaning).</param>
/// <param name="AssignActivate">Value for ESC registers 0x0980/0x0981 (cyclic unit assignment and SYNC activation).</param>
/// <param name="Sync0CycleFactor">SYNC0 cycle as a multiple of the master cycle (signed; negative: divisor).</param>
/// <param name="Name">Name of the mode from the string table.</param>
/// <param name="Description">Description string index byte (kept raw).</param>
public sealed record SiiDcOperationMode(uint CycleTime0Ns, uint ShiftTime0Ns, uint ShiftTime1Ns, short Sync1CycleFactor,
    ushort AssignActivate, short Sync0CycleFactor, string Name, byte Description);
