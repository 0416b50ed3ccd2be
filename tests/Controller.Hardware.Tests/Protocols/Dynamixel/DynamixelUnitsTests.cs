using Controller.Hardware.Protocols.Dynamixel;
using FsCheck;
using FsCheck.Fluent;

namespace Controller.Hardware.Tests.Protocols.Dynamixel;

public class DynamixelUnitsTests
{
    [Theory]
    [InlineData(2048, 0.0)]
    [InlineData(3072, Math.PI / 2)]
    [InlineData(0, -Math.PI)]
    [InlineData(4096, Math.PI)]
    public void PulsesToRad_Landmarks_AreExact(int pulses, double rad) => Assert.Equal(rad, DynamixelUnits.PulsesToRad(pulses), 12);

    [Fact]
    public void RadToPulses_RoundTrip_WithinHalfAPulse()
    {
        Prop.ForAll(Gen.Choose(-1_000_000, 1_000_000).ToArbitrary(), pulses =>
            DynamixelUnits.RadToPulses(DynamixelUnits.PulsesToRad(pulses)) == pulses).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Velocity_OneUnit_Is0229RpmInRadPerSec()
    {
        Assert.Equal(0.229 * 2 * Math.PI / 60, DynamixelUnits.VelocityUnitsToRadPerSec(1), 12);
        Assert.Equal(-350, DynamixelUnits.RadPerSecToVelocityUnits(DynamixelUnits.VelocityUnitsToRadPerSec(-350)));
    }

    [Fact]
    public void Current_XM430W350_UnitsToTorqueThroughTorqueConstant()
    {
        var m = DynamixelModels.XM430W350;
        Assert.Equal(100 * 2.69e-3 * 4.1 / 2.3, DynamixelUnits.CurrentUnitsToTorqueNm(100, m), 9);
        Assert.Equal(100, DynamixelUnits.TorqueNmToCurrentUnits(DynamixelUnits.CurrentUnitsToTorqueNm(100, m), m));
    }

    [Fact]
    public void TorqueToCurrent_BeyondLimitOrNaN_IsClampedOrZero()
    {
        var m = DynamixelModels.XM430W350;
        Assert.Equal(1193, DynamixelUnits.TorqueNmToCurrentUnits(1e6, m));
        Assert.Equal(-1193, DynamixelUnits.TorqueNmToCurrentUnits(-1e6, m));
        Assert.Equal(0, DynamixelUnits.TorqueNmToCurrentUnits(double.NaN, m));
        Assert.Equal(0, DynamixelUnits.TorqueNmToCurrentUnits(1.0, DynamixelModels.XL430W250));
    }

    [Fact]
    public void Load_XL430_TenthsOfPercentOfStallTorque() =>
        Assert.Equal(0.5 * 1.5, DynamixelUnits.CurrentUnitsToTorqueNm(500, DynamixelModels.XL430W250), 12);

    [Fact]
    public void Models_FindByNumberAndName()
    {
        Assert.Same(DynamixelModels.XM430W350, DynamixelModels.FindByNumber(1020));
        Assert.Same(DynamixelModels.XL430W250, DynamixelModels.ByName("xl430-w250"));
        Assert.Null(DynamixelModels.FindByNumber(9999));
        Assert.Contains("XM430-W350", Assert.Throws<ArgumentException>(() => DynamixelModels.ByName("AX-12")).Message);
    }

    [Fact]
    public void ControlTable_FeedbackBlock_IsCurrentVelocityPositionContiguous()
    {
        Assert.Equal(XSeriesControlTable.PresentCurrent.Address, XSeriesControlTable.FeedbackBlock.Address);
        Assert.Equal(XSeriesControlTable.PresentCurrent.End, XSeriesControlTable.PresentVelocity.Address);
        Assert.Equal(XSeriesControlTable.PresentVelocity.End, XSeriesControlTable.PresentPosition.Address);
        Assert.Equal(XSeriesControlTable.PresentPosition.End, XSeriesControlTable.FeedbackBlock.End);
    }
}
