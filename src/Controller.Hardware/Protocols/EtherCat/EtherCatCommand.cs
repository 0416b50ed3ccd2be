namespace Controller.Hardware.Protocols.EtherCat;

/// <summary>
/// The command byte of an EtherCAT datagram (ETG.1000.4 §5.4, table "EtherCAT command types").
/// The name says how the slave is addressed: AP = auto-increment (position), FP = configured station
/// address, B = broadcast, L = logical; RD/WR/RW = read, write, read-write; RMW = read-multiple-write.
/// </summary>
public enum EtherCatCommand : byte
{
    /// <summary>No operation: slaves ignore the datagram.</summary>
    Nop = 0,

    /// <summary>Auto-increment physical read: the slave whose position (ADP) reaches zero answers.</summary>
    Aprd = 1,

    /// <summary>Auto-increment physical write.</summary>
    Apwr = 2,

    /// <summary>Auto-increment physical read-write.</summary>
    Aprw = 3,

    /// <summary>Configured-address physical read: the slave whose station address equals ADP answers.</summary>
    Fprd = 4,

    /// <summary>Configured-address physical write.</summary>
    Fpwr = 5,

    /// <summary>Configured-address physical read-write.</summary>
    Fprw = 6,

    /// <summary>Broadcast read: every slave ORs its register into the data.</summary>
    Brd = 7,

    /// <summary>Broadcast write: every slave writes.</summary>
    Bwr = 8,

    /// <summary>Broadcast read-write.</summary>
    Brw = 9,

    /// <summary>Logical memory read through the FMMUs.</summary>
    Lrd = 10,

    /// <summary>Logical memory write through the FMMUs.</summary>
    Lwr = 11,

    /// <summary>Logical memory read-write through the FMMUs (the usual cyclic process-data command).</summary>
    Lrw = 12,

    /// <summary>Auto-increment read, multiple write: the addressed slave's data is written by all others (DC time distribution).</summary>
    Armw = 13,

    /// <summary>Configured-address read, multiple write (the reference clock's system time distributed each cycle).</summary>
    Frmw = 14,
}
