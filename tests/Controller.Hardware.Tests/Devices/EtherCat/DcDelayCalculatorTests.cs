using Controller.Hardware.Devices.EtherCat;

namespace Controller.Hardware.Tests.Devices.EtherCat;

public class DcDelayCalculatorTests
{
    [Theory]
    [InlineData(0x0210, null)]   // port 0 only: end of the line
    [InlineData(0x0A30, 1)]      // ports 0 and 1
    [InlineData(0x8290, 3)]      // ports 0 and 3 (a coupler's E-bus side)
    public void DownstreamPort_DlStatus_FindsTheOpenPort(int dlStatus, int? expected) =>
        Assert.Equal(expected, DcDelayCalculator.DownstreamPort(0x1000, (ushort)dlStatus));

    [Fact]
    public void DownstreamPort_TwoPortsOpen_ThrowsSayingBranchesAreNotHandled()
    {
        var ex = Assert.Throws<EtherCatException>(() => DcDelayCalculator.DownstreamPort(0x1003, 0x0A00 | 0x8000));
        Assert.Contains("slave 0x1003 has ports 3 and 1 open", ex.Message);
        Assert.Contains("only lines", ex.Message);
    }

    [Fact]
    public void LoopTimeNs_ReceiveTimesAcrossTheWrap_IsTheShortDifference()
    {
        uint[] times = [0xFFFF_FF00, 0x0000_0100, 0, 0];
        Assert.Equal(0x200, DcDelayCalculator.LoopTimeNs(times, 1));
        Assert.Equal(0, DcDelayCalculator.LoopTimeNs(times, null));
    }

    [Fact]
    public void SystemTimeOffsetNs_SlaveLaterByDelay_MakesLocalPlusOffsetTheReferenceTime()
    {
        long offset = DcDelayCalculator.SystemTimeOffsetNs(systemTimeAtLatchNs: 1_000_000, receiveTimeNs: 50, delayNs: 300);
        Assert.Equal(1_000_300, 50 + offset);
        Assert.Equal(150, DcDelayCalculator.PropagationDelayNs(referenceLoopNs: 1000, slaveLoopNs: 700));
    }
}
