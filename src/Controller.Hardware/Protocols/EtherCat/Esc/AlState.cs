namespace Controller.Hardware.Protocols.EtherCat.Esc;

/// <summary>EtherCAT state machine (ESM) states, the low 4 bits of AL control (0x0120) and AL status (0x0130); ETG.1000.6 §6.4.</summary>
public enum AlState : byte
{
    /// <summary>Not a state: the value a register holds before it is read or when no slave answered.</summary>
    None = 0,

    /// <summary>INIT: no mailbox, no process data; the master sets addresses and sync managers.</summary>
    Init = 1,

    /// <summary>PRE-OPERATIONAL: mailbox communication.</summary>
    PreOp = 2,

    /// <summary>BOOTSTRAP: firmware download over FoE only.</summary>
    Bootstrap = 3,

    /// <summary>SAFE-OPERATIONAL: inputs valid, outputs held in their safe state.</summary>
    SafeOp = 4,

    /// <summary>OPERATIONAL: inputs and outputs valid.</summary>
    Op = 8,
}
