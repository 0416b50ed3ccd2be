using Controller.Cerebellum.Controllers;
using Controller.Cerebellum.Joints;
using Controller.Cerebellum.Loop;
using Controller.Cerebellum.Safety;
using Controller.Hardware.Devices;
using Controller.Pipeline.Messages;
using Controller.Pipeline.Rings;
using Controller.Pipeline.Time;

namespace Controller.Cerebellum.Tests;

/// <summary><see cref="CerebellumCycle.PublishForRecording"/>: what the loop hands a recorder, and that it costs no allocation.</summary>
public sealed class CerebellumCycleRecordingTests : IDisposable
{
    private const int Joints = 4;
    private readonly ManualClock _clock = new(1_000_000_000);
    private readonly SimulatedJointsDriver _arm = new("arm", Joints);
    private readonly SpscRing<ActionChunk> _chunkRing = SpscRing<ActionChunk>.Create(8);
    private readonly SpscRing<ChunkSummary> _summaryRing = SpscRing<ChunkSummary>.Create(4);
    private readonly SpscProducer<ActionChunk> _brain;
    private readonly SpscConsumer<ChunkSummary> _summaries;
    private readonly CycleLoop<CerebellumCycle> _loop;

    public CerebellumCycleRecordingTests()
    {
        _brain = _chunkRing.TakeProducer();
        _summaries = _summaryRing.TakeConsumer();
        var limits = new JointLimitSet(Enumerable.Range(0, Joints).Select(j => new JointLimits($"j{j}", -2, 2, 2, 10, 200, 50, -1.8, 1.8)));
        var bus = new JointBus(_arm, 0);
        var cycle = new CerebellumCycle([bus], new ControllerSlot(new ChunkFollowingController(limits)), new SafetySupervisor(limits, new SafetyOptions()), _chunkRing.TakeConsumer());
        cycle.PublishForRecording(null, _summaryRing.TakeProducer());
        bus.Configure();
        cycle.UseWriters([bus.Activate()]);
        _loop = new CycleLoop<CerebellumCycle>(cycle, new ManualPacer(_clock), new LoopOptions(1000));
    }

    public void Dispose()
    {
        _chunkRing.Dispose();
        _summaryRing.Dispose();
    }

    [Fact]
    public void Read_ChunkTaken_SummaryCarriesShapeVerdictAndFirstRow()
    {
        _loop.RunCycles(1); // the slot activates its controller in the first Update; a chunk read before that has no taker (-1)
        SendChunk(sequence: 7, first: 0.25f);
        _loop.RunCycles(1);

        Assert.True(_summaries.TryRead(out ChunkSummary summary));
        Assert.Equal(7, summary.Header.Sequence);
        Assert.Equal(10, summary.Steps);
        Assert.Equal(Joints, summary.Dimension);
        Assert.Equal(0, summary.Rejection);
        Assert.Equal(0.25, summary.FirstAction[0], 6);
        Assert.Equal(0.25, summary.FirstAction[Joints - 1], 6);
        Assert.False(_summaries.TryRead(out _));
    }

    [Fact]
    public void Read_SummaryRingFullAndUndrained_LoopGoesOnWithoutAllocating()
    {
        for (int k = 0; k < 100; k++)
        {
            SendChunk(sequence: k, first: 0.1f);
            _loop.RunCycles(1);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int k = 0; k < 10_000; k++)
        {
            if (k % 33 == 0) SendChunk(sequence: k, first: 0.2f);
            _loop.RunCycles(1);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(4, _summaries.Available()); // the first four; the rest were dropped, not waited for
    }

    private void SendChunk(long sequence, float first)
    {
        Assert.True(_brain.TryClaim(out var claim));
        ref var chunk = ref claim.Message;
        chunk.Header = new MessageHeader(sequence, _clock.NowNs);
        chunk.SetShape(10, Joints);
        chunk.Kind = ActionKind.AbsoluteJointPosition;
        chunk.StepPeriodNs = 33_000_000;
        chunk.StartTimeNs = _clock.NowNs;
        for (int s = 0; s < 10; s++)
        {
            var row = chunk.Row(s);
            for (int j = 0; j < Joints; j++) row[j] = first;
        }

        claim.Publish();
    }
}
