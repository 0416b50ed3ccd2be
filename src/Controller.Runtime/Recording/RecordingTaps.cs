using Controller.Pipeline.Messages;
using Controller.Pipeline.Rings;

namespace Controller.Runtime.Recording;

/// <summary>
/// The pipeline pieces a recording adds to the runtime, with their endpoints: the safety event ring (the supervisor
/// writes, the recorder drains), the chunk-summary ring and the wrench mailbox (the loop writes, the recorder reads).
/// </summary>
internal sealed class RecordingTaps : IDisposable
{
    private readonly MpscRing<SafetyEvent> _events = MpscRing<SafetyEvent>.Create(256);
    private readonly SpscRing<ChunkSummary> _chunks = SpscRing<ChunkSummary>.Create(64);
    private readonly LatestValue<Wrench> _wrench = LatestValue<Wrench>.Create();
    private readonly MpscConsumer<SafetyEvent> _eventConsumer;
    private readonly SpscProducer<ChunkSummary> _chunkProducer;
    private readonly SpscConsumer<ChunkSummary> _chunkConsumer;
    private readonly LatestValueWriter<Wrench> _wrenchWriter;
    private readonly ModelCallTap _modelCalls = new();

    public RecordingTaps()
    {
        _eventConsumer = _events.TakeConsumer();
        _chunkProducer = _chunks.TakeProducer();
        _chunkConsumer = _chunks.TakeConsumer();
        _wrenchWriter = _wrench.TakeWriter();
    }

    /// <summary>The ring the safety supervisor writes its events to.</summary>
    public MpscRing<SafetyEvent> Events => _events;

    /// <summary>Where the loop puts chunk summaries.</summary>
    public SpscProducer<ChunkSummary> ChunkProducer => _chunkProducer;

    /// <summary>Where the loop publishes the wrench.</summary>
    public LatestValueWriter<Wrench> WrenchWriter => _wrenchWriter;

    /// <summary>Where the in-process brain hands its model calls.</summary>
    public ModelCallTap ModelCalls => _modelCalls;

    /// <summary>The recorder's sources: these taps plus the runtime's own mailboxes and probes.</summary>
    public RecorderSources Sources(LatestValue<JointState> state, LatestValue<JointCommand> command, LatestValue<LoopStatistics> loop,
        Func<(string Task, string Skill)?> brain, Func<IReadOnlyList<(string Name, string State, long Faults)>> buses) => new()
        {
            State = state,
            Command = command,
            Loop = loop,
            Wrench = _wrench,
            SafetyEvents = _eventConsumer,
            Chunks = _chunkConsumer,
            ModelCalls = _modelCalls,
            Brain = brain,
            Buses = buses,
        };

    public void Dispose()
    {
        _eventConsumer.Dispose();
        _chunkProducer.Dispose();
        _chunkConsumer.Dispose();
        _wrenchWriter.Dispose();
        _events.Dispose();
        _chunks.Dispose();
        _wrench.Dispose();
    }
}
