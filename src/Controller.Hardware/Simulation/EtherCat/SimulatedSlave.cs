using System.Buffers.Binary;
using Controller.Hardware.Protocols.EtherCat;
using Controller.Hardware.Protocols.EtherCat.Esc;
using Controller.Hardware.Protocols.EtherCat.Mailbox;
using Controller.Hardware.Protocols.EtherCat.Sii;

namespace Controller.Hardware.Simulation.EtherCat;

/// <summary>
/// A software EtherCAT slave: 64 KiB of ESC address space (registers and process RAM), an SII EEPROM image,
/// the AL state machine, FMMUs, mailbox sync managers with an SDO server. It handles every datagram of a
/// passing frame the way an ESC does: addressed reads and writes, auto-increment and broadcast ADP counting,
/// logical access through FMMUs, and working counters (read +1, write +1, read-write +3, RMW +1).
/// Not thread-safe: one <see cref="SimulatedSegment"/> drives it.
/// </summary>
public sealed class SimulatedSlave
{
    private const byte MailboxFullBit = 0x08;

    private readonly byte[] _memory = new byte[0x10000];
    private readonly SimulatedSiiInterface _sii;
    private readonly SdoServer? _sdo;
    private readonly byte[] _mailboxResponse;

    /// <summary>Creates a slave from an SII image; a CoE dictionary gives it an SDO server (the SII must declare a mailbox).</summary>
    /// <param name="siiImage">The EEPROM image (e.g. a real dump); parsed, so malformed images throw <see cref="SiiFormatException"/>.</param>
    /// <param name="dictionary">CoE object dictionary, or null for a slave without CoE.</param>
    /// <param name="capabilities">FMMUs, SMs and DC the ESC implements; default <see cref="EscCapabilities.Et1100"/>.</param>
    /// <param name="siiBusyReads">Status reads that still see the EEPROM busy after a read command.</param>
    public SimulatedSlave(byte[] siiImage, CoeObjectDictionary? dictionary = null, EscCapabilities? capabilities = null, int siiBusyReads = 2)
    {
        Capabilities = capabilities ?? EscCapabilities.Et1100;
        Capabilities.Validate();
        Sii = SiiParser.Parse(siiImage);
        _sii = new SimulatedSiiInterface(siiImage, siiBusyReads);
        if (dictionary is not null)
        {
            if (!Sii.Header.StandardMailbox.IsPresent)
                throw new ArgumentException("a CoE dictionary needs an SII image that declares a standard mailbox", nameof(dictionary));
            _sdo = new SdoServer(dictionary, Math.Min(Sii.Header.StandardMailbox.SendSize, Sii.Header.StandardMailbox.ReceiveSize));
        }
        _mailboxResponse = new byte[Math.Max((int)Sii.Header.StandardMailbox.SendSize, SdoLayout.InitiateBytes)];
        Al = new SimulatedAlStateMachine(CheckTransition);
        Dc = new SimulatedDcClock(_memory);
        InitialiseRegisters();
    }

    private void InitialiseRegisters()
    {
        var m = _memory.AsSpan();
        m[EscRegister.Type] = 0x11;           // an ET1100-like ESC
        m[EscRegister.FmmuCount] = (byte)Capabilities.FmmuCount;
        m[EscRegister.SyncManagerCount] = (byte)Capabilities.SyncManagerCount;
        m[EscRegister.RamSize] = 8;
        m[EscRegister.PortDescriptor] = 0x0F; // ports 0 and 1 in use
        BinaryPrimitives.WriteUInt16LittleEndian(m[EscRegister.Features..], (ushort)(Capabilities.DistributedClocks ? 0x000C : 0)); // DC, 64-bit DC
        BinaryPrimitives.WriteUInt16LittleEndian(m[EscRegister.ConfiguredStationAlias..], Sii.Header.ConfiguredStationAlias);
        _sii.Initialise(m);
        PublishAlStatus();
    }

    /// <summary>What the ESC implements.</summary>
    public EscCapabilities Capabilities { get; }

    /// <summary>The parsed SII image.</summary>
    public SiiImage Sii { get; }

    /// <summary>The AL state machine (also for fault injection with <see cref="SimulatedAlStateMachine.Fail"/>).</summary>
    public SimulatedAlStateMachine Al { get; }

    /// <summary>The distributed-clocks unit: drift and start time are set here; the segment feeds it the frame timing.</summary>
    public SimulatedDcClock Dc { get; }

    /// <summary>False while the slave is "unplugged": frames pass it untouched.</summary>
    public bool Present { get; set; } = true;

    /// <summary>The configured station address (register 0x0010).</summary>
    public ushort StationAddress => BinaryPrimitives.ReadUInt16LittleEndian(_memory.AsSpan(EscRegister.ConfiguredStationAddress));

    /// <summary>Mailbox answers dropped because they did not fit the SM1 length the master configured.</summary>
    public long MailboxOverflows { get; private set; }

    /// <summary>Frames this slave handled.</summary>
    public long FramesSeen { get; private set; }

    /// <summary>The device behind the ESC (a drive's firmware): called after every frame this slave handled, to exchange process data with ESC memory.</summary>
    public ISimulatedSlaveApplication? Application { get; set; }

    /// <summary>Fault injection: while true the slave ignores logical datagrams (as when its PDI turned the process-data SMs off), so the LRW working counter comes back short.</summary>
    public bool ProcessDataDisabled { get; set; }

    /// <summary>
    /// Process-data bits of SM n for the SAFE-OP check, or null to use the SII's PDO lists; a CoE slave sets this to
    /// follow its 0x1C1n assignment, as a real slave checks the SM lengths against its actual mapping.
    /// </summary>
    public Func<int, int?>? SyncManagerBits { get; set; }

    /// <summary>
    /// The application's own check of a step up to SAFE-OP or OP (after the ESC's): an AL status code refuses it, null allows it.
    /// A drive refuses DC SYNC0 mode (0x1C32:01 = 2) without SYNC0 running (0x0030), as real drives do.
    /// </summary>
    public Func<AlState, AlStatusCode?>? ApplicationTransitionCheck { get; set; }

    /// <summary>The ESC memory, for a device twin's application side (process data) and for tests. Writing it bypasses the ESC logic.</summary>
    public Span<byte> GetMutableMemory() => _memory;

    /// <summary>
    /// Fault injection: the slave loses power and comes back (call it while <see cref="Present"/> is false, or the master sees
    /// the reset mid-cycle). Every register is at its power-on value — no station address, FMMUs, sync managers or DC
    /// offset, delay and SYNC0, AL in INIT without error — and the DC unit's local clock restarts at
    /// <paramref name="localStartNs"/>. The application (a drive's object dictionary) keeps its values, as a drive whose
    /// parameters are stored in its own memory does.
    /// </summary>
    public void PowerCycle(long localStartNs = 0)
    {
        _memory.AsSpan().Clear();
        Al.PowerOn();
        Dc.PowerOn(localStartNs);
        InitialiseRegisters();
    }

    /// <summary>Drops to <paramref name="fallback"/> with an AL status code, as a slave does on a local error.</summary>
    public void Fail(AlState fallback, AlStatusCode code)
    {
        Al.Fail(fallback, code);
        PublishAlStatus();
    }

    /// <summary>Handles every datagram of one frame in place (the frame is already known to decode).</summary>
    public void Process(Span<byte> frame)
    {
        if (!Present || EtherCatFrameReader.TryCreate(frame, out var reader) != EtherCatDecodeError.None)
            return;
        FramesSeen++;
        while (reader.TryReadNext(out var d))
        {
            var data = frame.Slice(d.DataOffset, d.Data.Length);
            int wkc = Handle(frame, d.HeaderOffset, d.Command, d.Adp, d.Ado, d.Address, data);
            if (wkc != 0)
            {
                var counter = frame[d.WorkingCounterOffset..];
                BinaryPrimitives.WriteUInt16LittleEndian(counter, (ushort)(BinaryPrimitives.ReadUInt16LittleEndian(counter) + wkc));
            }
        }
        Application?.AfterFrame(this);
    }

    private int Handle(Span<byte> frame, int headerOffset, EtherCatCommand command, ushort adp, ushort ado, uint address, Span<byte> data)
    {
        switch (command.Addressing())
        {
            case EtherCatAddressing.AutoIncrement:
                BinaryPrimitives.WriteUInt16LittleEndian(frame[(headerOffset + 2)..], (ushort)(adp + 1));
                if (command == EtherCatCommand.Armw)
                    return adp == 0 ? Read(ado, data, or: false) : Write(ado, data);
                return adp == 0 ? Physical(command, ado, data) : 0;
            case EtherCatAddressing.Configured:
                if (command == EtherCatCommand.Frmw)
                    return adp == StationAddress ? Read(ado, data, or: false) : Write(ado, data);
                return adp == StationAddress ? Physical(command, ado, data) : 0;
            case EtherCatAddressing.Broadcast:
                BinaryPrimitives.WriteUInt16LittleEndian(frame[(headerOffset + 2)..], (ushort)(adp + 1));
                return Physical(command, ado, data);
            case EtherCatAddressing.Logical:
                if (ProcessDataDisabled)
                    return 0;
                var (read, wrote) = SimulatedFmmu.Apply(_memory, address, data, command.Reads(), command.Writes(), Capabilities.FmmuCount);
                return (read ? 1 : 0) + (wrote ? (command == EtherCatCommand.Lrw ? 2 : 1) : 0);
            default:
                return 0;
        }
    }

    private int Physical(EtherCatCommand command, ushort ado, Span<byte> data)
    {
        bool broadcast = command.Addressing() == EtherCatAddressing.Broadcast;
        if (command.Reads() && command.Writes())
        {
            Span<byte> written = stackalloc byte[Math.Min(data.Length, 2048)];
            data.CopyTo(written);
            int read = Read(ado, data, broadcast);
            int write = Write(ado, written);
            return read + 2 * write;
        }
        return command.Reads() ? Read(ado, data, broadcast) : Write(ado, data);
    }

    private int Read(ushort ado, Span<byte> data, bool or)
    {
        if (ado + data.Length > _memory.Length || !Implemented(ado, data.Length) || !MailboxReadAllowed(ado, data.Length))
            return 0;
        Dc.BeforeRead(ado, data.Length);
        var source = _memory.AsSpan(ado, data.Length);
        if (or)
            for (int i = 0; i < data.Length; i++) data[i] |= source[i];
        else
            source.CopyTo(data);
        AfterRead(ado, data.Length);
        return 1;
    }

    private int Write(ushort ado, ReadOnlySpan<byte> data)
    {
        if (ado + data.Length > _memory.Length || !Implemented(ado, data.Length) || !MailboxWriteAllowed(ado, data.Length))
            return 0;
        bool wroteAny = Capabilities.DistributedClocks && Dc.OnSystemTimeWrite(ado, data);
        for (int i = 0; i < data.Length; i++)
        {
            if (IsReadOnly(ado + i) || SimulatedDcClock.IsSystemTimeByte(ado + i))
                continue;
            _memory[ado + i] = data[i];
            wroteAny = true;
        }
        if (!wroteAny)
            return 0; // a write that only hits read-only registers is not counted (0x092C in the real capture)
        AfterWrite(ado, data.Length);
        return 1;
    }

    private static bool Overlaps(int start, int length, int register, int registerLength) =>
        start < register + registerLength && register < start + length;

    private static bool IsReadOnly(int address) =>
        address < 0x0010 || address is >= 0x0110 and < 0x0112 || address is >= 0x0130 and < 0x0136
        || (address is >= 0x0800 and < 0x0880 && (address - 0x0800) % 8 == 5)
        || address is >= EscRegister.DcReceiveTimeProcessingUnit and < EscRegister.DcSystemTimeOffset
        || address is >= EscRegister.DcSystemTimeDifference and < EscRegister.DcSpeedCounterStart;

    private bool Implemented(int start, int length)
    {
        int fmmuEnd = EscRegister.Fmmu0 + EscRegister.FmmuBytes * Capabilities.FmmuCount;
        int smEnd = EscRegister.SyncManager0 + EscRegister.SyncManagerBytes * Capabilities.SyncManagerCount;
        return !Overlaps(start, length, fmmuEnd, 0x0700 - fmmuEnd)
            && !Overlaps(start, length, smEnd, 0x0900 - smEnd)
            // Without DC an ESC still latches port receive times (0x0900..0x090F), as the real EL2828 does.
            && (Capabilities.DistributedClocks || !Overlaps(start, length, EscRegister.DcSystemTime, 0x0A00 - EscRegister.DcSystemTime));
    }

    private (ushort Start, ushort Length, bool Enabled, bool Mailbox) SyncManager(int n)
    {
        var r = _memory.AsSpan(EscRegister.SyncManager(n), EscRegister.SyncManagerBytes);
        return (BinaryPrimitives.ReadUInt16LittleEndian(r), BinaryPrimitives.ReadUInt16LittleEndian(r[2..]), (r[6] & 1) != 0, (r[4] & 0x03) == 0x02);
    }

    private ref byte SyncManagerStatus(int n) => ref _memory[EscRegister.SyncManager(n) + 5];

    private bool MailboxWriteAllowed(int ado, int length)
    {
        var sm0 = SyncManager(0);
        return !(sm0.Enabled && sm0.Mailbox && Overlaps(ado, length, sm0.Start, sm0.Length) && (SyncManagerStatus(0) & MailboxFullBit) != 0);
    }

    private bool MailboxReadAllowed(int ado, int length)
    {
        var sm1 = SyncManager(1);
        return !(sm1.Enabled && sm1.Mailbox && Overlaps(ado, length, sm1.Start, sm1.Length) && (SyncManagerStatus(1) & MailboxFullBit) == 0);
    }

    private void AfterRead(int ado, int length)
    {
        if (Overlaps(ado, length, EscRegister.SiiControlStatus, 2))
            _sii.OnStatusRead(_memory);
        var sm1 = SyncManager(1);
        if (sm1.Enabled && sm1.Mailbox && sm1.Length > 0 && Overlaps(ado, length, sm1.Start + sm1.Length - 1, 1))
            SyncManagerStatus(1) &= unchecked((byte)~MailboxFullBit); // reading the last byte empties the mailbox
    }

    private void AfterWrite(int ado, int length)
    {
        if (Overlaps(ado, length, EscRegister.AlControl, 2))
        {
            Al.Control(BinaryPrimitives.ReadUInt16LittleEndian(_memory.AsSpan(EscRegister.AlControl)));
            if (Al.State == AlState.Init)
                ResetMailboxes();
            PublishAlStatus();
        }
        if (Overlaps(ado, length, EscRegister.SiiControlStatus, 2))
            _sii.OnControlWritten(_memory);
        Dc.AfterWrite(ado, length);
        var sm0 = SyncManager(0);
        if (sm0.Enabled && sm0.Mailbox && sm0.Length > 0 && Overlaps(ado, length, sm0.Start + sm0.Length - 1, 1))
            MailboxReceived(sm0.Start, sm0.Length);
    }

    private void MailboxReceived(ushort start, ushort length)
    {
        if (_sdo is null || Al.State is AlState.Init or AlState.Bootstrap)
            return;
        var sm1 = SyncManager(1);
        if (!sm1.Enabled || sm1.Length == 0)
            return;
        int n = _sdo.Handle(_memory.AsSpan(start, length), _mailboxResponse);
        if (n == 0)
            return;
        if (n > sm1.Length)
        {
            MailboxOverflows++;
            return;
        }
        var area = _memory.AsSpan(sm1.Start, sm1.Length);
        area.Clear();
        _mailboxResponse.AsSpan(0, n).CopyTo(area);
        SyncManagerStatus(1) |= MailboxFullBit;
    }

    private void ResetMailboxes()
    {
        SyncManagerStatus(0) &= unchecked((byte)~MailboxFullBit);
        SyncManagerStatus(1) &= unchecked((byte)~MailboxFullBit);
    }

    private void PublishAlStatus()
    {
        BinaryPrimitives.WriteUInt16LittleEndian(_memory.AsSpan(EscRegister.AlStatus), Al.StatusRegister);
        BinaryPrimitives.WriteUInt16LittleEndian(_memory.AsSpan(EscRegister.AlStatusCode), (ushort)Al.StatusCode);
    }

    private AlStatusCode? CheckTransition(AlState from, AlState to)
    {
        var mailbox = Sii.Header.StandardMailbox;
        if (to >= AlState.PreOp && to != AlState.Bootstrap && mailbox.IsPresent)
        {
            var sm0 = SyncManager(0);
            var sm1 = SyncManager(1);
            if (!sm0.Enabled || !sm0.Mailbox || sm0.Start != mailbox.ReceiveOffset || sm0.Length != mailbox.ReceiveSize
                || !sm1.Enabled || !sm1.Mailbox || sm1.Start != mailbox.SendOffset || sm1.Length != mailbox.SendSize)
                return AlStatusCode.InvalidMailboxConfigurationPreOp;
        }
        if (to is AlState.SafeOp or AlState.Op)
        {
            for (int n = 0; n < Sii.SyncManagers.Count && n < Capabilities.SyncManagerCount; n++)
            {
                var expected = Sii.SyncManagers[n];
                int bits = SyncManagerBits?.Invoke(n) ?? expected.Type switch
                {
                    SyncManagerType.Outputs => Sii.OutputBits(n),
                    SyncManagerType.Inputs => Sii.InputBits(n),
                    _ => 0,
                };
                if (bits == 0)
                    continue;
                var actual = SyncManager(n);
                if (!actual.Enabled || actual.Length != (bits + 7) / 8 || actual.Start != expected.StartAddress)
                    return expected.Type == SyncManagerType.Outputs ? AlStatusCode.InvalidOutputConfiguration : AlStatusCode.InvalidInputConfiguration;
            }
            return ApplicationTransitionCheck?.Invoke(to);
        }
        return null;
    }
}
