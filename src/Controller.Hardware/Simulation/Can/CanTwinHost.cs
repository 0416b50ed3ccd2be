using Controller.Hardware.Protocols.Cia402;
using Controller.Hardware.Protocols.Mit;
using Controller.Hardware.Protocols.Slcan;
using Controller.Hardware.Simulation.Cia402;
using Controller.Hardware.Simulation.Mit;
using Controller.Hardware.Simulation.Slcan;
using Controller.Hardware.Transports;
using Controller.Hardware.Transports.Can;
using Controller.Hardware.Transports.Serial;
using Controller.Pipeline.Time;

namespace Controller.Hardware.Simulation.Can;

/// <summary>
/// Runs CAN twins on their own thread: a <see cref="VirtualCanBus"/> with CiA 402 drive twins and MIT actuator twins
/// attached to joints of a plant, ticked every period (bus, twins, bus, plant). A driver attaches through
/// <see cref="AddNode"/> (in process) or through <see cref="ExposeOverSlcan"/> (a pseudo-terminal's device end, as
/// `robotctl sim cia402|mit` does), and runs on its own thread like against real hardware.
/// </summary>
/// <remarks>Add twins and nodes before <see cref="Start"/>; the host thread owns them afterwards.</remarks>
public sealed class CanTwinHost : IDisposable
{
    private readonly ISimulatedPlant _plant;
    private readonly Action<double>? _stepPlant;
    private readonly IMonotonicClock _clock;
    private readonly long _periodNs;
    private readonly List<Cia402DriveTwin> _drives = [];
    private readonly List<MitActuatorTwin> _actuators = [];
    private readonly List<SlcanAdapterTwin> _adapters = [];
    private readonly List<VirtualCanNode> _adapterNodes = [];
    private readonly FutexWord _sleep = new();
    private Thread? _thread;
    private volatile bool _stop;
    private long _ticks;

    /// <summary>Creates a host over <paramref name="plant"/>.</summary>
    /// <param name="plant">The joints the twins drive.</param>
    /// <param name="clock">Time for the bus and the twins.</param>
    /// <param name="periodNs">Tick period (≥ 100 µs): a command frame is answered within about one period.</param>
    /// <param name="stepPlant">Advances the plant by a time step (s); null when someone else steps it (the runtime's rigid-body plant).</param>
    public CanTwinHost(ISimulatedPlant plant, IMonotonicClock clock, long periodNs = 1_000_000, Action<double>? stepPlant = null)
    {
        _plant = plant ?? throw new ArgumentNullException(nameof(plant));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        if (periodNs < 100_000) throw new ArgumentOutOfRangeException(nameof(periodNs), periodNs, "the twin period must be at least 100 000 ns.");
        _periodNs = periodNs;
        _stepPlant = stepPlant;
    }

    /// <summary>
    /// Runs first on the host thread (e.g. to give it a real-time priority: a CAN device answers on its own silicon, so
    /// the host's load should not delay the twins' replies), or null.
    /// </summary>
    public Action? OnThreadStart { get; init; }

    /// <summary>The bus the twins are on.</summary>
    public VirtualCanBus Bus { get; } = new("twins");

    /// <summary>The CiA 402 drive twins added.</summary>
    public IReadOnlyList<Cia402DriveTwin> Drives => _drives;

    /// <summary>The MIT actuator twins added.</summary>
    public IReadOnlyList<MitActuatorTwin> Actuators => _actuators;

    /// <summary>The SLCAN adapter twins exposing the bus.</summary>
    public IReadOnlyList<SlcanAdapterTwin> Adapters => _adapters;

    /// <summary>The bus nodes of <see cref="Adapters"/> (same order): where to inject the adapter's bus-off.</summary>
    public IReadOnlyList<VirtualCanNode> AdapterNodes => _adapterNodes;

    /// <summary>Ticks run.</summary>
    public long Ticks => Interlocked.Read(ref _ticks);

    /// <summary>Adds a CiA 402 drive twin as node <paramref name="nodeId"/> on joint <paramref name="joint"/>.</summary>
    public Cia402DriveTwin AddCia402Drive(byte nodeId, int joint, Cia402Scaling scaling, Cia402TwinOptions? options = null)
    {
        RequireNotStarted();
        var twin = new Cia402DriveTwin(Bus.AddNode($"cia402-{nodeId}"), nodeId, _plant, joint, scaling, options);
        _drives.Add(twin);
        return twin;
    }

    /// <summary>Adds an MIT actuator twin with motor id <paramref name="motorId"/> on joint <paramref name="joint"/>.</summary>
    public MitActuatorTwin AddMitActuator(byte motorId, MitActuatorModel model, int joint, uint replyCanId = 0)
    {
        RequireNotStarted();
        var twin = new MitActuatorTwin(Bus.AddNode($"mit-{motorId}"), motorId, model, _plant, joint, replyCanId);
        _actuators.Add(twin);
        return twin;
    }

    /// <summary>A node for an in-process driver (its <see cref="ICanChannel"/>).</summary>
    public VirtualCanNode AddNode(string name) => Bus.AddNode(name, receiveCapacity: 1024, transmitCapacity: 256);

    /// <summary>Puts an SLCAN adapter twin on <paramref name="deviceEnd"/> (a pty's device end), bridged to the bus.</summary>
    public SlcanAdapterTwin ExposeOverSlcan(Stream deviceEnd, SlcanDialect dialect = SlcanDialect.Canable)
    {
        var node = AddNode($"slcan-{_adapters.Count}");
        var adapter = new SlcanAdapterTwin(deviceEnd, node, dialect);
        _adapters.Add(adapter);
        _adapterNodes.Add(node);
        return adapter;
    }

    /// <summary>
    /// Creates a pseudo-terminal and puts an SLCAN adapter twin on its far end, bridged to the bus: open the returned
    /// <c>/dev/pts/N</c> as the adapter's serial port (<see cref="SlcanChannel.OnSerialPort"/>, slcand, python-can).
    /// </summary>
    /// <returns>The serial device path.</returns>
    /// <exception cref="IOException">No pseudo-terminal could be created.</exception>
    public string ExposeOverNewPseudoTerminal(SlcanDialect dialect = SlcanDialect.Canable)
    {
        var stream = PseudoTerminalStream.OpenNew();
        try
        {
            ExposeOverSlcan(stream, dialect);
            return stream.SecondaryPath;
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Starts the host thread.</summary>
    public void Start()
    {
        RequireNotStarted();
        _thread = new Thread(Run) { IsBackground = true, Name = "can-twins" };
        _thread.Start();
    }

    /// <summary>One tick on the caller's thread (tests that step deterministically instead of <see cref="Start"/>).</summary>
    public void Tick()
    {
        long now = _clock.NowNs;
        Bus.Deliver(now);
        foreach (var drive in _drives) drive.Step(now);
        foreach (var actuator in _actuators) actuator.Step(now);
        Bus.Deliver(now);
        _stepPlant?.Invoke(_periodNs / 1e9);
        Interlocked.Increment(ref _ticks);
    }

    /// <summary>Stops the thread and the adapters and frees the bus.</summary>
    public void Dispose()
    {
        _stop = true;
        _thread?.Join();
        foreach (var adapter in _adapters) adapter.Dispose();
        Bus.Dispose();
    }

    private void Run()
    {
        OnThreadStart?.Invoke();
        long next = _clock.NowNs;
        while (!_stop)
        {
            Tick();
            next += _periodNs;
            long waitNs = next - _clock.NowNs;
            // A high-resolution sleep to the period: whole-millisecond sleeps answered a 500 µs tick's frames up to a
            // millisecond late, after the driver's next read had already counted them missing.
            if (waitNs > 0) _sleep.SleepFor(waitNs);
            else next = _clock.NowNs; // fell behind: do not try to catch up in a burst
        }
    }

    private void RequireNotStarted()
    {
        if (_thread is not null) throw new InvalidOperationException("add twins and nodes before Start(); the host thread owns them afterwards.");
    }
}
