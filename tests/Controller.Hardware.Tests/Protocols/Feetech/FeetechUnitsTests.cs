using Controller.Hardware.Protocols.Feetech;
using FsCheck;
using FsCheck.Fluent;

namespace Controller.Hardware.Tests.Protocols.Feetech;

public class FeetechUnitsTests
{
    [Theory]
    [InlineData(2048, 0.0)]
    [InlineData(3072, Math.PI / 2)]
    [InlineData(1024, -Math.PI / 2)]
    [InlineData(0, -Math.PI)]
    public void StepsToRad_4096PerTurnCentredAt2048(int steps, double rad) => Assert.Equal(rad, FeetechUnits.StepsToRad(steps), 12);

    [Fact]
    public void RadToSteps_OutsideTheTurn_ClampsTo0And4095()
    {
        Assert.Equal(0, FeetechUnits.RadToSteps(-10));
        Assert.Equal(4095, FeetechUnits.RadToSteps(10));
        Assert.Equal(4095, FeetechUnits.RadToSteps(double.PositiveInfinity));
    }

    [Fact]
    public void StepsRoundTrip_EveryStepIsIdentity() =>
        Prop.ForAll(Gen.Choose(0, 4095).ToArbitrary(), s => FeetechUnits.RadToSteps(FeetechUnits.StepsToRad(s)) == s).QuickCheckThrowOnFailure();

    [Fact]
    public void VelocityRoundTrip_WithinRangeIsIdentity() =>
        Prop.ForAll(Gen.Choose(-32767, 32767).ToArbitrary(), v => FeetechUnits.RadPerSecToStepsPerSec(FeetechUnits.StepsPerSecToRadPerSec(v)) == v).QuickCheckThrowOnFailure();

    [Fact]
    public void Load_FullScaleIsStallTorque() => Assert.Equal(FeetechUnits.Sts3215StallTorqueNm, FeetechUnits.LoadToTorqueNm(1000), 12);
}
