namespace Controller.Hardware.Protocols.Cia402;

/// <summary>
/// The drive's side of the CiA 402 state machine (IEC 61800-7-201 §6.2.1, transitions 0..16): what a drive does
/// with each controlword. Used by the drive twins on CANopen and EtherCAT alike; a master uses
/// <see cref="Cia402Commander"/> instead.
/// </summary>
/// <remarks>
/// Quick stop follows option code 0x605A values 1..4 by default (stop, then go to switch on disabled, transition
/// 12, once <see cref="CompleteQuickStop"/> is called); with <see cref="QuickStopStays"/> (codes 5..8) the drive
/// stays in quick stop active until disable voltage, or returns with enable operation (transition 16).
/// A fault moves any state to fault reaction active (13), and <see cref="CompleteFaultReaction"/> to fault (14).
/// Not thread-safe: the drive's own cycle owns it.
/// </remarks>
public sealed class Cia402DriveStateMachine
{
    private ushort _previousControlword;

    /// <summary>Starts in not ready to switch on (transition 0); <see cref="CompleteInitialisation"/> takes it on.</summary>
    public Cia402State State { get; private set; } = Cia402State.NotReadyToSwitchOn;

    /// <summary>Quick stop option codes 5..8: stay in quick stop active after stopping.</summary>
    public bool QuickStopStays { get; init; }

    /// <summary>The number of the last transition taken (0..16), or -1 when the last controlword changed nothing.</summary>
    public int LastTransition { get; private set; }

    /// <summary>True while torque may be applied: operation enabled, quick stop active, fault reaction active.</summary>
    public bool PowerEnabled => State is Cia402State.OperationEnabled or Cia402State.QuickStopActive or Cia402State.FaultReactionActive;

    /// <summary>True when the drive follows its set-points (operation enabled only).</summary>
    public bool FollowsSetPoints => State == Cia402State.OperationEnabled;

    /// <summary>Transition 1: initialisation done, to switch on disabled.</summary>
    public void CompleteInitialisation()
    {
        if (State == Cia402State.NotReadyToSwitchOn) Take(Cia402State.SwitchOnDisabled, 1);
    }

    /// <summary>Applies one received controlword; returns the transition taken or -1.</summary>
    public int Apply(ushort controlword)
    {
        var command = Cia402Controlword.Decode(controlword, _previousControlword);
        _previousControlword = controlword;
        LastTransition = -1;
        switch (State, command)
        {
            case (Cia402State.SwitchOnDisabled, Cia402Command.Shutdown): Take(Cia402State.ReadyToSwitchOn, 2); break;
            case (Cia402State.ReadyToSwitchOn, Cia402Command.SwitchOn): Take(Cia402State.SwitchedOn, 3); break;
            case (Cia402State.ReadyToSwitchOn, Cia402Command.EnableOperation): Take(Cia402State.OperationEnabled, 4); break; // 3 + 4
            case (Cia402State.SwitchedOn, Cia402Command.EnableOperation): Take(Cia402State.OperationEnabled, 4); break;
            case (Cia402State.OperationEnabled, Cia402Command.SwitchOn): Take(Cia402State.SwitchedOn, 5); break;
            case (Cia402State.SwitchedOn, Cia402Command.Shutdown): Take(Cia402State.ReadyToSwitchOn, 6); break;
            case (Cia402State.ReadyToSwitchOn, Cia402Command.DisableVoltage or Cia402Command.QuickStop): Take(Cia402State.SwitchOnDisabled, 7); break;
            case (Cia402State.OperationEnabled, Cia402Command.Shutdown): Take(Cia402State.ReadyToSwitchOn, 8); break;
            case (Cia402State.OperationEnabled, Cia402Command.DisableVoltage): Take(Cia402State.SwitchOnDisabled, 9); break;
            case (Cia402State.SwitchedOn, Cia402Command.DisableVoltage or Cia402Command.QuickStop): Take(Cia402State.SwitchOnDisabled, 10); break;
            case (Cia402State.OperationEnabled, Cia402Command.QuickStop): Take(Cia402State.QuickStopActive, 11); break;
            case (Cia402State.QuickStopActive, Cia402Command.DisableVoltage): Take(Cia402State.SwitchOnDisabled, 12); break;
            case (Cia402State.QuickStopActive, Cia402Command.EnableOperation) when QuickStopStays: Take(Cia402State.OperationEnabled, 16); break;
            case (Cia402State.Fault, Cia402Command.FaultReset): Take(Cia402State.SwitchOnDisabled, 15); break;
        }
        return LastTransition;
    }

    /// <summary>Transition 13: a fault in any state starts the fault reaction (ignored while already faulted).</summary>
    public void RaiseFault()
    {
        if (State is not (Cia402State.FaultReactionActive or Cia402State.Fault)) Take(Cia402State.FaultReactionActive, 13);
    }

    /// <summary>Transition 14: the fault reaction finished; power stage off.</summary>
    public void CompleteFaultReaction()
    {
        if (State == Cia402State.FaultReactionActive) Take(Cia402State.Fault, 14);
    }

    /// <summary>Transition 12 for option codes 1..4: the quick stop has stopped the axis; power off.</summary>
    public void CompleteQuickStop()
    {
        if (State == Cia402State.QuickStopActive && !QuickStopStays) Take(Cia402State.SwitchOnDisabled, 12);
    }

    private void Take(Cia402State next, int transition)
    {
        State = next;
        LastTransition = transition;
    }
}
