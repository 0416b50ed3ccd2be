namespace Controller.Hardware.Protocols.Cia402;

/// <summary>
/// The master's side of the CiA 402 state machine: which controlword moves a drive one step toward the state
/// wanted. Pure functions of the reported state, so an EtherCAT CoE drive and a CANopen drive use them unchanged;
/// the caller sends the result every cycle until the statusword reports the target.
/// </summary>
/// <remarks>
/// The path to operation enabled is the spec's stepwise one (2 shutdown, 3 switch on, 4 enable operation) because
/// some drives refuse the combined 3+4. A fault is never reset on the way: resetting is a decision
/// (<see cref="FaultReset"/>), since it can re-energise an axis whose cause is still there.
/// </remarks>
public static class Cia402Commander
{
    /// <summary>
    /// The controlword that moves a drive in <paramref name="state"/> one step toward operation enabled, keeping it
    /// there once reached. In fault, fault reaction or an unknown state it commands disable voltage (and waits for
    /// a <see cref="FaultReset"/>); from quick stop active it goes through switch on disabled.
    /// </summary>
    public static ushort TowardOperationEnabled(Cia402State state) => state switch
    {
        Cia402State.SwitchOnDisabled => Cia402Controlword.Shutdown,
        Cia402State.ReadyToSwitchOn => Cia402Controlword.SwitchOn,
        Cia402State.SwitchedOn => Cia402Controlword.EnableOperation,
        Cia402State.OperationEnabled => Cia402Controlword.EnableOperation,
        _ => Cia402Controlword.DisableVoltage,
    };

    /// <summary>The controlword that removes torque: disable voltage (transitions 7, 9, 10, 12), valid from every state.</summary>
    public static ushort TowardSwitchOnDisabled() => Cia402Controlword.DisableVoltage;

    /// <summary>
    /// The controlword for a fault reset: bit 7 acts on its rising edge, so when the previous controlword already
    /// had it set this returns one without it first; send the result until the drive leaves fault.
    /// </summary>
    public static ushort FaultReset(ushort previousControlword) =>
        (previousControlword & Cia402Controlword.FaultResetBit) != 0 ? Cia402Controlword.DisableVoltage : Cia402Controlword.FaultReset;

    /// <summary>True when the state is one a master can leave without a fault reset.</summary>
    public static bool IsFaulted(Cia402State state) => state is Cia402State.Fault or Cia402State.FaultReactionActive;
}
