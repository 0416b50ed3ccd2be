using Controller.Hardware.Protocols.EtherCat.Esc;

namespace Controller.Hardware.Simulation.EtherCat;

/// <summary>
/// The EtherCAT state machine of a simulated slave (ETG.1000.6 §6.4.1): which AL control requests are
/// allowed from which state, the error indicator and its acknowledgement, and the AL status codes a real
/// slave answers with. Checks that need the ESC configuration are delegated to <see cref="TransitionCheck"/>.
/// </summary>
public sealed class SimulatedAlStateMachine
{
    /// <summary>Checks a transition against the slave's configuration; returns an error code to refuse it, or null.</summary>
    public delegate AlStatusCode? TransitionCheck(AlState from, AlState to);

    private readonly TransitionCheck _check;
    private readonly bool _supportsBootstrap;

    /// <summary>Creates a state machine in INIT.</summary>
    public SimulatedAlStateMachine(TransitionCheck check, bool supportsBootstrap = false)
    {
        _check = check;
        _supportsBootstrap = supportsBootstrap;
    }

    /// <summary>The current state.</summary>
    public AlState State { get; private set; } = AlState.Init;

    /// <summary>True while the error indicator is set.</summary>
    public bool HasError { get; private set; }

    /// <summary>The AL status code (meaningful while <see cref="HasError"/>).</summary>
    public AlStatusCode StatusCode { get; private set; }

    /// <summary>The AL status register value.</summary>
    public ushort StatusRegister => (ushort)((byte)State | (HasError ? AlStatus.ErrorFlag : 0));

    /// <summary>Handles a write of the AL control register.</summary>
    public void Control(ushort value)
    {
        bool acknowledge = (value & AlControl.ErrorAcknowledge) != 0;
        if (HasError && !acknowledge)
            return; // a slave with a pending error ignores requests until the master acknowledges it
        if (acknowledge)
        {
            HasError = false;
            StatusCode = AlStatusCode.NoError;
        }
        int requested = value & 0x0F;
        if (requested is not (1 or 2 or 3 or 4 or 8))
        {
            Refuse(AlStatusCode.UnknownRequestedState);
            return;
        }
        var to = (AlState)requested;
        if (to == State)
            return;
        if (!Allowed(State, to))
        {
            Refuse(to == AlState.Bootstrap && !_supportsBootstrap ? AlStatusCode.BootstrapNotSupported : AlStatusCode.InvalidRequestedStateChange);
            return;
        }
        if (_check(State, to) is AlStatusCode refused)
        {
            // A refused step up leaves the slave where it was; the spec drops SAFE-OP/OP failures to the lower state.
            Refuse(refused);
            return;
        }
        State = to;
    }

    /// <summary>Fault injection and local events: the slave leaves its state on its own with an error code (e.g. SM watchdog → SAFE-OP).</summary>
    public void Fail(AlState fallback, AlStatusCode code)
    {
        if (fallback < State || fallback == AlState.Init)
            State = fallback;
        Refuse(code);
    }

    /// <summary>Power-on: INIT without an error indication (a power cycle of the slave).</summary>
    public void PowerOn()
    {
        State = AlState.Init;
        HasError = false;
        StatusCode = AlStatusCode.NoError;
    }

    private void Refuse(AlStatusCode code)
    {
        HasError = true;
        StatusCode = code;
    }

    private bool Allowed(AlState from, AlState to) => (from, to) switch
    {
        (_, AlState.Init) => true,
        (AlState.Init, AlState.PreOp) => true,
        (AlState.Init, AlState.Bootstrap) => _supportsBootstrap,
        (AlState.PreOp, AlState.SafeOp) => true,
        (AlState.SafeOp, AlState.Op) => true,
        (AlState.SafeOp, AlState.PreOp) or (AlState.Op, AlState.PreOp) or (AlState.Op, AlState.SafeOp) => true,
        _ => false,
    };
}
