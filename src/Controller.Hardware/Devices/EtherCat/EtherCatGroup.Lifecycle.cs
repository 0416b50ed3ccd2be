using System.Buffers.Binary;
using Controller.Hardware.Protocols.EtherCat;
using Controller.Hardware.Protocols.EtherCat.Esc;
using Controller.Hardware.Protocols.EtherCat.Sii;

namespace Controller.Hardware.Devices.EtherCat;

/// <summary>The lifecycle half of the group: state changes, configuration, recovery (off the loop thread; may block and throw).</summary>
public sealed partial class EtherCatGroup
{
    private const byte CoePdoAssignBit = 0x04;

    /// <summary>INIT → PRE-OP → SAFE-OP → OP in one call; returns the output writer.</summary>
    /// <exception cref="EtherCatException">A slave refused a step or did not answer (the message names it, the step and the AL status code).</exception>
    public ProcessDataWriter Start()
    {
        ToPreOp();
        ToSafeOp();
        return ToOp();
    }

    /// <summary>INIT → PRE-OP: mailbox SMs of every slave with a mailbox, PRE-OP, then the PDO configurations and start-up SDOs.</summary>
    /// <exception cref="InvalidOperationException">The group is not in INIT.</exception>
    /// <exception cref="EtherCatException">A slave refused or did not answer.</exception>
    public void ToPreOp()
    {
        Require(EtherCatGroupState.Init, "enter PRE-OP");
        foreach (var slave in _slaves)
        {
            if (slave.Sii.Header.StandardMailbox.IsPresent && !_mailboxes.ContainsKey(slave.StationAddress))
                _mailboxes[slave.StationAddress] = new CoeMailboxClient(_port, slave.StationAddress, slave.Sii.Header.StandardMailbox);
        }
        foreach (var slave in _slaves)
            EnterPreOp(slave);
        SetState(EtherCatGroupState.PreOp);
    }

    /// <summary>
    /// PRE-OP → SAFE-OP: reads each slave's PDO assignment (SII or CoE per <see cref="EtherCatGroupOptions.PdoSource"/>), plans
    /// the image, writes SM and FMMU registers, requests SAFE-OP and runs a first cycle. Returns the layout.
    /// </summary>
    /// <exception cref="InvalidOperationException">The group is not in PRE-OP.</exception>
    /// <exception cref="EtherCatException">A slave refused (AL status code 0x001D/0x001E: SMs do not match its PDOs) or did not answer.</exception>
    public ProcessImageLayout ToSafeOp()
    {
        Require(EtherCatGroupState.PreOp, "enter SAFE-OP");
        var data = _slaves.Select(s => new SlaveProcessData(s.StationAddress, ReadAssignment(s), s.Sii.Fmmus)).ToArray();
        var layout = ProcessImageLayout.Plan(data, Options.LogicalStart);
        int room = EtherCatFrameLayout.MaxDatagramBytesPerFrame - 2 * EtherCatFrameLayout.DatagramOverheadBytes - 2
            - (Options.DistributedClocks is null ? 0 : EtherCatFrameLayout.DatagramOverheadBytes + 8);
        if (layout.ImageBytes > room)
            throw new EtherCatException(0, $"the process image needs {layout.ImageBytes} bytes; one frame carries at most {room} (split the slaves into two groups)");
        Layout = layout;
        if (Options.DistributedClocks is { } dc)
            StartDistributedClocks(dc);
        _cycle = new ProcessDataCycle(_transport, _port.Source, layout.ImageBytes, layout.LogicalStart, layout.ExpectedWorkingCounter,
            DcTopology?.ReferenceStation, DcTopology?.ClockCount ?? 0, Options.CycleTimeoutNs) { AlStatusSlaves = _slaves.Length };
        for (int i = 0; i < _slaves.Length; i++)
        {
            ProcessImageRegisters.Write(_port, layout.Slaves[i]);
            AlStateControl.RequestState(_port, _slaves[i].StationAddress, AlState.SafeOp, Options.StateTimeoutNs);
        }
        SetState(EtherCatGroupState.SafeOp);
        _cycle.Exchange();
        return layout;
    }

    /// <summary>SAFE-OP → OP with the outputs zeroed; returns the only writer of the outputs.</summary>
    /// <exception cref="InvalidOperationException">The group is not in SAFE-OP.</exception>
    /// <exception cref="EtherCatException">A slave refused or did not answer.</exception>
    public ProcessDataWriter ToOp()
    {
        Require(EtherCatGroupState.SafeOp, "enter OP");
        ZeroOutputs();
        _cycle!.Exchange(); // slaves want valid outputs before OP (SM watchdog)
        foreach (var slave in _slaves)
            AlStateControl.RequestState(_port, slave.StationAddress, AlState.Op, Options.StateTimeoutNs);
        return OpenWriter();
    }

    /// <summary>OP → SAFE-OP (outputs zeroed, the writer dies); inputs keep coming.</summary>
    /// <exception cref="InvalidOperationException">The group is not in OP.</exception>
    public void ToSafeOpFromOp()
    {
        Require(EtherCatGroupState.Op, "go back to SAFE-OP");
        SetState(EtherCatGroupState.SafeOp);
        ZeroOutputs();
        foreach (var slave in _slaves)
            AlStateControl.RequestState(_port, slave.StationAddress, AlState.SafeOp, Options.StateTimeoutNs);
    }

    /// <summary>
    /// Faulted (or OP) → OP without restarting: reads every slave's AL status; a slave out of OP gets its error acknowledged and is
    /// taken up again from where it is (from INIT: mailbox, start-up SDOs, SM/FMMU; from PRE-OP: SM/FMMU; from SAFE-OP: OP).
    /// A slave that lost its station address (power cycled) gets it again by its position. With distributed clocks, slaves that
    /// came back from INIT or whose SYNC0 stopped get delays, offsets and SYNC0 again (<see cref="DcRejoin"/>) before SAFE-OP,
    /// while the others keep their system time. Returns a new writer; the old one stays dead.
    /// </summary>
    /// <exception cref="InvalidOperationException">The group is neither Faulted nor in OP.</exception>
    /// <exception cref="EtherCatException">A slave still does not answer (unplugged) or refuses; call again later.</exception>
    public ProcessDataWriter Recover()
    {
        var state = State;
        if (state is not (EtherCatGroupState.Faulted or EtherCatGroupState.Op))
            throw new InvalidOperationException($"EtherCAT group: cannot recover in state {state}; it must be Faulted or Op.");
        SetState(EtherCatGroupState.Faulted);
        var found = new List<(ushort, AlState, ushort)>();
        var from = new AlState?[_slaves.Length];
        var returning = new HashSet<ushort>();
        for (int i = 0; i < _slaves.Length; i++)
        {
            var slave = _slaves[i];
            var (status, code) = ReadStatusReaddressing(slave);
            if (status.State is not (AlState.PreOp or AlState.SafeOp or AlState.Op))
                returning.Add(slave.StationAddress);
            if (status.State == AlState.Op && !status.HasError)
                continue;
            found.Add((slave.StationAddress, status.State, code));
            from[i] = status.State;
            if (status.State is not (AlState.PreOp or AlState.SafeOp or AlState.Op))
            {
                if (_mailboxes.ContainsKey(slave.StationAddress))
                    AlStateControl.RequestState(_port, slave.StationAddress, AlState.Init, Options.StateTimeoutNs, acknowledgeError: true);
                EnterPreOp(slave);
            }
        }
        // Drives in DC SYNC0 mode refuse SAFE-OP until SYNC0 runs again: DC comes back before any slave goes up.
        if (Options.DistributedClocks is { } dc && DcTopology is { } topology)
        {
            foreach (var clock in topology.Slaves)
                if (clock.HasDistributedClock && DcRejoin.Sync0Lost(_port, clock.StationAddress))
                    returning.Add(clock.StationAddress);
            if (topology.Slaves.Any(c => c.HasDistributedClock && returning.Contains(c.StationAddress)))
            {
                DcTopology = DcRejoin.Restore(_port, _slaves, topology, returning, dc);
                DcRecoveries++;
            }
        }
        for (int i = 0; i < _slaves.Length; i++)
        {
            if (from[i] is not AlState was)
                continue;
            var slave = _slaves[i];
            if (was is not (AlState.SafeOp or AlState.Op))
            {
                ProcessImageRegisters.Write(_port, Layout!.Slaves[i]);
                AlStateControl.RequestState(_port, slave.StationAddress, AlState.SafeOp, Options.StateTimeoutNs, acknowledgeError: true);
            }
            _cycle!.Exchange();
            AlStateControl.RequestState(_port, slave.StationAddress, AlState.Op, Options.StateTimeoutNs, acknowledgeError: true);
        }
        LastRecoveredSlaves = found;
        Recoveries++;
        return OpenWriter();
    }

    /// <summary>Times <see cref="Recover"/> restored distributed clocks for slaves that had lost them.</summary>
    public long DcRecoveries { get; private set; }

    /// <summary>
    /// AL status of a slave; one that does not answer at its station address but is present at its position with no address
    /// (a power cycle cleared 0x0010) gets the address written again by position, then is read. A slave at that position
    /// that has an address is another one (the lost slave is still away and the positions moved up): nothing is written.
    /// </summary>
    private (AlStatus Status, ushort Code) ReadStatusReaddressing(DiscoveredSlave slave)
    {
        try
        {
            return AlStateControl.Read(_port, slave.StationAddress);
        }
        catch (EtherCatException) when (Readdress(slave))
        {
            return AlStateControl.Read(_port, slave.StationAddress);
        }
    }

    private bool Readdress(DiscoveredSlave slave)
    {
        uint address = EtherCatAddress.AutoIncrement(slave.Position, EscRegister.ConfiguredStationAddress);
        Span<byte> word = stackalloc byte[2];
        if (_port.Exchange(EtherCatCommand.Aprd, address, word, 1) != ExchangeStatus.Ok || BinaryPrimitives.ReadUInt16LittleEndian(word) != 0)
            return false;
        BinaryPrimitives.WriteUInt16LittleEndian(word, slave.StationAddress);
        return _port.Exchange(EtherCatCommand.Apwr, address, word, 1) == ExchangeStatus.Ok;
    }

    /// <summary>Any state → Stopped: outputs zeroed and sent once, every slave asked for INIT. Never throws.</summary>
    public void Stop()
    {
        if (State == EtherCatGroupState.Stopped)
            return;
        SetState(EtherCatGroupState.Stopped);
        ZeroOutputs();
        _cycle?.Exchange();
        Span<byte> word = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(word, AlControl.Request(AlState.Init, acknowledgeError: true));
        foreach (var slave in _slaves)
            _port.Exchange(EtherCatCommand.Fpwr, EtherCatAddress.Physical(slave.StationAddress, EscRegister.AlControl), word, 1);
    }

    private ProcessDataWriter OpenWriter()
    {
        long generation = Interlocked.Increment(ref _generation);
        Volatile.Write(ref _state, (int)EtherCatGroupState.Op);
        return new ProcessDataWriter(this, generation);
    }

    private void EnterPreOp(DiscoveredSlave slave)
    {
        if (_mailboxes.TryGetValue(slave.StationAddress, out var mailbox))
            mailbox.ConfigureSyncManagers();
        AlStateControl.RequestState(_port, slave.StationAddress, AlState.PreOp, Options.StateTimeoutNs, acknowledgeError: true);
        foreach (var pdo in Options.PdoConfigurations)
            if (pdo.StationAddress == slave.StationAddress)
                PdoAssignment.WriteToCoe(Mailbox(slave.StationAddress), pdo.SyncManager, pdo.Pdos);
        foreach (var sdo in Options.StartupSdos)
            if (sdo.StationAddress == slave.StationAddress)
                Mailbox(slave.StationAddress).Download(sdo.Index, sdo.SubIndex, sdo.Data);
        if (Options.DistributedClocks is { } dc && dc.SyncModeSlaves.Contains(slave.StationAddress))
            WriteSyncMode(Mailbox(slave.StationAddress), dc.CycleTimeNs);
    }

    /// <summary>
    /// DC start-up in PRE-OP (ETG.1020 order): delays and offsets, static drift compensation, then SYNC0 on every DC slave
    /// with one start time on the cycle grid (+ shift) far enough ahead that every ESC has it before it passes.
    /// </summary>
    private void StartDistributedClocks(EtherCatDcOptions dc)
    {
        var topology = DistributedClocks.Initialise(_port, _slaves);
        int complete = DistributedClocks.CompensateStaticDrift(_port, topology, dc.DriftCompensationFrames);
        if (complete == 0)
            throw new EtherCatException(topology.ReferenceStation, $"static drift compensation: none of {dc.DriftCompensationFrames} FRMW frames reached all {topology.ClockCount} DC slaves");
        long now = DistributedClocks.ReadSystemTimeNs(_port, topology.ReferenceStation);
        long start = DistributedClocks.Sync0StartTimeNs(now, dc.CycleTimeNs, dc.Sync0StartDelayNs, dc.Sync0ShiftNs);
        foreach (var clock in topology.Slaves)
            if (clock.HasDistributedClock)
                DistributedClocks.ConfigureSync0(_port, clock.StationAddress, dc.CycleTimeNs, start);
        DcTopology = topology;
        Sync0StartTimeNs = start;
    }

    /// <summary>Sync manager parameters (ETG.1020 §"Synchronization", objects 0x1C32 outputs / 0x1C33 inputs): sub 2 cycle time, sub 1 sync mode 2 = DC SYNC0.</summary>
    private static void WriteSyncMode(CoeMailboxClient mailbox, long cycleTimeNs)
    {
        Span<byte> cycle = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(cycle, (uint)cycleTimeNs);
        foreach (ushort index in (ReadOnlySpan<ushort>)[SyncManagerParameters.Outputs, SyncManagerParameters.Inputs])
        {
            mailbox.Download(index, SyncManagerParameters.CycleTime, cycle);
            mailbox.Download(index, SyncManagerParameters.SyncMode, [(byte)SyncManagerParameters.DcSync0, 0]);
        }
    }

    private IReadOnlyList<SyncManagerAssignment> ReadAssignment(DiscoveredSlave slave)
    {
        bool coe = _mailboxes.ContainsKey(slave.StationAddress) && (slave.Sii.Header.MailboxProtocols & MailboxProtocols.CoE) != 0;
        bool useCoe = Options.PdoSource switch
        {
            PdoSource.Sii => false,
            PdoSource.Coe => coe,
            _ => coe && ((slave.Sii.General?.CoeDetails ?? 0) & CoePdoAssignBit) != 0,
        };
        return useCoe ? PdoAssignment.FromCoe(Mailbox(slave.StationAddress), slave.Sii) : PdoAssignment.FromSii(slave.Sii);
    }

    private void Require(EtherCatGroupState expected, string action)
    {
        var actual = State;
        if (actual != expected)
            throw new InvalidOperationException($"EtherCAT group: cannot {action} in state {actual}; it must be {expected}.");
    }
}
