using Controller.Hardware.Devices;
using Controller.Hardware.Devices.DigitalIo;

namespace Controller.Hardware.Tests.Devices.DigitalIo;

public class SimulatedDigitalIoTests
{
    [Fact]
    public void SetInput_FromAnotherThread_IsReadOnTheNextRead()
    {
        var io = new SimulatedDigitalIo(inputCount: 8);
        var thread = new Thread(() => io.SetInput(5, true));
        thread.Start();
        thread.Join();
        Assert.Equal(BusStatus.Ok, io.ReadInputs(out ulong levels));
        Assert.Equal(1UL << 5, levels);
    }

    [Fact]
    public void WriteOutputs_WithMask_ChangesOnlyTheMaskedLines()
    {
        var io = new SimulatedDigitalIo(outputCount: 4);
        io.WriteOutputs(0b1111, 0b1111);
        io.WriteOutputs(0b0000, 0b0101);
        Assert.Equal(0b1010UL, io.Outputs);
        io.WriteOutputs(ulong.MaxValue, ulong.MaxValue);
        Assert.Equal(0b1111UL, io.Outputs);   // lines the bank does not have stay absent
    }

    [Fact]
    public void Disconnected_ReadsAndWritesFailAsDeviceLost()
    {
        var io = new SimulatedDigitalIo(initialInputs: 0xFF) { Disconnected = true };
        Assert.Equal(BusStatus.DeviceLost, io.ReadInputs(out ulong levels));
        Assert.Equal(0UL, levels);
        Assert.Equal(BusStatus.DeviceLost, io.WriteOutputs(1, 1));
    }

    [Fact]
    public void SetInput_LineOutsideTheBank_ThrowsNamingTheRange()
    {
        var io = new SimulatedDigitalIo("panel", inputCount: 4);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => io.SetInput(4, true));
        Assert.Contains("0..3", e.Message);
    }

    [Theory]
    [InlineData(true, true, false)]
    [InlineData(true, false, true)]
    [InlineData(false, true, true)]
    [InlineData(false, false, false)]
    public void EmergencyStopLine_ReadOpen_FollowsThePolarity(bool healthyHigh, bool levelHigh, bool expectedOpen)
    {
        var io = new SimulatedDigitalIo(inputCount: 2);
        io.SetInput(1, levelHigh);
        Assert.Equal(expectedOpen, new EmergencyStopLine(io, 1, healthyHigh).ReadOpen());
    }

    [Fact]
    public void EmergencyStopLine_ReadFails_ReportsOpenAndCounts()
    {
        var io = new SimulatedDigitalIo(initialInputs: 1);
        var line = new EmergencyStopLine(io, 0);
        Assert.False(line.ReadOpen());
        io.Disconnected = true;
        Assert.True(line.ReadOpen());
        Assert.Equal(1, line.ReadFailures);
    }

    [Fact]
    public void EmergencyStopLine_ThousandsOfReads_AllocateNothing()
    {
        var io = new SimulatedDigitalIo(initialInputs: 1);
        var line = new EmergencyStopLine(io, 0);
        line.ReadOpen();
        long before = GC.GetAllocatedBytesForCurrentThread();
        bool any = false;
        for (int i = 0; i < 10_000; i++) any |= line.ReadOpen();
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.False(any);
    }
}
