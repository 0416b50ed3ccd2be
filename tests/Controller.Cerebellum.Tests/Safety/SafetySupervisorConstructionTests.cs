using Controller.Cerebellum.Safety;

namespace Controller.Cerebellum.Tests.Safety;

public sealed class SafetySupervisorConstructionTests
{
    [Fact]
    public void Constructor_NullLimits_ThrowsArgumentException()
    {
        Assert.ThrowsAny<ArgumentException>(() => new SafetySupervisor(null!, new SafetyOptions()));
    }

    [Theory]
    [InlineData(0L, 3, 0.5, 100.0, 10.0, "BrainTimeoutNs")]
    [InlineData(1L, 0, 0.5, 100.0, 10.0, "StaleSensorCycles")]
    [InlineData(1L, 3, 0.0, 100.0, 10.0, "ReducedSpeedFactor")]
    [InlineData(1L, 3, 1.5, 100.0, 10.0, "ReducedSpeedFactor")]
    [InlineData(1L, 3, 0.5, 0.0, 10.0, "CollisionForceN")]
    [InlineData(1L, 3, 0.5, double.PositiveInfinity, 10.0, "CollisionForceN")]
    [InlineData(1L, 3, 0.5, 100.0, double.NaN, "CollisionTorqueNm")]
    public void Constructor_OptionOutOfRange_ThrowsNamingTheOption(long timeout, int stale, double factor, double force, double torque, string name)
    {
        using var rig = new SafetyRig();
        var options = new SafetyOptions
        {
            BrainTimeoutNs = timeout, StaleSensorCycles = stale, ReducedSpeedFactor = factor, CollisionForceN = force, CollisionTorqueNm = torque,
        };
        var e = Assert.Throws<ArgumentException>(() => new SafetySupervisor(rig.Limits, options));
        Assert.Equal(name, e.ParamName);
        Assert.Contains(name, e.Message);
    }

    [Fact]
    public void Constructor_DefaultOptions_StartsNormal()
    {
        using var rig = new SafetyRig();
        Assert.Equal(SafetyState.Normal, rig.Supervisor.State);
        Assert.Equal(-1, rig.Supervisor.LastCollisionReactionCycles);
    }
}
