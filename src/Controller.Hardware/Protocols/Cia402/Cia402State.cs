namespace Controller.Hardware.Protocols.Cia402;

/// <summary>The states of the CiA 402 (IEC 61800-7-201) power drive state machine, as the statusword reports them.</summary>
public enum Cia402State
{
    /// <summary>Statusword matched no state (a corrupt or non-402 value).</summary>
    Unknown = 0,

    /// <summary>Initialising; brake applied, power stage off. Leaves by itself.</summary>
    NotReadyToSwitchOn,

    /// <summary>Initialised; parameters may be changed; power stage off. The state after power-up and after a fault reset.</summary>
    SwitchOnDisabled,

    /// <summary>High voltage may be applied; power stage off.</summary>
    ReadyToSwitchOn,

    /// <summary>Power stage ready (high voltage on), no torque.</summary>
    SwitchedOn,

    /// <summary>Torque on; the drive follows its set-points.</summary>
    OperationEnabled,

    /// <summary>The quick-stop function is running or holding (torque on, stopping per 0x605A).</summary>
    QuickStopActive,

    /// <summary>A fault was detected and the drive is executing its fault reaction (torque may still be on).</summary>
    FaultReactionActive,

    /// <summary>Faulted; power stage off. Needs a fault reset (rising edge of controlword bit 7).</summary>
    Fault,
}
