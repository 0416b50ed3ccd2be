using Controller.Cerebellum.Controllers;
using Controller.Cerebellum.Controllers.Trajectory;
using Controller.Cerebellum.Loop;
using Controller.Pipeline.Messages;

namespace Controller.Cerebellum.Tests.Controllers.Trajectory;

/// <summary>The follower whose spline fit runs on a worker: same reference as the loop-thread fit, continuous when the fit is late, no allocation on the loop.</summary>
public sealed class OffLoopChunkFollowingControllerTests : IDisposable
{
    private readonly OffLoopChunkFollowingController _offLoop = new(TrajectoryRig.Limits, pollInterval: TimeSpan.FromMilliseconds(0.2));
    private readonly ChunkFollowingController _onLoop = new(TrajectoryRig.Limits);
    private readonly ActionChunk[] _chunk = new ActionChunk[1];

    public void Dispose() => _offLoop.Dispose();

    private static CycleTime Time(long cycle) => new(cycle, 1_000_000_000 + cycle * TrajectoryRig.PeriodNs, 1_000_000_000 + cycle * TrajectoryRig.PeriodNs,
        TrajectoryRig.PeriodNs, TrajectoryRig.PeriodNs);

    private void MakeChunk(long cycle, int seed)
    {
        var random = new Random(seed);
        double[][] rows = Enumerable.Range(0, 50).Select(_ => Enumerable.Range(0, 3).Select(_ => random.NextDouble() * 2 - 1).ToArray()).ToArray();
        TrajectoryRig.Fill(ref _chunk[0], rows, Time(cycle).NowNs, 33_000_000);
    }

    private void WaitForFit(long fitted) =>
        Assert.True(SpinWait.SpinUntil(() => _offLoop.FittedSegments >= fitted, TimeSpan.FromSeconds(10)), "the worker did not fit the chunk");

    private static JointState Start()
    {
        var state = new JointState { JointCount = 3 };
        state.Position[0] = 0.2;
        return state;
    }

    [Fact]
    public void Update_FitReadyByTheNextUpdate_SameReferenceAsTheLoopThreadFit()
    {
        var measured = Start();
        _offLoop.Activate(Time(0), measured);
        _onLoop.Activate(Time(0), measured);
        JointCommand a = default, b = default;
        long fitted = 0;
        for (long k = 1; k < 1500; k++)
        {
            if (k % 33 == 1)
            {
                MakeChunk(k, (int)k);
                Assert.Equal(ChunkRejection.None, _offLoop.Accept(in _chunk[0], Time(k).NowNs));
                _onLoop.Accept(in _chunk[0], Time(k).NowNs);
                WaitForFit(++fitted);
            }
            _offLoop.Update(Time(k), measured, ref a);
            _onLoop.Update(Time(k), measured, ref b);
            for (int j = 0; j < 3; j++)
            {
                Assert.Equal(b.Position[j], a.Position[j]);
                Assert.Equal(b.Velocity[j], a.Velocity[j]);
            }
        }
        Assert.Equal(fitted, _offLoop.AdoptedSegments);
    }

    [Fact]
    public void Update_FitArrivesCyclesLate_ReferenceStaysWithinTheLimits()
    {
        var measured = Start();
        _offLoop.Activate(Time(0), measured);
        JointCommand command = default;
        double[] p = new double[3], v = new double[3];
        long fitted = 0;
        for (long k = 1; k < 1500; k++)
        {
            if (k % 33 == 1)
            {
                MakeChunk(k, (int)k + 7);
                _offLoop.Accept(in _chunk[0], Time(k).NowNs);
            }
            if (k % 33 == 6) WaitForFit(++fitted);   // adopted five cycles after its chunk arrived
            _offLoop.Update(Time(k), measured, ref command);
            for (int j = 0; j < 3; j++)
            {
                var limit = TrajectoryRig.Limits[j];
                double dt = TrajectoryRig.PeriodS;
                Assert.True(Math.Abs(command.Velocity[j]) <= limit.VelocityMax + 1e-9, $"cycle {k} joint {j} v {command.Velocity[j]}");
                if (k > 1)
                {
                    Assert.True(Math.Abs(command.Position[j] - p[j]) <= limit.VelocityMax * dt + 1e-9, $"cycle {k} joint {j} jumps");
                    Assert.True(Math.Abs(command.Velocity[j] - v[j]) <= limit.AccelerationMax * dt + 1e-9, $"cycle {k} joint {j} velocity jumps");
                }
                p[j] = command.Position[j];
                v[j] = command.Velocity[j];
            }
        }
        Assert.True(_offLoop.AdoptedSegments >= fitted - 1);
        Assert.True(_offLoop.Follower.AcceptedChunks > 40);
    }

    [Fact]
    public void AcceptAndUpdate_TenThousandCycles_AllocateNothingOnTheLoopThread()
    {
        var measured = Start();
        _offLoop.Activate(Time(0), measured);
        JointCommand command = default;
        MakeChunk(1, 1);
        _offLoop.Accept(in _chunk[0], Time(1).NowNs);
        WaitForFit(1);
        _offLoop.Update(Time(1), measured, ref command);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (long k = 2; k < 10_000; k++)
        {
            if (k % 33 == 0)
            {
                _chunk[0].StartTimeNs = Time(k).NowNs;
                _offLoop.Accept(in _chunk[0], Time(k).NowNs);
            }
            _offLoop.Update(Time(k), measured, ref command);
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Accept_BadChunk_RejectedOnTheLoopThreadWithItsReason()
    {
        _offLoop.Activate(Time(0), Start());
        MakeChunk(1, 1);
        _chunk[0].Values[0] = float.NaN;
        Assert.Equal(ChunkRejection.NonFiniteValue, _offLoop.Accept(in _chunk[0], Time(1).NowNs));
        Assert.Equal(1, _offLoop.Follower.RejectedChunks);
    }
}
