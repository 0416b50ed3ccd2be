using Controller.Cerebellum.Controllers;
using Controller.Cerebellum.Loop;
using Controller.Pipeline.Messages;
using FsCheck;
using FsCheck.Fluent;

namespace Controller.Cerebellum.Tests.Controllers;

public class JointPdControllerTests
{
    private static readonly CycleTime Time = new(0, 1_000_000, 1_000_000, 1_000_000, 1_000_000);

    [Theory]
    [InlineData(-1, 0)]
    [InlineData(0, -1)]
    [InlineData(double.NaN, 0)]
    [InlineData(0, double.PositiveInfinity)]
    public void JointPdGains_Invalid_Throws(double kp, double kd) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new JointPdGains(kp, kd));

    [Fact]
    public void Constructor_NoGains_ThrowsNamingTheCount()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new JointPdController([]));
        Assert.Contains("between 1 and 64", e.Message);
    }

    [Fact]
    public void Update_WithReference_AppliesPdLawWithFeedForward()
    {
        var pd = new JointPdController([new JointPdGains(100, 5), new JointPdGains(50, 2)]);
        var measured = State([0.1, -0.2], [0.5, 0.0]);
        pd.Activate(Time, measured);
        pd.Reference.Position[0] = 0.3;
        pd.Reference.Velocity[0] = 1.0;
        pd.Reference.Effort[1] = 2.5;
        var command = default(JointCommand);

        pd.Update(Time, measured, ref command);

        Assert.Equal(ControlMode.Effort, command.Mode);
        Assert.Equal(2, command.JointCount);
        Assert.Equal(100 * (0.3 - 0.1) + 5 * (1.0 - 0.5), command.Effort[0], 12);
        Assert.Equal(50 * 0 + 2 * 0 + 2.5, command.Effort[1], 12);
    }

    [Fact]
    public void Activate_AnyMeasuredState_FirstCommandOnlyDampsTheMotionThereIs()
    {
        var gen = from n in Gen.Choose(1, 8)
                  from q in Gen.ArrayOf(Gen.Choose(-3000, 3000).Select(v => v / 1000.0), n)
                  from qd in Gen.ArrayOf(Gen.Choose(-2000, 2000).Select(v => v / 1000.0), n)
                  from kp in Gen.Choose(0, 1000)
                  from kd in Gen.Choose(0, 100)
                  select (q, qd, kp, kd);
        Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var pd = new JointPdController(t.q.Select(_ => new JointPdGains(t.kp, t.kd)).ToArray());
            var measured = State(t.q, t.qd);
            pd.Activate(Time, measured);
            var command = default(JointCommand);
            pd.Update(Time, measured, ref command);
            return Enumerable.Range(0, t.q.Length).All(i =>
                command.Position[i] == t.q[i] && Math.Abs(command.Effort[i] - (-t.kd * t.qd[i])) < 1e-9);
        }).QuickCheckThrowOnFailure();
    }

    internal static JointState State(double[] positions, double[] velocities)
    {
        var state = new JointState { JointCount = positions.Length };
        for (int i = 0; i < positions.Length; i++)
        {
            state.Position[i] = positions[i];
            state.Velocity[i] = velocities[i];
        }
        return state;
    }
}
