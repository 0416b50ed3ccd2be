namespace Controller.Hardware.Devices.EtherCat;

/// <summary>Where an <see cref="EtherCatGroup"/> is. Outputs can be written only in <see cref="Op"/>, through its <see cref="ProcessDataWriter"/>.</summary>
public enum EtherCatGroupState
{
    /// <summary>Discovered; slaves reset to INIT.</summary>
    Init,
    /// <summary>Mailboxes up, start-up SDOs written; no process data.</summary>
    PreOp,
    /// <summary>Process image configured and exchanged: inputs valid, outputs held safe by the slaves.</summary>
    SafeOp,
    /// <summary>Every slave in OP: outputs applied.</summary>
    Op,
    /// <summary>A slave left OP on its own (AL status seen on the cyclic path); the writer is dead until <see cref="EtherCatGroup.Recover"/>.</summary>
    Faulted,
    /// <summary>Stopped: slaves sent back to INIT, nothing more is exchanged.</summary>
    Stopped,
}
