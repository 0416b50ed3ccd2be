using BenchmarkDotNet.Attributes;
using Controller.Cerebellum.Controllers;
using Controller.Cerebellum.Joints;
using Controller.Cerebellum.Loop;
using Controller.Cerebellum.Safety;
using Controller.Pipeline.Messages;

namespace Controller.Benchmarks;

/// <summary>
/// The cerebellum's compute per cycle without I/O: the action-chunk follower (through the controller slot) and
/// the safety supervisor for a 29-joint humanoid (Unitree G1's count), plus the cost of accepting a new chunk
/// (the spline fit, on the loop thread today). Issue #3's budget is 20 µs per cycle including gravity
/// compensation, which arrives with the robot model (#4).
/// </summary>
[MemoryDiagnoser]
public class CerebellumStepBenchmarks
{
    private const int Steps = 1000;
    private const long PeriodNs = 1_000_000;

    [Params(6, 29)]
    public int Joints;

    private ControllerSlot _slot = null!;
    private ChunkFollowingController _follower = null!;
    private SafetySupervisor _safety = null!;
    private JointState _measured;
    private JointCommand _command;
    private SafetyInputs _inputs;
    private ActionChunk _chunk;
    private long _cycle;

    [GlobalSetup]
    public void Setup()
    {
        var limits = new JointLimitSet(Enumerable.Range(0, Joints).Select(j => new JointLimits($"j{j}", -3, 3, 3, 20, 400, 100, -2.9, 2.9)));
        _follower = new ChunkFollowingController(limits);
        _slot = new ControllerSlot(_follower);
        _safety = new SafetySupervisor(limits, new SafetyOptions());
        _measured = new JointState { JointCount = Joints, FreshMask = Joints == 64 ? ulong.MaxValue : (1UL << Joints) - 1 };
        _chunk.SetShape(50, Joints);
        _chunk.Kind = ActionKind.AbsoluteJointPosition;
        _chunk.StepPeriodNs = 20 * PeriodNs;
        for (int s = 0; s < 50; s++)
        {
            var row = _chunk.Row(s);
            for (int j = 0; j < Joints; j++) row[j] = (float)(0.5 * Math.Sin(0.1 * s + j));
        }
        Step();
        AcceptChunk();
    }

    /// <summary>One cycle: controller slot (chunk follower) then the safety supervisor.</summary>
    [Benchmark(OperationsPerInvoke = Steps)]
    public void FollowerAndSafety_PerCycle()
    {
        for (int i = 0; i < Steps; i++) Step();
    }

    /// <summary>Accepting a 50-row chunk: the spline fit for every joint.</summary>
    [Benchmark]
    public void AcceptChunk()
    {
        _chunk.StartTimeNs = Now();
        _chunk.Header = new MessageHeader(_cycle, Now());
        _follower.Accept(_chunk, Now());
        _inputs.LastBrainMessageNs = Now();
    }

    private void Step()
    {
        var time = new CycleTime(_cycle, Now(), Now(), PeriodNs, PeriodNs);
        _slot.Update(time, _measured, ref _command);
        _safety.Apply(time, _measured, ref _command, _inputs);
        for (int j = 0; j < Joints; j++) _measured.Position[j] = _command.Position[j];
        _cycle++;
        // Keep the brain fresh and the chunk flowing, as a 50 Hz policy would.
        if (_cycle % 20 == 0) AcceptChunk();
    }

    private long Now() => 1_000_000_000 + _cycle * PeriodNs;
}
