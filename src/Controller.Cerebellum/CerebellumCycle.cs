using Controller.Cerebellum.Controllers;
using Controller.Cerebellum.Loop;
using Controller.Cerebellum.Safety;
using Controller.Hardware.Devices;
using Controller.Hardware.Devices.DigitalIo;
using Controller.Hardware.Devices.ForceTorque;
using Controller.Pipeline.Messages;
using Controller.Pipeline.Rings;

namespace Controller.Cerebellum;

/// <summary>
/// One cerebellum cycle, composed: read every bus into one joint state (published latest-wins for the brain),
/// take the brain's arriving action chunks, run the active controller, pass its command through the safety
/// supervisor, and write it through each bus's write handle. Nothing here allocates, locks or throws per cycle.
/// Until the brain's first chunk arrives (or with no chunk source at all) the supervisor's brain watchdog
/// sees the brain as silent and holds the robot: nothing moves before the brain has spoken.
/// </summary>
public sealed class CerebellumCycle : ICycleBody, IWrenchSource
{
    private readonly JointBus[] _buses;
    private readonly ControllerSlot _controllers;
    private readonly SafetySupervisor _safety;
    private readonly SpscConsumer<ActionChunk>? _chunks;
    private readonly LatestValueWriter<JointState>? _statePublisher;
    private readonly ForceTorqueSensor? _wristSensor;
    private readonly LatestValueWriter<JointCommand>? _commandPublisher;
    private readonly EmergencyStopLine? _emergencyStopLine;
    private volatile bool _emergencyStopInput;
    private readonly int _jointCount;
    private JointBusWriter[] _writers = [];
    private JointState _state;
    private JointCommand _command;
    private SafetyInputs _inputs;
    private long _chunksReceived;
    private LatestValueWriter<Wrench>? _wrenchPublisher;
    private SpscProducer<ChunkSummary>? _chunkSummaries;

    /// <summary>Composes a cycle.</summary>
    /// <param name="buses">Every joint bus, in the order of their joint offsets.</param>
    /// <param name="controllers">Where the active controller runs.</param>
    /// <param name="safety">The supervisor every command passes before it is written.</param>
    /// <param name="chunks">The brain's action chunks, or null.</param>
    /// <param name="statePublisher">Where the measured state is published each cycle, or null.</param>
    /// <param name="wristSensor">The wrist force/torque sensor read each cycle for collision detection, or null.</param>
    /// <param name="commandPublisher">Where the written command is published each cycle (telemetry, the brain's plan state), or null.</param>
    /// <param name="emergencyStopLine">The e-stop input line, read every cycle before the supervisor runs (open → emergency stop in that cycle), or null.</param>
    /// <exception cref="ArgumentException">When the buses overlap or leave gaps in the joint order.</exception>
    public CerebellumCycle(IReadOnlyList<JointBus> buses, ControllerSlot controllers, SafetySupervisor safety,
        SpscConsumer<ActionChunk>? chunks = null, LatestValueWriter<JointState>? statePublisher = null, ForceTorqueSensor? wristSensor = null,
        LatestValueWriter<JointCommand>? commandPublisher = null, EmergencyStopLine? emergencyStopLine = null)
    {
        _buses = buses.OrderBy(b => b.Offset).ToArray();
        int next = 0;
        foreach (var bus in _buses)
        {
            if (bus.Offset != next)
                throw new ArgumentException($"bus '{bus.Name}' starts at joint {bus.Offset}, but the joints before it end at {next}: buses must tile the joint order.", nameof(buses));
            next += bus.JointCount;
        }
        _jointCount = next;
        _controllers = controllers ?? throw new ArgumentNullException(nameof(controllers));
        _safety = safety ?? throw new ArgumentNullException(nameof(safety));
        _chunks = chunks;
        _statePublisher = statePublisher;
        _wristSensor = wristSensor;
        _commandPublisher = commandPublisher;
        _emergencyStopLine = emergencyStopLine;
        _state.JointCount = _jointCount;
    }

    /// <summary>The state read this cycle.</summary>
    public ref readonly JointState State => ref _state;

    /// <summary>Action chunks taken from the ring so far (any thread may read it).</summary>
    public long ChunksReceived => Volatile.Read(ref _chunksReceived);

    /// <summary>The time of the latest chunk or brain message, as the safety watchdog sees it.</summary>
    public void NoteBrainAlive(long nowNs) => _inputs.LastBrainMessageNs = nowNs;

    /// <summary>The command written this cycle (after the safety supervisor).</summary>
    public ref readonly JointCommand LastCommand => ref _command;

    /// <summary>The wrist wrench of this cycle (meaningful when <see cref="HasWrench"/>).</summary>
    public ref readonly Wrench Wrench => ref _inputs.Wrench;

    /// <summary>True when the wrist sensor delivered this cycle.</summary>
    public bool HasWrench => _inputs.HasWrench;

    /// <summary>
    /// Loop thread: this cycle's wrist wrench for the controllers (sensor frame, bias removed, tool weight not removed:
    /// the cycle does not know the orientation; a <see cref="Controllers.Admittance.CartesianAdmittanceController"/>
    /// removes it from its own kinematics).
    /// </summary>
    public bool TryGetWrench(out Wrench wrench)
    {
        wrench = _inputs.Wrench;
        return _inputs.HasWrench;
    }

    /// <summary>
    /// Hands the cycle the write handles of the Active buses (off the loop thread; the array is swapped whole).
    /// Buses without a handle are read but not written.
    /// </summary>
    public void UseWriters(IEnumerable<JointBusWriter> writers) => Volatile.Write(ref _writers, writers.ToArray());

    /// <summary>
    /// Asserts (true) or releases a stop input set from outside the cycle (another I/O device, a test); any thread. It is
    /// or-ed with the e-stop line: either one open stops.
    /// </summary>
    public void SetEmergencyStopInput(bool open) => _emergencyStopInput = open;

    /// <summary>
    /// Also publishes each cycle's wrench (when the sensor delivered) and a summary of each chunk taken, for a recorder
    /// off the loop thread. Call before the loop starts; either may be null. A full summary ring drops the summary.
    /// </summary>
    public void PublishForRecording(LatestValueWriter<Wrench>? wrench, SpscProducer<ChunkSummary>? chunkSummaries)
    {
        _wrenchPublisher = wrench;
        _chunkSummaries = chunkSummaries;
    }


    /// <inheritdoc />
    public void Read(in CycleTime time)
    {
        ulong fresh = 0;
        foreach (var bus in _buses)
        {
            if (bus.Read(ref _state) == BusStatus.Ok)
                fresh |= (bus.JointCount == 64 ? ulong.MaxValue : ((1UL << bus.JointCount) - 1)) << bus.Offset;
        }
        _state.Header = new MessageHeader(time.Cycle, time.NowNs);
        _state.JointCount = _jointCount;
        _state.FreshMask = fresh;
        _statePublisher?.Write(_state);
        // Read before the controllers and the supervisor, so an opened line holds the robot in this very cycle.
        _inputs.EStopInputOpen = _emergencyStopInput | (_emergencyStopLine?.ReadOpen() ?? false);
        if (_wristSensor is not null)
        {
            // A sensor slower than the loop (FT300: 100 Hz) repeats its last sample flagged Stale; only a timeout or a
            // lost sensor takes the wrench away from the collision check.
            _inputs.HasWrench = _wristSensor.Read(ref _inputs.Wrench) == BusStatus.Ok;
            if (_inputs.HasWrench) _wrenchPublisher?.Write(_inputs.Wrench);
        }

        if (_chunks == null) return;
        while (_chunks.TryBeginRead(out var claim))
        {
            int rejection = -1;
            if (_controllers.Active is IChunkConsumer consumer) rejection = (int)consumer.Accept(claim.Message, time.NowNs);
            if (_chunkSummaries is not null) Summarise(in claim.Message, rejection, time.NowNs);
            _inputs.LastBrainMessageNs = time.NowNs;
            Volatile.Write(ref _chunksReceived, _chunksReceived + 1);
            claim.Release();
        }
    }

    private void Summarise(in ActionChunk chunk, int rejection, long nowNs)
    {
        if (!_chunkSummaries!.TryClaim(out var slot)) return;
        ref ChunkSummary summary = ref slot.Message;
        summary.Header = new MessageHeader(chunk.Header.Sequence, nowNs);
        summary.Steps = chunk.Steps;
        summary.Dimension = chunk.Dimension;
        summary.Kind = chunk.Kind;
        summary.ModelIndex = chunk.ModelIndex;
        summary.StepPeriodNs = chunk.StepPeriodNs;
        summary.Rejection = rejection;
        int n = Math.Clamp(chunk.Dimension, 0, MessageLimits.MaxJoints);
        for (int i = 0; i < n; i++) summary.FirstAction[i] = chunk.Values[i];
        slot.Publish();
    }

    /// <inheritdoc />
    public void Update(in CycleTime time)
    {
        // The brain watchdog guards only a controller that consumes the brain's chunks: holding, PD or hand guiding
        // need no brain, and a switch back to the follower starts its silence from that cycle.
        if (_controllers.Active is not IChunkConsumer) _inputs.LastBrainMessageNs = time.NowNs;
        _controllers.Update(time, _state, ref _command);
        _safety.Apply(time, _state, ref _command, _inputs);
    }

    /// <inheritdoc />
    public void Write(in CycleTime time)
    {
        var writers = Volatile.Read(ref _writers);
        for (int i = 0; i < writers.Length; i++) writers[i].Write(_command);
        _commandPublisher?.Write(_command);
    }
}
