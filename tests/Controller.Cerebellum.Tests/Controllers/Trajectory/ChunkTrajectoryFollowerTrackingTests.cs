using Controller.Pipeline.Messages;
using Xunit.Abstractions;

namespace Controller.Cerebellum.Tests.Controllers.Trajectory;

public class ChunkTrajectoryFollowerTrackingTests(ITestOutputHelper output)
{
    /// <summary>Documented tolerance (rad) for a chunk well inside the limits, after settling; README gives the measured figure.</summary>
    private const double Tolerance = 1e-4;
    private const long StepPeriodNs = 40_000_000;   // a 25 Hz policy: rows fall on cycles of the 1 kHz loop

    private static double Path(int joint, double t) => joint switch
    {
        0 => 0.3 * Math.Sin(1.0 * t),
        1 => 0.5 * Math.Sin(2.0 * t + 1),
        _ => 0.4 * Math.Sin(3.0 * t + 2),
    };

    [Fact]
    public void Update_SlowChunksReplacedEvery33Cycles_PassesTheWaypointsAtTheirTimesWithinTolerance()
    {
        var rig = new TrajectoryRig();
        long origin = rig.NowNs;
        rig.Start(Path(0, 0), Path(1, 0), Path(2, 0));
        var chunk = new ChunkHolder();
        double worst = 0;
        int compared = 0;
        for (int cycle = 0; cycle < 6000; cycle++)
        {
            if (cycle % 33 == 0)
            {
                // Rows on the 40 ms grid, the first at or before now, as a policy that is a little behind would send.
                long first = origin + (rig.NowNs - origin) / StepPeriodNs * StepPeriodNs;
                FillFromPath(ref chunk.Chunk, first, origin, steps: 50);
                Assert.Equal(Controller.Cerebellum.Controllers.Trajectory.ChunkRejection.None, rig.Follower.Accept(in chunk.Chunk, rig.NowNs));
            }
            rig.Step();
            if (cycle >= 1000 && (rig.NowNs - origin) % StepPeriodNs == 0)
            {
                double t = (rig.NowNs - origin) * 1e-9;
                for (int j = 0; j < rig.Joints; j++)
                    worst = Math.Max(worst, Math.Abs(rig.Command.Position[j] - (float)Path(j, t)));
                compared++;
            }
        }
        output.WriteLine($"worst error at {compared} waypoint times: {worst:E3} rad");
        Assert.True(compared > 100);
        Assert.True(worst < Tolerance, $"worst error {worst} rad");
    }

    [Fact]
    public void Update_OneLongChunk_PassesTheWaypointsAndEndsAtRestOnTheLast()
    {
        var rig = new TrajectoryRig();
        long origin = rig.NowNs;
        rig.Start(Path(0, 0), Path(1, 0), Path(2, 0));
        var chunk = new ChunkHolder();
        FillFromPath(ref chunk.Chunk, origin, origin, steps: 100);
        rig.Follower.Accept(in chunk.Chunk, rig.NowNs);
        double worst = 0;
        while (rig.NowNs < origin + 99 * StepPeriodNs)
        {
            rig.Step();
            // The last rows are left out: the path stops at the last row (zero velocity there), which needs
            // more acceleration than the slow joints have, so they round that corner (see the README).
            long since = rig.NowNs - origin;
            if (since % StepPeriodNs == 0 && since >= 1_000_000_000 && since <= 95 * StepPeriodNs)
            {
                double t = (rig.NowNs - origin) * 1e-9;
                for (int j = 0; j < rig.Joints; j++) worst = Math.Max(worst, Math.Abs(rig.Command.Position[j] - (float)Path(j, t)));
            }
        }
        for (int k = 0; k < 2000; k++) rig.Step();
        output.WriteLine($"worst error: {worst:E3} rad");
        Assert.True(worst < Tolerance, $"worst error {worst} rad");
        for (int j = 0; j < rig.Joints; j++)
        {
            Assert.Equal((float)Path(j, 99 * StepPeriodNs * 1e-9), rig.Command.Position[j], 1e-6);
            Assert.Equal(0, rig.Command.Velocity[j], 1e-6);
        }
        Assert.True(rig.Follower.IsStarved);
    }

    private static void FillFromPath(ref ActionChunk chunk, long firstNs, long originNs, int steps)
    {
        chunk.SetShape(steps, TrajectoryRig.Limits.Count);
        chunk.Kind = ActionKind.AbsoluteJointPosition;
        chunk.StartTimeNs = firstNs;
        chunk.StepPeriodNs = StepPeriodNs;
        for (int s = 0; s < steps; s++)
        {
            double t = (firstNs - originNs + s * StepPeriodNs) * 1e-9;
            Span<float> row = chunk.Row(s);
            for (int j = 0; j < row.Length; j++) row[j] = (float)Path(j, t);
        }
    }
}
