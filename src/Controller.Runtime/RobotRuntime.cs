using Controller.Cerebellum;
using Controller.Cerebellum.Controllers;
using Controller.Cerebellum.Joints;
using Controller.Cerebellum.Loop;
using Controller.Cerebellum.Realtime;
using Controller.Cerebellum.Safety;
using Controller.Hardware.Devices;
using Controller.Hardware.Devices.EtherCat;
using Controller.Hardware.Devices.ForceTorque;
using Controller.Hardware.Devices.Ati;
using Controller.Hardware.Devices.Robotiq;
using Controller.Hardware.Protocols.Ati;
using Controller.Hardware.Simulation.Ati;
using Controller.Hardware.Simulation.Robotiq;
using Controller.Pipeline.Messages;
using Controller.Pipeline.Rings;
using Controller.Pipeline.Time;
using Controller.Robotics.Model;
using Controller.Robotics.Simulation;
using Controller.Robotics.Spatial;
using Controller.Robotics.Urdf;
using Controller.Runtime.Assembly;
using Controller.Runtime.Brain;
using Controller.Runtime.Configuration;
using Controller.Runtime.Recording;
using Controller.Runtime.Simulation;

namespace Controller.Runtime;

/// <summary>
/// The robot, brought up from its configuration: for a simulated robot the plant, the scene and every device twin;
/// then the drivers behind their lifecycle, the cerebellum loop on its own thread, and the pipeline the brain talks
/// to (chunks in, state out). <see cref="Start()"/> takes the buses to Active and starts the loop; <see cref="Stop"/>
/// is the controlled stop: hold, disable, close.
/// </summary>
public sealed class RobotRuntime : IDisposable
{
    private readonly List<IDisposable> _owned = [];
    private readonly List<JointBus> _buses = [];
    private readonly RuntimeOptions _options;
    private readonly SpscRing<ActionChunk> _chunkRing;
    private readonly LatestValue<JointState> _stateMailbox;
    private readonly LatestValue<LoopStatistics> _statisticsMailbox;
    private readonly LatestValue<JointCommand> _commandMailbox;
    private readonly ControllerSlot _slot;
    private readonly ControllerFactory _controllers;
    private readonly Lock _switchLock = new();
    private readonly SafetySupervisor _safety;
    private readonly CycleLoop<CerebellumCycle> _loop;
    private readonly ForceTorqueSensor? _wrist;
    private readonly PlantStepper? _stepper;
    private readonly BrainWorker? _brain;
    private readonly BrainProcessLink? _brainLink;
    private readonly SpscProducer<ActionChunk>? _chunkProducer;
    private readonly RecordingTaps? _recordingTaps;
    private readonly EpisodeRecorder? _recorder;
    private Thread? _loopThread;
    private long _startNs;
    private int _stopped;

    private RobotRuntime(RobotConfig config, RuntimeOptions options)
    {
        Config = config;
        _options = options;
        Model = RobotModel.FromUrdf(UrdfParser.ParseFile(config.UrdfPath));
        JointLimitSet limits = JointLimitsFactory.Build(Model, config);
        try
        {
            if (config.Plant is { } plantConfig)
            {
                Plant = SimulatedPlantFactory.Create(Model, config, plantConfig);
                // A robot without a tool_tip frame (the G1) has no tabletop scene: nothing to grasp, the plant alone.
                Scene = Model.HasFrame("tool_tip") ? new SimulatedScene(Plant, plantConfig) : null;
                _stepper = new PlantStepper(Plant, plantConfig.RateHz, Scene is null ? null : Scene.Update);
                _owned.Add(_stepper);
            }

            foreach (BusConfig bus in config.Buses)
            {
                _buses.Add(BusFactory.Build(bus, Model, Plant, _owned));
            }

            _wrist = BuildWristSensor(config);
            // Out of process, the brain's channels (and its status) live in files under /dev/shm that `brain serve` opens.
            BrainRegionPaths? shared = options.BrainPlacement == BrainPlacement.OutOfProcess && !options.NoBrain && config.Brain is { Planner: not null, Policy: not null }
                ? new BrainRegionPaths(options.BrainAttachName) : null;
            _chunkRing = shared is null ? SpscRing<ActionChunk>.Create(64) : SpscRing<ActionChunk>.CreateShared(shared.Chunks, 64);
            _stateMailbox = shared is null ? LatestValue<JointState>.Create() : LatestValue<JointState>.CreateShared(shared.State);
            _statisticsMailbox = LatestValue<LoopStatistics>.Create();
            _commandMailbox = shared is null ? LatestValue<JointCommand>.Create() : LatestValue<JointCommand>.CreateShared(shared.Command);
            _owned.Add(_commandMailbox);
            _owned.Add(_chunkRing);
            _owned.Add(_stateMailbox);
            _owned.Add(_statisticsMailbox);
            _chunkProducer = shared is null ? _chunkRing.TakeProducer() : null;
            // The spline fit runs on the follower's own worker, not the loop thread; its thread stops with the runtime.
            Follower = new OffLoopChunkFollowingController(limits);
            _owned.Add(Follower);
            _slot = new ControllerSlot();
            options.Recording?.Validate();
            _recordingTaps = options.Recording is null ? null : new RecordingTaps();
            if (_recordingTaps is not null)
            {
                _owned.Add(_recordingTaps);
            }

            // The brain watchdog guards only a controller that takes chunks (CerebellumCycle): hand guiding or holding waits on no brain.
            _safety = new SafetySupervisor(limits, SimulatedPlantFactory.SafetyOptionsFor(config), _recordingTaps?.Events);
            var cycle = new CerebellumCycle(_buses, _slot, _safety, _chunkRing.TakeConsumer(), _stateMailbox.TakeWriter(), _wrist, _commandMailbox.TakeWriter(),
                EmergencyStopFactory.Build(config.Safety.EmergencyStop, _owned, out SimulatedEmergencyStop? simulatedStop));
            SimulatedEmergencyStop = simulatedStop;
            _controllers = new ControllerFactory(Model, limits, _buses, cycle, config, Follower);
            _slot.Prepare(_controllers.Build(config.Controllers.Default));
            ActiveControllerKind = config.Controllers.Default;
            if (shared is not null)
            {
                _brainLink = BuildBrainLink(shared, config, options);
            }
            else if (!options.NoBrain && config.Brain is { Planner: { } planner, Policy: { } policy } brain)
            {
                string instruction = options.Task ?? brain.Task ?? "";
                _brain = new BrainWorker(Model, config.Resolve(planner), config.Resolve(policy), _chunkProducer!, _stateMailbox, _commandMailbox, Scene, instruction, limits,
                    options.Brain with { ModelManifest = options.Model ?? options.Brain.ModelManifest, Cameras = config.Cameras });
                _owned.Add(_brain);
            }

            if (_recordingTaps is not null)
            {
                cycle.PublishForRecording(_recordingTaps.WrenchWriter, _recordingTaps.ChunkProducer);
                _brain?.RecordModelCalls(_recordingTaps.ModelCalls);
                _recorder = BuildRecorder(options.Recording!, _recordingTaps);
                _owned.Add(_recorder);
            }

            (IPacer pacer, Pacing, DcPacing) = LoopPacerFactory.Build(config, _buses);
            _loop = new CycleLoop<CerebellumCycle>(cycle, pacer, new LoopOptions(config.Loop.RateHz), _statisticsMailbox.TakeWriter());
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The configuration it was built from.</summary>
    public RobotConfig Config { get; }

    /// <summary>The robot model from the URDF.</summary>
    public RobotModel Model { get; }

    /// <summary>The plant, for a simulated robot.</summary>
    public RigidBodyPlant? Plant { get; }

    /// <summary>The tabletop scene, for a simulated robot.</summary>
    public SimulatedScene? Scene { get; }

    /// <summary>Where the brain writes action chunks (one producer).</summary>
    /// <exception cref="InvalidOperationException">The brain runs out of process: its process holds the producer end.</exception>
    public SpscProducer<ActionChunk> ChunkProducer => _chunkProducer
        ?? throw new InvalidOperationException("the brain runs out of process (BrainPlacement.OutOfProcess): the brain process holds the chunk ring's producer end");

    /// <summary>The link to the out-of-process brain (losses, attaches), or null when the brain runs in process.</summary>
    public BrainProcessLink? BrainLink => _brainLink;

    /// <summary>The latest measured joint state, for the brain and telemetry.</summary>
    public LatestValue<JointState> StateMailbox => _stateMailbox;

    /// <summary>The loop's trajectory follower (chunk rejections are counted there).</summary>
    public OffLoopChunkFollowingController Follower { get; }

    /// <summary>The controller the loop runs (or will run from its next cycle, after <see cref="SwitchController"/>).</summary>
    public ControllerKind ActiveControllerKind { get; private set; }

    /// <summary>Where the loop runs its controller: <see cref="ControllerSlot.Active"/>, <see cref="ControllerSlot.Switches"/>.</summary>
    public ControllerSlot ControllerSlot => _slot;

    /// <summary>
    /// Switches the loop to a controller of <paramref name="kind"/> (<c>controllers:</c> gives its settings): built here,
    /// off the loop thread, and committed by the loop at its next cycle boundary with one exchange, activated from that
    /// cycle's measured state (bumpless; the safety supervisor keeps the command continuous). Returns the controller.
    /// Any thread; switches are serialised.
    /// </summary>
    /// <exception cref="InvalidOperationException">The robot cannot run <paramref name="kind"/> (no torque actuators, no wrist sensor); nothing changes.</exception>
    public ICycleController SwitchController(ControllerKind kind)
    {
        lock (_switchLock)
        {
            ICycleController next = _controllers.Build(kind);
            Retire(_slot.Prepare(next));
            Retire(_slot.TakeRetired());
            ActiveControllerKind = kind;
            return next;
        }
    }

    /// <summary>Disposes a controller the loop no longer runs (the follower lives as long as the runtime).</summary>
    private void Retire(ICycleController? controller)
    {
        if (controller is IDisposable disposable && !ReferenceEquals(controller, Follower))
        {
            disposable.Dispose();
        }
    }

    /// <summary>The safety supervisor.</summary>
    public SafetySupervisor Safety => _safety;

    /// <summary>What the kernel granted the loop thread (null before start or when not asked).</summary>
    public RealtimeSetupReport? RealtimeReport { get; private set; }

    /// <summary>The joint buses.</summary>
    public IReadOnlyList<JointBus> Buses => _buses;

    /// <summary>What paces the loop (<c>loop.pacing</c>), in one line for the start-up report.</summary>
    public string Pacing { get; } = "";

    /// <summary>With <c>loop.pacing: dc</c>: the phase lock the loop's deadlines follow (its phase error, shift, observations).</summary>
    public DcLoopPacing? DcPacing { get; }

    /// <summary>With <c>safety.estop: { type: sim }</c>: the e-stop button tests and tools press (null otherwise).</summary>
    public SimulatedEmergencyStop? SimulatedEmergencyStop { get; }

    /// <summary>Builds everything a configuration describes; nothing moves until <see cref="Start()"/>.</summary>
    /// <exception cref="ConfigException">The configuration cannot be built (a limit outside the URDF's).</exception>
    public static RobotRuntime Build(RobotConfig config, RuntimeOptions? options = null) => new(config, options ?? new RuntimeOptions());

    /// <summary>Configures and activates every bus, starts the physics (simulated robots) and the loop thread.</summary>
    public void Start() => Start(loopThread: true);

    /// <summary>
    /// Runs <paramref name="cycles"/> loop cycles on the calling thread, after <see cref="Start(bool)"/> with
    /// <c>loopThread: false</c>: lets a test count the loop's allocations with the real devices attached.
    /// </summary>
    internal void RunCyclesOnCallingThread(long cycles) => _loop.RunCycles(cycles);

    /// <summary>As <see cref="Start()"/>; without a loop thread when <paramref name="loopThread"/> is false (tests).</summary>
    internal void Start(bool loopThread)
    {
        _wrist?.Open();
        var warmUp = new JointState { JointCount = Model.DofCount };
        foreach (JointBus bus in _buses)
        {
            bus.Configure();

            // Read a few times while only reading is allowed: the first cyclic exchange JIT-compiles the driver's
            // read path, and a cold first cycle can outlast the reply timeout several times over.
            for (int i = 0; i < 20; i++)
            {
                bus.Read(ref warmUp);
            }

            if (bus.State == DeviceState.Faulted)
            {
                bus.Recover(); // cold-start misses are not a lost device; Activate checks the devices again
            }
        }

        var writers = _buses.Select(b => b.Activate()).ToArray();
        _loop.Body.UseWriters(writers);
        _stepper?.Start();
        _startNs = MonotonicClock.Now();
        _loop.Body.NoteBrainAlive(_startNs);
        if (loopThread)
        {
            _loopThread = new Thread(RunLoop) { IsBackground = true, Name = "cerebellum", Priority = ThreadPriority.Highest };
            _loopThread.Start();
        }

        _recorder?.Start();
        _brain?.Start();
        _brainLink?.Start();
    }

    /// <summary>The recorder, when <see cref="RuntimeOptions.Recording"/> asked for one (closed by <see cref="Stop"/>).</summary>
    public EpisodeRecorder? Recorder => _recorder;

    private EpisodeRecorder BuildRecorder(RecordingOptions recording, RecordingTaps taps)
    {
        string[] joints = Model.Joints.Select(j => j.Name).ToArray();
        RecorderSources sources = taps.Sources(_stateMailbox, _commandMailbox, _statisticsMailbox,
            () => _brain is { } b ? (b.Instruction, b.Skill) : _brainLink?.Brain is { } p ? (p.Instruction, p.Skill) : null,
            () => _buses.Select(b => (b.Name, b.State.ToString(), b.Faults)).ToArray());
        return new EpisodeRecorder(recording, sources,
            start => RuntimeRecording.Header(Config, joints, _brain is not null || _brainLink is not null, _brain?.Instruction ?? _brainLink?.Instruction ?? _options.Task ?? "", recording.StateRateHz, start) with { Mode = recording.Mode });
    }

    /// <summary>The brain, when the configuration names its models.</summary>
    public BrainWorker? Brain => _brain;

    /// <summary>
    /// True once the brain's task is over, done or failed: in process from the worker, out of process from the status
    /// the brain process last published. <c>robotctl run</c> without <c>--duration</c> stops then.
    /// </summary>
    public bool BrainTaskOver => _brain is { } b ? b.Done || b.Failure is not null : _brainLink?.Brain is { } p && (p.Done || p.Failure is not null);

    /// <summary>For a simulated robot: whether the cube the instruction names (by colour) lies inside the bin (in or out of process).</summary>
    public bool TaskSucceeded()
    {
        string? followed = _brain?.Instruction ?? _brainLink?.Instruction;
        if (Scene is null || followed is null)
        {
            return false;
        }

        string instruction = followed.ToLowerInvariant();
        return Scene.Objects.Where(o => o.Movable && instruction.Contains(o.Name.Split('_')[0], StringComparison.Ordinal))
            .Any(o => Scene.IsInside(o.Name, "bin_wall"));
    }

    /// <summary>
    /// The controlled stop: the brain is expected to have stopped; the follower, starved, holds its last point for
    /// <see cref="RuntimeOptions.HoldBeforeDisable"/>; then the loop stops, the drives are disabled and everything is
    /// closed. Safe to call more than once.
    /// </summary>
    public void Stop()
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
        {
            return;
        }

        // The brain stops first: without chunks the follower holds its last point while the drives are still on.
        _brain?.Dispose();
        _owned.Remove(_brain!);
        if (_loopThread is not null)
        {
            Thread.Sleep(_options.HoldBeforeDisable);
            _loop.RequestStop();
            _loopThread.Join();
        }

        foreach (JointBus bus in _buses)
        {
            bus.Stop();
        }

        _wrist?.Close();
        Dispose();
    }

    /// <summary>
    /// Undoes the loop's mlockall when this runtime took it: the lock is process-wide and outlives the thread, so a
    /// process that goes on after the robot (a test runner, a tool embedding the runtime) must not keep every future
    /// mapping locked.
    /// </summary>
    private void ReleaseMemoryLock()
    {
        if (RealtimeReport?.Items.Any(i => i.Name == RealtimeThreadSetup.MemoryLockName && i.Granted) == true)
        {
            RealtimeThreadSetup.UnlockMemory();
            RealtimeReport = null;
        }
    }

    /// <summary>A snapshot for the live view (any thread).</summary>
    public RuntimeStatus Status()
    {
        _statisticsMailbox.TryRead(out LoopStatistics stats);
        _stateMailbox.TryRead(out JointState state);
        // The command is read while the loop may be writing it: for display only (each double is read whole).
        JointCommand command = _loop.Body.LastCommand;
        double elapsed = _startNs == 0 ? 0 : (MonotonicClock.Now() - _startNs) * 1e-9;
        var joints = Model.Joints.Select((j, i) => (j.Name, state.Position[i], command.Position[i], state.Effort[i])).ToArray();
        double[]? wrench = null;
        if (_loop.Body.HasWrench)
        {
            Wrench w = _loop.Body.Wrench;
            wrench = [w.ForceXN, w.ForceYN, w.ForceZN, w.TorqueXNm, w.TorqueYNm, w.TorqueZNm];
        }

        return new RuntimeStatus(
            elapsed,
            stats.Cycles,
            elapsed > 0 ? stats.Cycles / elapsed : 0,
            stats.LatenessP50Ns / 1e3,
            stats.LatenessP99Ns / 1e3,
            stats.LatenessMaxNs / 1e3,
            stats.ComputeP99Ns / 1e3,
            stats.Overruns,
            _safety.State,
            _safety.BrainSilent,
            _buses.Select(b => (b.Name, b.State, b.Faults)).ToArray(),
            joints,
            wrench,
            _loop.Body.ChunksReceived,
            Plant?.Steps ?? 0,
            _brain?.Skill ?? _brainLink?.Brain?.Skill,
            _brain?.Failure ?? _brainLink?.Brain?.Failure,
            TaskSucceeded())
        {
            BrainPlacement = _brain is not null ? BrainPlacement.InProcess : _brainLink is not null ? BrainPlacement.OutOfProcess : null,
            BrainProcessLosses = _brainLink?.Losses ?? 0,
            BrainProcessAttaches = _brainLink?.Attaches ?? 0,
            PlannerHz = _brain is { } b ? (elapsed > 0 ? b.Counts.PlannerRuns / elapsed : 0) : _brainLink?.Brain?.PlannerHz ?? 0,
            PolicyHz = _brain is { } worker ? (elapsed > 0 ? worker.Counts.PolicyCalls / elapsed : 0) : _brainLink?.Brain?.PolicyHz ?? 0,
        };
    }

    /// <summary>Stops threads and twins and releases shared memory (without the controlled stop: use <see cref="Stop"/>).</summary>
    public void Dispose()
    {
        _loop?.RequestStop();
        _loopThread?.Join();
        ReleaseMemoryLock();
        for (int i = _owned.Count - 1; i >= 0; i--)
        {
            _owned[i].Dispose();
        }

        _owned.Clear();
    }

    private void RunLoop()
    {
        if (_options.RealtimeSetup)
        {
            RealtimeReport = RealtimeThreadSetup.Apply(new RealtimeRequest(Config.Loop.Priority, Config.Loop.Cpu, lockMemory: true));
        }

        _loop.Run();
    }

    private BrainProcessLink BuildBrainLink(BrainRegionPaths shared, RobotConfig config, RuntimeOptions options)
    {
        var status = LatestValue<SharedBrainStatus>.CreateShared(shared.Status);
        _owned.Add(status);
        // Created last, and published into at once: a brain process that can read it finds the other files complete.
        var scene = LatestValue<SharedBrainScene>.CreateShared(shared.Scene);
        _owned.Add(scene);
        LatestValueWriter<SharedBrainScene> writer = scene.TakeWriter();
        _owned.Add(writer);
        // A dead process is seen at once (its pid); a stale heartbeat means a hung brain thread, and one planner step
        // on a loaded machine can outlast the brain watchdog's timeout, so staleness waits longer (the robot holds anyway).
        long timeoutNs = Math.Max(1_000_000_000, (long)(config.Safety.BrainTimeoutMs * 5e6));
        var link = new BrainProcessLink(_chunkRing, writer, Scene, options.Task ?? config.Brain?.Task ?? "", timeoutNs, TimeSpan.FromMilliseconds(20), status);
        _owned.Add(link);
        return link;
    }

    private ForceTorqueSensor? BuildWristSensor(RobotConfig config)
    {
        SensorConfig? sensor = config.Sensors.FirstOrDefault();
        if (sensor is null)
        {
            return null;
        }

        bool simulated = sensor.Port == "sim";
        if (simulated && Plant is null)
        {
            throw new InvalidOperationException($"sensor '{sensor.Name}' has port 'sim' but the configuration has no plant");
        }

        IForceTorqueDriver driver;
        if (sensor.Type == "netft")
        {
            // port: the sensor's host (or host:port); "sim" starts the Net F/T twin on UDP loopback.
            string host = sensor.Port;
            int udpPort = Rdt.Port;
            if (simulated)
            {
                var twin = NetFtTwin.StartNew(Plant!, new NetFtTwinOptions { Sensor = 0, Port = 0 });
                _owned.Add(twin);
                (host, udpPort) = ("127.0.0.1", twin.Port);
            }
            else if (host.Split(':') is [var h, var p] && int.TryParse(p, out int parsed))
            {
                (host, udpPort) = (h, parsed);
            }

            driver = new NetFtDriver(new NetFtOptions { Name = sensor.Name, Host = host, Port = udpPort });
        }
        else
        {
            string port = sensor.Port;
            if (simulated)
            {
                var twin = Ft300Twin.StartOnNewPseudoTerminal(Plant!, new Ft300TwinOptions { Sensor = 0 });
                _owned.Add(twin);
                port = twin.PortPath;
            }

            driver = new Ft300Driver(new Ft300Options { Name = sensor.Name, PortName = port });
        }

        return new ForceTorqueSensor(driver, new ForceTorqueSensorOptions { SensorIndex = 0 });
    }
}
