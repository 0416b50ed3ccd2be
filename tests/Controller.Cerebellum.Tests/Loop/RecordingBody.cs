using Controller.Cerebellum.Loop;
using Controller.Pipeline.Time;

namespace Controller.Cerebellum.Tests.Loop;

/// <summary>A cycle body that records what it was given and can spend simulated compute time.</summary>
internal sealed class RecordingBody(ManualClock clock, Func<long, long>? computeNsForCycle = null) : ICycleBody
{
    public List<(string Phase, CycleTime Time)> Calls { get; } = [];

    public void Read(in CycleTime time) => Calls.Add(("read", time));

    public void Update(in CycleTime time)
    {
        Calls.Add(("update", time));
        long compute = computeNsForCycle?.Invoke(time.Cycle) ?? 0;
        if (compute > 0) clock.Advance(compute);
    }

    public void Write(in CycleTime time) => Calls.Add(("write", time));
}
