using Controller.Hardware.Protocols.EtherCat;
using Controller.Hardware.Protocols.EtherCat.Esc;
using Controller.Hardware.Transports.Ethernet;

namespace Controller.Hardware.Devices.EtherCat;

/// <summary>
/// A group of slaves sharing one process image, taken INIT → PRE-OP (mailboxes, PDO configurations, start-up
/// SDOs) → SAFE-OP (PDO assignments read, image planned, SM/FMMU registers written, process data exchanged) → OP.
/// Outputs can only be written through the <see cref="ProcessDataWriter"/> that <see cref="ToOp"/> returns, which
/// dies when the group leaves OP.
/// </summary>
/// <remarks>
/// Each cyclic frame carries the LRW of the image and a BRD of the AL status, so a slave falling out of OP is seen in
/// the same cycle: the group becomes <see cref="EtherCatGroupState.Faulted"/>, the writer dies and the outputs follow
/// <see cref="EtherCatGroupOptions.FaultReaction"/>. Lost frames and working-counter errors are counted and returned,
/// and leave the state alone (the driver on top decides how many it tolerates). <see cref="Recover"/> brings every slave
/// back to OP without restarting: error acknowledged, slaves that fell to INIT configured again.
/// Lifecycle methods run off the loop thread and may block and throw; <see cref="Exchange"/> and the writer run on the
/// loop thread and do not allocate, lock or throw. The two must not overlap (the driver on top serialises them).
/// </remarks>
public sealed partial class EtherCatGroup
{
    private readonly EtherCatPort _port;
    private readonly IRawFrameTransport _transport;
    private readonly DiscoveredSlave[] _slaves;
    private readonly Dictionary<ushort, CoeMailboxClient> _mailboxes = [];
    private ProcessDataCycle? _cycle;
    private int _state = (int)EtherCatGroupState.Init;
    private long _generation;

    /// <summary>Creates a group of discovered slaves (already in INIT with station addresses, see <see cref="EtherCatDiscovery.Discover"/>).</summary>
    /// <param name="port">The acyclic port (borrowed).</param>
    /// <param name="transport">The transport the port uses, for the cyclic frame (borrowed).</param>
    /// <param name="slaves">The group's slaves in wiring order.</param>
    /// <param name="options">Configuration; defaults when null.</param>
    /// <exception cref="ArgumentException">No slaves, or a station address repeats.</exception>
    public EtherCatGroup(EtherCatPort port, IRawFrameTransport transport, IReadOnlyList<DiscoveredSlave> slaves, EtherCatGroupOptions? options = null)
    {
        _port = port ?? throw new ArgumentNullException(nameof(port));
        _transport = transport ?? throw new ArgumentNullException(nameof(transport));
        ArgumentNullException.ThrowIfNull(slaves);
        if (slaves.Count == 0)
            throw new ArgumentException("a group needs at least one slave", nameof(slaves));
        if (slaves.Select(s => s.StationAddress).Distinct().Count() != slaves.Count)
            throw new ArgumentException("station addresses repeat: " + string.Join(", ", slaves.Select(s => $"0x{s.StationAddress:X4}")), nameof(slaves));
        _slaves = [.. slaves];
        Options = options ?? new EtherCatGroupOptions();
        if (Options.CycleTimeoutNs is < 1_000 or > 1_000_000_000)
            throw new ArgumentOutOfRangeException(nameof(options), Options.CycleTimeoutNs, "CycleTimeoutNs must be 1 µs..1 s");
        var unknown = Options.StartupSdos.Select(s => s.StationAddress).Concat(Options.PdoConfigurations.Select(p => p.StationAddress))
            .Where(a => !_slaves.Any(s => s.StationAddress == a)).ToArray();
        if (unknown.Length > 0)
            throw new ArgumentException($"start-up configuration names slaves not in the group: {string.Join(", ", unknown.Select(a => $"0x{a:X4}"))}", nameof(options));
        if (Options.DistributedClocks is { } dc)
        {
            dc.Validate();
            var strangers = dc.SyncModeSlaves.Where(a => !_slaves.Any(s => s.StationAddress == a)).ToArray();
            if (strangers.Length > 0)
                throw new ArgumentException($"DC sync-mode slaves not in the group: {string.Join(", ", strangers.Select(a => $"0x{a:X4}"))}", nameof(options));
        }
    }

    /// <summary>The configuration.</summary>
    public EtherCatGroupOptions Options { get; }

    /// <summary>The slaves in wiring order.</summary>
    public IReadOnlyList<DiscoveredSlave> Slaves => _slaves;

    /// <summary>Where the group is.</summary>
    public EtherCatGroupState State => (EtherCatGroupState)Volatile.Read(ref _state);

    /// <summary>The process image layout, from SAFE-OP on (null before).</summary>
    public ProcessImageLayout? Layout { get; private set; }

    /// <summary>
    /// The whole process image as the last exchange returned it: outputs first, then inputs at the offsets of
    /// <see cref="SlaveProcessImage"/>. Empty before SAFE-OP.
    /// </summary>
    public ReadOnlySpan<byte> Image => _cycle is null ? [] : _cycle.Image;

    /// <summary>What distributed-clocks start-up measured and set (reference clock, delays, offsets); null without DC or before SAFE-OP.</summary>
    public DcTopology? DcTopology { get; private set; }

    /// <summary>System time of the first SYNC0 pulse every DC slave was given (on the cycle grid plus the shift), ns; 0 without DC.</summary>
    public long Sync0StartTimeNs { get; private set; }

    /// <summary>
    /// The reference clock's system time read by the FRMW of the last good cyclic frame (ns since 2000-01-01), the input of a
    /// <see cref="DcPhaseLock"/>; 0 without DC. Loop thread.
    /// </summary>
    public long ReferenceClockTimeNs => _cycle is null ? 0 : (long)_cycle.ReferenceClockTimeNs;

    /// <summary>Cyclic frames sent.</summary>
    public long Cycles => _cycle?.Cycles ?? 0;

    /// <summary>Cyclic frames lost.</summary>
    public long LostFrames => _cycle?.LostFrames ?? 0;

    /// <summary>Cycles with a working-counter mismatch.</summary>
    public long WorkingCounterErrors => _cycle?.WorkingCounterErrors ?? 0;

    /// <summary>The last working-counter mismatch.</summary>
    public WorkingCounterError LastWorkingCounterError => _cycle?.LastWorkingCounterError ?? default;

    /// <summary>Cycles in which some slave was out of the group's state or flagged an AL error.</summary>
    public long AlStateFaults { get; private set; }

    /// <summary>The ORed AL status of all slaves from the last complete cycle.</summary>
    public ushort AlStatusOr => _cycle?.AlStatusOr ?? 0;

    /// <summary>Times <see cref="Recover"/> brought the group back to OP.</summary>
    public long Recoveries { get; private set; }

    /// <summary>What <see cref="Recover"/> last found: slaves that were not in OP, with their state and AL status code.</summary>
    public IReadOnlyList<(ushort StationAddress, AlState State, ushort AlStatusCode)> LastRecoveredSlaves { get; private set; } = [];

    internal Span<byte> OutputArea => _cycle is null || Layout is null ? [] : _cycle.Image[..Layout.OutputBytes];

    internal bool IsCurrent(long generation) => Volatile.Read(ref _generation) == generation && State == EtherCatGroupState.Op;

    /// <summary>The CoE client of a slave with a mailbox (from PRE-OP on).</summary>
    /// <exception cref="ArgumentException">The slave is not in the group or has no mailbox.</exception>
    public CoeMailboxClient Mailbox(ushort stationAddress) =>
        _mailboxes.TryGetValue(stationAddress, out var client) ? client
            : throw new ArgumentException($"slave 0x{stationAddress:X4} is not in the group or has no mailbox (or the group is not in PRE-OP yet)", nameof(stationAddress));

    /// <summary>Loop thread: one cyclic frame. Outputs go out as the image holds them; inputs come back into <see cref="Image"/>.</summary>
    public GroupCycleStatus Exchange()
    {
        var state = State;
        var cycle = _cycle;
        if (cycle is null || state is not (EtherCatGroupState.SafeOp or EtherCatGroupState.Op or EtherCatGroupState.Faulted))
            return GroupCycleStatus.NotRunning;
        var status = cycle.Exchange();
        switch (status)
        {
            case CycleStatus.Lost:
                return GroupCycleStatus.Lost;
            case CycleStatus.SendFailed:
                return GroupCycleStatus.SendFailed;
        }
        // The BRD came back complete (its working counter equals the slave count) only if AlStatusOr was refreshed;
        // a missing slave shows up as a working-counter mismatch first.
        if (status == CycleStatus.WorkingCounterMismatch)
            return GroupCycleStatus.WorkingCounterMismatch;
        ushort al = cycle.AlStatusOr;
        var wanted = state == EtherCatGroupState.SafeOp ? AlState.SafeOp : AlState.Op;
        if ((al & 0x0F) != (int)wanted || (al & AlStatus.ErrorFlag) != 0)
        {
            AlStateFaults++;
            if (state == EtherCatGroupState.Op)
                EnterFault();
            return GroupCycleStatus.SlaveNotOperational;
        }
        return state == EtherCatGroupState.Faulted ? GroupCycleStatus.SlaveNotOperational : GroupCycleStatus.Ok;
    }

    /// <summary>Zeroes the outputs (any state; safe at any time: the slaves see zeros with the next exchange).</summary>
    public void ZeroOutputs() => OutputArea.Clear();

    private void EnterFault()
    {
        Interlocked.Increment(ref _generation);
        Volatile.Write(ref _state, (int)EtherCatGroupState.Faulted);
        if (Options.FaultReaction == EtherCatFaultReaction.Disable)
            OutputArea.Clear();
    }

    private void SetState(EtherCatGroupState state)
    {
        Interlocked.Increment(ref _generation);
        Volatile.Write(ref _state, (int)state);
    }
}
