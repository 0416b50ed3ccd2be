using Controller.Cerebellum.Controllers.Trajectory;
using Controller.Cerebellum.Joints;
using Controller.Cerebellum.Loop;
using Controller.Pipeline.Messages;

namespace Controller.Cerebellum.Tests.Controllers.Trajectory;

/// <summary>A follower on a simulated 1 kHz clock (no wall clock), with joints of different limits.</summary>
internal sealed class TrajectoryRig
{
    public const long PeriodNs = 1_000_000;
    public const double PeriodS = PeriodNs * 1e-9;

    public static readonly JointLimitSet Limits = new(
    [
        new JointLimits("slow", -3, 3, velocityMax: 1, accelerationMax: 5, jerkMax: 50, effortMax: 10),
        new JointLimits("mid", -3, 3, velocityMax: 2, accelerationMax: 10, jerkMax: 200, effortMax: 10),
        new JointLimits("fast", -3, 3, velocityMax: 3, accelerationMax: 20, jerkMax: 1000, effortMax: 10),
    ]);

    public readonly ChunkTrajectoryFollower Follower = new(Limits);
    public JointCommand Command;
    public long Cycle;
    public long NowNs = 1_000_000_000;

    public int Joints => Limits.Count;

    public void Start(params double[] positions)
    {
        var state = new JointState { JointCount = Joints };
        for (int j = 0; j < Joints; j++) state.Position[j] = j < positions.Length ? positions[j] : 0;
        if (!Follower.Reset(in state)) throw new InvalidOperationException("reset refused");
    }

    public void Step()
    {
        NowNs += PeriodNs;
        var time = new CycleTime(Cycle, NowNs, NowNs, PeriodNs, PeriodNs);
        Follower.Update(in time, ref Command);
        Cycle++;
    }

    /// <summary>A chunk of <paramref name="rows"/> (row-major, one array per step) starting at <paramref name="startNs"/>.</summary>
    public static void Fill(ref ActionChunk chunk, double[][] rows, long startNs, long stepPeriodNs, ActionKind kind = ActionKind.AbsoluteJointPosition)
    {
        chunk.SetShape(rows.Length, rows[0].Length);
        chunk.Kind = kind;
        chunk.StartTimeNs = startNs;
        chunk.StepPeriodNs = stepPeriodNs;
        for (int s = 0; s < rows.Length; s++)
        {
            Span<float> row = chunk.Row(s);
            for (int j = 0; j < rows[s].Length; j++) row[j] = (float)rows[s][j];
        }
    }
}
