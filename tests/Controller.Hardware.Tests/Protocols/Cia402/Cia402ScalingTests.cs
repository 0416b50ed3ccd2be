using Controller.Hardware.Protocols.Cia402;
using FsCheck;
using FsCheck.Fluent;

namespace Controller.Hardware.Tests.Protocols.Cia402;

public class Cia402ScalingTests
{
    private static readonly Cia402Scaling Harmonic = new(incrementsPerMotorRevolution: 131072, gearRatio: 100, ratedTorqueNm: 0.64);

    [Fact]
    public void PositionToIncrements_OneJointRevolution_IsGearTimesEncoder() =>
        Assert.Equal(13_107_200, Harmonic.PositionToIncrements(2 * Math.PI));

    [Fact]
    public void TorqueToPerMille_RatedMotorTorqueAtJoint_IsThousand() =>
        Assert.Equal(1000, Harmonic.TorqueToPerMille(64.0));

    [Fact]
    public void Conversions_OutOfRangeOrNaN_Saturate()
    {
        Assert.Equal(int.MaxValue, Harmonic.PositionToIncrements(1e9));
        Assert.Equal(int.MinValue, Harmonic.VelocityToIncrementsPerSec(-1e9));
        Assert.Equal(short.MaxValue, Harmonic.TorqueToPerMille(1e9));
        Assert.Equal(0, Harmonic.PositionToIncrements(double.NaN));
    }

    [Fact]
    public void PositionRoundTrip_WithinHalfAnIncrement()
    {
        Prop.ForAll(Gen.Choose(-100_000, 100_000).ToArbitrary(), milliRad =>
        {
            double rad = milliRad / 1000.0;
            double back = Harmonic.IncrementsToPositionRad(Harmonic.PositionToIncrements(rad));
            return Math.Abs(back - rad) <= 0.5 / Harmonic.IncrementsPerRad + 1e-12;
        }).QuickCheckThrowOnFailure();
    }

    [Theory]
    [InlineData(0, 1, 1)]
    [InlineData(1, -2, 1)]
    [InlineData(1, 1, double.NaN)]
    public void Constructor_BadValue_ThrowsNamingIt(double increments, double gear, double torque)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new Cia402Scaling(increments, gear, torque));
        Assert.Contains("must be", ex.Message);
    }
}
