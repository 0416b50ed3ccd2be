using Controller.Cerebellum.Controllers.Trajectory;
using Controller.Cerebellum.Loop;
using Controller.Pipeline.Messages;

namespace Controller.Cerebellum.Tests.Controllers.Trajectory;

public class ChunkTrajectoryFollowerTests
{
    private const long StepNs = 33_333_333;

    [Fact]
    public void Update_BeforeReset_WritesHold()
    {
        var follower = new ChunkTrajectoryFollower(TrajectoryRig.Limits);
        var command = new JointCommand { Mode = ControlMode.Position };
        follower.Update(new CycleTime(0, 1_000_000, 1_000_000, TrajectoryRig.PeriodNs, TrajectoryRig.PeriodNs), ref command);
        Assert.Equal(ControlMode.Hold, command.Mode);
        Assert.False(follower.IsStarted);
    }

    [Fact]
    public void Reset_FromMeasuredState_HoldsThereWithZeroVelocity()
    {
        var rig = new TrajectoryRig();
        rig.Start(0.4, -1.2, 2.0);
        for (int k = 0; k < 100; k++) rig.Step();
        Assert.Equal(ControlMode.Position, rig.Command.Mode);
        Assert.Equal(3, rig.Command.JointCount);
        double[] expected = [0.4, -1.2, 2.0];
        for (int j = 0; j < 3; j++)
        {
            Assert.Equal(expected[j], rig.Command.Position[j]);
            Assert.Equal(0, rig.Command.Velocity[j]);
            Assert.Equal(0, rig.Command.Effort[j]);
            Assert.Equal(0, rig.Follower.Acceleration[j]);
        }
        Assert.False(rig.Follower.IsStarved);
    }

    [Fact]
    public void Reset_MeasuredStateWithNaNOrTooFewJoints_IsRefused()
    {
        var follower = new ChunkTrajectoryFollower(TrajectoryRig.Limits);
        var state = new JointState { JointCount = 2 };
        Assert.False(follower.Reset(in state));
        state.JointCount = 3;
        state.Position[1] = double.NaN;
        Assert.False(follower.Reset(in state));
        Assert.False(follower.IsStarted);
    }

    [Fact]
    public void Accept_BeforeReset_RejectsAsNotStarted()
    {
        var follower = new ChunkTrajectoryFollower(TrajectoryRig.Limits);
        var chunk = new ChunkHolder();
        TrajectoryRig.Fill(ref chunk.Chunk, [[0, 0, 0]], 0, StepNs);
        Assert.Equal(ChunkRejection.NotStarted, follower.Accept(in chunk.Chunk, 0));
        Assert.Equal(1, follower.RejectedChunks);
    }

    public static TheoryData<string> BadChunks => new() { "dimension", "nan", "infinity", "kind", "period", "steps", "start" };

    [Theory]
    [MemberData(nameof(BadChunks))]
    public void Accept_BadChunkMidMotion_IsRejectedWithItsReasonAndLeavesTheReferenceUnchanged(string defect)
    {
        var subject = new TrajectoryRig();
        var twin = new TrajectoryRig();
        subject.Start(0, 0, 0);
        twin.Start(0, 0, 0);
        var good = new ChunkHolder();
        TrajectoryRig.Fill(ref good.Chunk, [[0.5, -0.5, 1], [0.6, -0.4, 1.2], [0.8, -0.2, 1.5]], subject.NowNs, StepNs);
        subject.Follower.Accept(in good.Chunk, subject.NowNs);
        twin.Follower.Accept(in good.Chunk, twin.NowNs);
        for (int k = 0; k < 20; k++) { subject.Step(); twin.Step(); }

        var bad = new ChunkHolder();
        TrajectoryRig.Fill(ref bad.Chunk, [[-2, 2, -2], [-2, 2, -2]], subject.NowNs, StepNs);
        ChunkRejection expected = Spoil(ref bad.Chunk, defect);
        Assert.Equal(expected, subject.Follower.Accept(in bad.Chunk, subject.NowNs));
        Assert.Equal(1, subject.Follower.RejectedChunks);
        Assert.Equal(expected, subject.Follower.LastRejection);
        Assert.Equal(1, subject.Follower.AcceptedChunks);

        for (int k = 0; k < 500; k++)
        {
            subject.Step();
            twin.Step();
            for (int j = 0; j < 3; j++)
            {
                Assert.Equal(twin.Command.Position[j], subject.Command.Position[j]);
                Assert.Equal(twin.Command.Velocity[j], subject.Command.Velocity[j]);
            }
        }
    }

    private static ChunkRejection Spoil(ref ActionChunk chunk, string defect)
    {
        switch (defect)
        {
            case "dimension": chunk.Dimension = 2; return ChunkRejection.WrongDimension;
            case "nan": chunk.Row(1)[2] = float.NaN; return ChunkRejection.NonFiniteValue;
            case "infinity": chunk.Row(0)[0] = float.NegativeInfinity; return ChunkRejection.NonFiniteValue;
            case "kind": chunk.Kind = ActionKind.EndEffectorPose; return ChunkRejection.UnsupportedKind;
            case "period": chunk.StepPeriodNs = 0; return ChunkRejection.BadStepPeriod;
            case "steps": chunk.Steps = 0; return ChunkRejection.BadStepCount;
            default: chunk.StartTimeNs += 3_600_000_000_000; return ChunkRejection.StartTimeOutOfRange;
        }
    }

    [Fact]
    public void Update_ChunkRunsOut_CountsStarvedCyclesAndComesToRestOnTheLastRow()
    {
        var rig = new TrajectoryRig();
        rig.Start(0, 0, 0);
        var chunk = new ChunkHolder();
        TrajectoryRig.Fill(ref chunk.Chunk, [[0, 0, 0], [0.1, 0.1, 0.1], [0.2, 0.3, 0.4], [0.3, 0.5, 0.7]], rig.NowNs, StepNs);
        rig.Follower.Accept(in chunk.Chunk, rig.NowNs);
        long end = rig.Follower.ChunkEndTimeNs;
        Assert.InRange(end, rig.NowNs + 3 * StepNs - 1, rig.NowNs + 3 * StepNs + 1);
        while (rig.NowNs + TrajectoryRig.PeriodNs <= end) rig.Step();
        Assert.Equal(0, rig.Follower.StarvedCycles);
        for (int k = 0; k < 3000; k++) rig.Step();
        Assert.True(rig.Follower.IsStarved);
        Assert.Equal(3000, rig.Follower.StarvedCycles);
        double[] last = [0.3, 0.5, 0.7];
        for (int j = 0; j < 3; j++)
        {
            Assert.Equal((float)last[j], rig.Command.Position[j], 1e-6);
            Assert.Equal(0, rig.Command.Velocity[j], 1e-6);
        }

        TrajectoryRig.Fill(ref chunk.Chunk, [[0.3, 0.5, 0.7], [0.3, 0.5, 0.7]], rig.NowNs, StepNs);
        rig.Follower.Accept(in chunk.Chunk, rig.NowNs);
        rig.Step();
        Assert.False(rig.Follower.IsStarved);
    }

    [Fact]
    public void Accept_DeltaChunk_RowsAreOffsetsFromTheReferenceAtAcceptance()
    {
        var rig = new TrajectoryRig();
        rig.Start(0.5, -0.5, 1.0);
        for (int k = 0; k < 10; k++) rig.Step();
        var chunk = new ChunkHolder();
        TrajectoryRig.Fill(ref chunk.Chunk, [[0, 0, 0], [0.05, 0.1, -0.1], [0.1, 0.2, -0.2]], rig.NowNs, StepNs, ActionKind.DeltaJointPosition);
        Assert.Equal(ChunkRejection.None, rig.Follower.Accept(in chunk.Chunk, rig.NowNs));
        for (int k = 0; k < 3000; k++) rig.Step();
        Assert.Equal(0.6, rig.Command.Position[0], 1e-6);
        Assert.Equal(-0.3, rig.Command.Position[1], 1e-6);
        Assert.Equal(0.8, rig.Command.Position[2], 1e-6);
    }

    [Fact]
    public void Accept_ChunkWhollyInThePast_GoesToItsLastRow()
    {
        var rig = new TrajectoryRig();
        rig.Start(0, 0, 0);
        var chunk = new ChunkHolder();
        TrajectoryRig.Fill(ref chunk.Chunk, [[0.1, 0.1, 0.1], [0.2, -0.2, 0.3]], rig.NowNs - 10 * StepNs, StepNs);
        Assert.Equal(ChunkRejection.None, rig.Follower.Accept(in chunk.Chunk, rig.NowNs));
        Assert.InRange(rig.Follower.ChunkEndTimeNs, rig.NowNs + StepNs - 1, rig.NowNs + StepNs + 1);
        for (int k = 0; k < 3000; k++) rig.Step();
        Assert.Equal(0.2f, rig.Command.Position[0], 1e-6);
        Assert.Equal(-0.2f, rig.Command.Position[1], 1e-6);
        Assert.Equal(0.3f, rig.Command.Position[2], 1e-6);
    }

    [Fact]
    public void Accept_RowsBeyondTheSoftLimits_AreClampedToThem()
    {
        var rig = new TrajectoryRig();
        rig.Start(2.9, -2.9, 0);
        var chunk = new ChunkHolder();
        TrajectoryRig.Fill(ref chunk.Chunk, [[3.5, -3.5, 0], [4, -4, 0]], rig.NowNs, StepNs);
        rig.Follower.Accept(in chunk.Chunk, rig.NowNs);
        for (int k = 0; k < 5000; k++) rig.Step();
        Assert.Equal(3, rig.Command.Position[0], 1e-6);
        Assert.Equal(-3, rig.Command.Position[1], 1e-6);
    }

    [Fact]
    public void AcceptAndUpdate_100000CyclesWithAChunkEvery33Cycles_AllocateNothing()
    {
        var rig = new TrajectoryRig();
        rig.Start(0, 0, 0);
        var chunk = new ChunkHolder();
        var rows = new double[100][];
        for (int s = 0; s < rows.Length; s++) rows[s] = [0, 0, 0];
        TrajectoryRig.Fill(ref chunk.Chunk, rows, rig.NowNs, StepNs);
        var follower = rig.Follower;
        for (int warm = 0; warm < 2; warm++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int cycle = 0; cycle < 100_000; cycle++)
            {
                if (cycle % 33 == 0)
                {
                    chunk.Chunk.StartTimeNs = rig.NowNs;
                    chunk.Chunk.Values[(cycle / 33) % 300] = (float)((cycle / 33) % 7) * 0.1f;
                    follower.Accept(in chunk.Chunk, rig.NowNs);
                }
                rig.Step();
            }
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            if (warm == 1) Assert.Equal(0, allocated);
        }
        Assert.Equal(2 * 3031, follower.AcceptedChunks);
    }
}
