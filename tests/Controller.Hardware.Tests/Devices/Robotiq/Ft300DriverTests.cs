using System.Diagnostics;
using Controller.Hardware.Devices;
using Controller.Hardware.Devices.ForceTorque;
using Controller.Hardware.Devices.Robotiq;
using Controller.Hardware.Simulation;
using Controller.Hardware.Simulation.Robotiq;
using Controller.Hardware.Transports.Serial;
using Controller.Pipeline.Messages;

namespace Controller.Hardware.Tests.Devices.Robotiq;

/// <summary>The FT 300 driver against its twin through a real SerialPort on a pseudo-terminal at 19 200 baud 8N1.</summary>
public sealed class Ft300DriverTests : IDisposable
{
    private readonly IndependentJointPlant _plant = new(jointCount: 0, sensorCount: 1);
    private readonly Ft300Twin _twin;
    private readonly SerialTransport _port;
    private readonly Ft300Driver _driver;

    public Ft300DriverTests()
    {
        _plant.SetSensorWrench(0, new SensorWrench(1.5, -2.25, 30, 0.125, -0.5, 1));
        _twin = Ft300Twin.StartOnNewPseudoTerminal(_plant, new Ft300TwinOptions { SerialNumber = ("FTS", 4242), ProductionYear = 2019 });
        _port = SerialTransport.Open(_twin.PortPath, 19_200);
        _driver = new Ft300Driver(new Ft300Options { Name = "wrist" }, _port);
    }

    public void Dispose()
    {
        _driver.Close();
        _port.Dispose();
        _twin.Dispose();
    }

    /// <summary>Cycles (sleeping 1 ms between) until <paramref name="until"/> holds, at most 3 s.</summary>
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
    public void Open_StreamingSinceStart_StopsItReadsIdentityAndStartsStream()
    {
        Assert.True(_twin.Streaming);
        _driver.Open();
        Assert.Equal("FTS-1.0.3", _driver.FirmwareVersion);
        Assert.Equal("FTS-4242", _driver.SerialNumber);
        Assert.Equal(2019, _driver.ProductionYear);
        Assert.True(_twin.Streaming);
        var w = new Wrench();
        Assert.Equal(BusStatus.Ok, CycleUntil(Fresh, ref w));
        Assert.Equal((1.5, -2.25, 30.0, 0.125, -0.5, 1.0), (w.ForceXN, w.ForceYN, w.ForceZN, w.TorqueXNm, w.TorqueYNm, w.TorqueZNm));
    }

    [Fact]
    public void Read_PlantWrenchChanges_StreamFollows()
    {
        _driver.Open();
        var w = new Wrench();
        _plant.SetSensorWrench(0, new SensorWrench(0, 0, -12.34, 0, 0, 0.567));
        Assert.Equal(BusStatus.Ok, CycleUntil((s, x) => Fresh(s, x) && x.ForceZN == -12.34, ref w));
        Assert.Equal(0.567, w.TorqueZNm);
        Assert.True(w.Header.Sequence > 0);
    }

    [Fact]
    public void Read_CorruptCrcFault_CountsChecksumErrorsThenRecovers()
    {
        _driver.Open();
        var w = new Wrench();
        CycleUntil(Fresh, ref w);
        _twin.Faults = Ft300TwinFaults.CorruptCrc;
        Assert.Equal(BusStatus.ChecksumError, CycleUntil((s, _) => s == BusStatus.ChecksumError, ref w));
        Assert.True(_driver.CrcErrors > 0);
        Assert.True(w.Flags.HasFlag(WrenchFlags.Stale));
        _twin.Faults = Ft300TwinFaults.None;
        Assert.Equal(BusStatus.Ok, CycleUntil(Fresh, ref w));
    }

    [Fact]
    public void Read_StreamStops_TimeoutThenDeviceLostThenRecovers()
    {
        _driver.Open();
        var w = new Wrench();
        CycleUntil(Fresh, ref w);
        _twin.Faults = Ft300TwinFaults.StopStreaming;
        Assert.Equal(BusStatus.Timeout, CycleUntil((s, _) => s == BusStatus.Timeout, ref w));
        Assert.Equal(BusStatus.DeviceLost, CycleUntil((s, _) => s == BusStatus.DeviceLost, ref w));
        Assert.Equal(1, _driver.LostEvents);
        _twin.Faults = Ft300TwinFaults.None;
        Assert.Equal(BusStatus.Ok, CycleUntil(Fresh, ref w));
    }

    [Fact]
    public void Read_Disconnected_DeviceLost()
    {
        _driver.Open();
        var w = new Wrench();
        CycleUntil(Fresh, ref w);
        _twin.Faults = Ft300TwinFaults.Disconnected;
        Assert.Equal(BusStatus.DeviceLost, CycleUntil((s, _) => s == BusStatus.DeviceLost, ref w));
    }

    [Fact]
    public void Open_NoReply_ThrowsTimeoutNamingSlaveAndRegister()
    {
        _twin.Faults = Ft300TwinFaults.NoReply;
        var e = Assert.Throws<TimeoutException>(_driver.Open);
        Assert.Contains("slave 9", e.Message);
        Assert.Contains("register 500", e.Message);
    }

    [Fact]
    public void Open_CorruptCrcOnReplies_ThrowsTimeout()
    {
        _twin.Faults = Ft300TwinFaults.CorruptCrc;
        Assert.Throws<TimeoutException>(_driver.Open);
        Assert.True(_twin.RequestsAnswered > 0);
    }

    [Fact]
    public void Close_StopsTheTwinsStream()
    {
        _driver.Open();
        _driver.Close();
        var giveUp = Stopwatch.StartNew();
        while (_twin.Streaming && giveUp.Elapsed < TimeSpan.FromSeconds(2)) Thread.Sleep(1);
        Assert.False(_twin.Streaming);
    }

    [Fact]
    public void SensorStage_OverTheWire_TaresToZero()
    {
        var sensor = new ForceTorqueSensor(_driver, new ForceTorqueSensorOptions { TareSampleCount = 3 });
        sensor.Open();
        sensor.RequestTare();
        var w = new Wrench();
        var giveUp = Stopwatch.StartNew();
        while (sensor.TaresCompleted == 0 && giveUp.Elapsed < TimeSpan.FromSeconds(3)) { sensor.Read(ref w); Thread.Sleep(1); }
        Assert.Equal(1, sensor.TaresCompleted);
        Assert.Equal(0, w.ForceZN, 9);
        Assert.True(w.Flags.HasFlag(WrenchFlags.Tared));
    }

    [Fact]
    public void Read_ThousandCyclesOverThePty_DoNotAllocate()
    {
        _driver.Open();
        var w = new Wrench();
        CycleUntil(Fresh, ref w);
        for (int i = 0; i < 50; i++) _driver.Read(ref w);
        long framesBefore = _driver.Frames;
        long before = GC.GetAllocatedBytesForCurrentThread();
        long giveUp = Stopwatch.GetTimestamp() + 3 * Stopwatch.Frequency;
        for (int i = 0; (i < 1000 || _driver.Frames < framesBefore + 3) && Stopwatch.GetTimestamp() < giveUp; i++)
        {
            _driver.Read(ref w);
            Thread.SpinWait(20_000);
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(_driver.Frames > framesBefore);
        Assert.Equal(0, allocated);
    }
}
