using System.Diagnostics;
using Controller.Hardware.Devices;
using Controller.Hardware.Devices.Ati;
using Controller.Hardware.Simulation;
using Controller.Hardware.Simulation.Ati;
using Controller.Pipeline.Messages;

namespace Controller.Hardware.Tests.Devices.Ati;

/// <summary>The Net F/T driver against its twin over real UDP sockets on 127.0.0.1.</summary>
public sealed class NetFtDriverTests : IDisposable
{
    private readonly IndependentJointPlant _plant = new(jointCount: 0, sensorCount: 1);
    private readonly NetFtTwin _twin;
    private readonly NetFtDriver _driver;

    public NetFtDriverTests()
    {
        _plant.SetSensorWrench(0, new SensorWrench(1.5, -2.25, 30, 0.125, -0.5, 1));
        _twin = NetFtTwin.StartNew(_plant, new NetFtTwinOptions { CountsPerForce = 1_000_000, CountsPerTorque = 1_000_000 });
        _driver = new NetFtDriver(new NetFtOptions { Host = "127.0.0.1", Port = _twin.Port });
    }

    public void Dispose()
    {
        _driver.Close();
        _twin.Dispose();
    }

    private BusStatus CycleUntil(Func<BusStatus, Wrench, bool> until, ref Wrench w)
    {
        var giveUp = Stopwatch.StartNew();
        BusStatus status;
        do
        {
            status = _driver.Read(ref w);
            if (until(status, w)) return status;
            Thread.Sleep(1);
        } while (giveUp.Elapsed < TimeSpan.FromSeconds(3));
        return status;
    }

    private static bool Fresh(BusStatus s, Wrench w) => s == BusStatus.Ok && !w.Flags.HasFlag(WrenchFlags.Stale);

    [Fact]
    public void Read_Streaming_GivesPlantWrenchInSi()
    {
        _driver.Open();
        var w = new Wrench();
        Assert.Equal(BusStatus.Ok, CycleUntil(Fresh, ref w));
        Assert.Equal((1.5, -2.25, 30.0, 0.125, -0.5, 1.0), (w.ForceXN, w.ForceYN, w.ForceZN, w.TorqueXNm, w.TorqueYNm, w.TorqueZNm));
        Assert.True(_twin.Streaming);
    }

    [Fact]
    public void Read_DroppedPackets_CountedFromSequenceGaps()
    {
        _driver.Open();
        var w = new Wrench();
        CycleUntil(Fresh, ref w);
        _twin.Faults = NetFtTwinFaults.DropPackets;
        CycleUntil((_, _) => _driver.DroppedPackets >= 5, ref w);
        Assert.True(_driver.DroppedPackets >= 5);
    }

    [Fact]
    public void Read_ErrorStatus_IsDeviceFault()
    {
        _driver.Open();
        var w = new Wrench();
        CycleUntil(Fresh, ref w);
        _twin.Faults = NetFtTwinFaults.ErrorStatus;
        Assert.Equal(BusStatus.DeviceFault, CycleUntil((s, _) => s == BusStatus.DeviceFault, ref w));
        Assert.True(_driver.ErrorRecords > 0);
        Assert.NotEqual(0u, _driver.LastStatus & 0x80000000);
        _twin.Faults = NetFtTwinFaults.None;
        Assert.Equal(BusStatus.Ok, CycleUntil(Fresh, ref w));
    }

    [Fact]
    public void Read_Silence_TimeoutThenDeviceLostThenRecovers()
    {
        _driver.Open();
        var w = new Wrench();
        CycleUntil(Fresh, ref w);
        _twin.Faults = NetFtTwinFaults.Silence;
        Assert.Equal(BusStatus.Timeout, CycleUntil((s, _) => s == BusStatus.Timeout, ref w));
        Assert.Equal(BusStatus.DeviceLost, CycleUntil((s, _) => s == BusStatus.DeviceLost, ref w));
        _twin.Faults = NetFtTwinFaults.None;
        Assert.Equal(BusStatus.Ok, CycleUntil(Fresh, ref w));
    }

    [Fact]
    public void Close_SendsStop()
    {
        _driver.Open();
        var w = new Wrench();
        CycleUntil(Fresh, ref w);
        _driver.Close();
        var giveUp = Stopwatch.StartNew();
        while (_twin.Streaming && giveUp.Elapsed < TimeSpan.FromSeconds(2)) Thread.Sleep(1);
        Assert.False(_twin.Streaming);
    }

    [Fact]
    public void Read_ThousandsOfCyclesOverUdp_DoNotAllocate()
    {
        _driver.Open();
        var w = new Wrench();
        CycleUntil(Fresh, ref w);
        for (int i = 0; i < 100; i++) _driver.Read(ref w);
        long recordsBefore = _driver.Records;
        long before = GC.GetAllocatedBytesForCurrentThread();
        long giveUp = Stopwatch.GetTimestamp() + 3 * Stopwatch.Frequency;
        for (int i = 0; (i < 2000 || _driver.Records < recordsBefore + 10) && Stopwatch.GetTimestamp() < giveUp; i++)
        {
            _driver.Read(ref w);
            Thread.SpinWait(5_000);
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(_driver.Records >= recordsBefore + 10);
        Assert.Equal(0, allocated);
    }
}
