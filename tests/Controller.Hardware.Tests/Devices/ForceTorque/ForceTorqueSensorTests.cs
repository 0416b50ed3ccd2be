using Controller.Hardware.Devices;
using Controller.Hardware.Devices.ForceTorque;
using Controller.Pipeline.Messages;
using FsCheck;
using FsCheck.Fluent;

namespace Controller.Hardware.Tests.Devices.ForceTorque;

public class ForceTorqueSensorTests
{
    private const double G = 9.80665;

    [Fact]
    public void Read_NewSample_PassesValuesHeaderAndIndex()
    {
        var driver = new ScriptedForceTorqueDriver();
        var sensor = new ForceTorqueSensor(driver, new ForceTorqueSensorOptions { SensorIndex = 3 });
        driver.Push(1, 2, 3, 0.1, 0.2, 0.3);
        var w = new Wrench();
        Assert.Equal(BusStatus.Ok, sensor.Read(ref w));
        Assert.Equal((1.0, 2.0, 3.0, 0.1, 0.2, 0.3), (w.ForceXN, w.ForceYN, w.ForceZN, w.TorqueXNm, w.TorqueYNm, w.TorqueZNm));
        Assert.Equal(3, w.SensorIndex);
        Assert.Equal(1, w.Header.Sequence);
        Assert.Equal(WrenchFlags.None, w.Flags);
    }

    [Fact]
    public void Read_NoNewSample_RepeatsLastValuesFlaggedStale()
    {
        var driver = new ScriptedForceTorqueDriver();
        var sensor = new ForceTorqueSensor(driver);
        var w = new Wrench();
        driver.Push(5, 0, 0, 0, 0, 0);
        sensor.Read(ref w);
        Assert.Equal(BusStatus.Ok, sensor.Read(ref w));
        Assert.Equal(5, w.ForceXN);
        Assert.True(w.Flags.HasFlag(WrenchFlags.Stale));
        Assert.Equal(1, sensor.StaleCycles);
    }

    [Fact]
    public void Read_DriverTimeout_ReturnsStatusRepeatsStaleAndCounts()
    {
        var driver = new ScriptedForceTorqueDriver();
        var sensor = new ForceTorqueSensor(driver);
        var w = new Wrench();
        driver.Push(5, 0, 0, 0, 0, 0);
        sensor.Read(ref w);
        driver.NextStatus = BusStatus.Timeout;
        Assert.Equal(BusStatus.Timeout, sensor.Read(ref w));
        Assert.Equal(5, w.ForceXN);
        Assert.True(w.Flags.HasFlag(WrenchFlags.Stale));
        Assert.Equal(1, sensor.FaultCycles);
    }

    [Fact]
    public void Read_NonFiniteValue_IsDeviceFaultAndNotPassedOn()
    {
        var driver = new ScriptedForceTorqueDriver();
        var sensor = new ForceTorqueSensor(driver);
        var w = new Wrench();
        driver.Push(5, 0, 0, 0, 0, 0);
        sensor.Read(ref w);
        driver.Push(double.NaN, 0, 0, 0, 0, 0);
        Assert.Equal(BusStatus.DeviceFault, sensor.Read(ref w));
        Assert.Equal(5, w.ForceXN);
    }

    [Fact]
    public void Read_AxisAtRatedRange_FlagsThatAxisSaturated()
    {
        var driver = new ScriptedForceTorqueDriver();
        var sensor = new ForceTorqueSensor(driver);
        var w = new Wrench();
        driver.Push(0, 0, -300, 0, 29.9, 30);
        sensor.Read(ref w);
        Assert.Equal(ForceTorqueAxes.ForceZ | ForceTorqueAxes.TorqueZ, sensor.SaturatedAxes);
        Assert.True(w.Flags.HasFlag(WrenchFlags.Saturated));
        driver.Push(0, 0, 299, 0, 0, 0);
        sensor.Read(ref w);
        Assert.Equal(ForceTorqueAxes.None, sensor.SaturatedAxes);
        Assert.False(w.Flags.HasFlag(WrenchFlags.Saturated));
        Assert.Equal(1, sensor.SaturatedSamples);
    }

    [Fact]
    public void RequestTare_AveragesNextSamplesIntoBias()
    {
        var driver = new ScriptedForceTorqueDriver();
        var sensor = new ForceTorqueSensor(driver, new ForceTorqueSensorOptions { TareSampleCount = 4 });
        var w = new Wrench();
        sensor.RequestTare();
        foreach (double fx in new[] { 1.0, 2.0, 3.0, 6.0 })
        {
            driver.Push(fx, -1, 0, 0, 0, 0.5);
            sensor.Read(ref w);
        }
        Assert.Equal(1, sensor.TaresCompleted);
        Assert.True(w.Flags.HasFlag(WrenchFlags.Tared));
        driver.Push(3, -1, 10, 0, 0, 0.5);
        sensor.Read(ref w);
        Assert.Equal(0, w.ForceXN, 12);
        Assert.Equal(0, w.ForceYN, 12);
        Assert.Equal(10, w.ForceZN, 12);
        Assert.Equal(0, w.TorqueZNm, 12);
        Span<double> bias = stackalloc double[6];
        sensor.GetBias(bias);
        Assert.Equal(3, bias[0], 12);
    }

    [Fact]
    public void RequestTare_FromAnotherThread_AppliedAtNextRead()
    {
        var driver = new ScriptedForceTorqueDriver();
        var sensor = new ForceTorqueSensor(driver, new ForceTorqueSensorOptions { TareSampleCount = 1 });
        var w = new Wrench();
        var requester = new Thread(sensor.RequestTare);
        requester.Start();
        requester.Join();
        driver.Push(7, 0, 0, 0, 0, 0);
        sensor.Read(ref w);
        Assert.Equal(0, w.ForceXN);
        Assert.Equal(1, sensor.TaresCompleted);
    }

    [Fact]
    public void Read_LowPass_StepResponseFollowsFirstOrderLaw()
    {
        double cutoffHz = 10;
        double tau = 1 / (2 * Math.PI * cutoffHz);
        var driver = new ScriptedForceTorqueDriver();
        var sensor = new ForceTorqueSensor(driver, new ForceTorqueSensorOptions { LowPassCutoffHz = cutoffHz });
        var w = new Wrench();
        driver.Push(0, 0, 0, 0, 0, 0);
        sensor.Read(ref w);
        double expected = 0;
        for (int i = 0; i < 20; i++)
        {
            driver.Push(0, 0, 1, 0, 0, 0, periodNs: 1_000_000);
            sensor.Read(ref w);
            double alpha = 1e-3 / (tau + 1e-3);
            expected += alpha * (1 - expected);
            Assert.Equal(expected, w.ForceZN, 12);
        }
        Assert.InRange(w.ForceZN, 0.5, 0.9);
    }

    [Fact]
    public void Read_IdentityOrientation_RemovesToolWeightAndMoment()
    {
        var payload = new ToolPayload(1.0, 0.1, 0, 0.05);
        var driver = new ScriptedForceTorqueDriver();
        var sensor = new ForceTorqueSensor(driver, new ForceTorqueSensorOptions { Payload = payload });
        var w = new Wrench();
        // Weight (0, 0, −m g) at c = (0.1, 0, 0.05): moment c × F = (0·(−mg) − 0.05·0, 0.05·0 − 0.1·(−mg), 0) = (0, 0.1 mg, 0).
        driver.Push(0, 0, -G, 0, 0.1 * G, 0);
        sensor.Read(ref w, SensorOrientation.Identity);
        AssertNear(0, 0, 0, 0, 0, 0, w);
        Assert.True(w.Flags.HasFlag(WrenchFlags.GravityCompensated));
    }

    [Fact]
    public void Read_WithoutOrientation_DoesNotCompensate()
    {
        var driver = new ScriptedForceTorqueDriver();
        var sensor = new ForceTorqueSensor(driver, new ForceTorqueSensorOptions { Payload = new ToolPayload(1, 0, 0, 0) });
        var w = new Wrench();
        driver.Push(0, 0, -G, 0, 0, 0);
        sensor.Read(ref w);
        Assert.Equal(-G, w.ForceZN);
        Assert.False(w.Flags.HasFlag(WrenchFlags.GravityCompensated));
    }

    [Fact]
    public void Read_RandomPoseAndPayload_LeavesOnlyContactWrench()
    {
        Prop.ForAll(Gen.Choose(0, int.MaxValue - 1).ToArbitrary(), seed =>
        {
            var rng = new Random(seed);
            double R() => rng.NextDouble() * 2 - 1;
            var payload = new ToolPayload(rng.NextDouble() * 3, R() * 0.2, R() * 0.2, R() * 0.2);
            var orientation = Multiply(SensorOrientation.AboutX(R() * Math.PI), SensorOrientation.AboutY(R() * Math.PI));
            var weight = WeightWrench(payload, orientation);
            double[] contact = [R() * 20, R() * 20, R() * 20, R(), R(), R()];
            var driver = new ScriptedForceTorqueDriver();
            var sensor = new ForceTorqueSensor(driver, new ForceTorqueSensorOptions { Payload = payload });
            driver.Push(weight[0] + contact[0], weight[1] + contact[1], weight[2] + contact[2], weight[3] + contact[3], weight[4] + contact[4], weight[5] + contact[5]);
            var w = new Wrench();
            sensor.Read(ref w, orientation);
            AssertNear(contact[0], contact[1], contact[2], contact[3], contact[4], contact[5], w);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void RequestTare_WithToolInOnePose_StaysZeroInAnother()
    {
        var payload = new ToolPayload(0.8, 0.02, -0.01, 0.07);
        var offset = new[] { 3.0, -2.0, 5.0, 0.1, -0.2, 0.05 };
        var driver = new ScriptedForceTorqueDriver();
        var sensor = new ForceTorqueSensor(driver, new ForceTorqueSensorOptions { Payload = payload, TareSampleCount = 1 });
        var w = new Wrench();
        var poseA = SensorOrientation.AboutX(0.3);
        var poseB = Multiply(SensorOrientation.AboutY(2.0), SensorOrientation.AboutX(-1.0));
        sensor.RequestTare();
        PushWeightPlusOffset(driver, payload, poseA, offset);
        sensor.Read(ref w, poseA);
        PushWeightPlusOffset(driver, payload, poseB, offset);
        sensor.Read(ref w, poseB);
        AssertNear(0, 0, 0, 0, 0, 0, w);
    }

    [Fact]
    public void Constructor_NegativeCutoff_ThrowsNamingIt()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new ForceTorqueSensor(new ScriptedForceTorqueDriver(), new ForceTorqueSensorOptions { LowPassCutoffHz = -1 }));
        Assert.Contains("LowPassCutoffHz", e.Message);
    }

    [Fact]
    public void SetPayload_NegativeMass_Throws()
    {
        var sensor = new ForceTorqueSensor(new ScriptedForceTorqueDriver());
        Assert.Throws<ArgumentOutOfRangeException>(() => sensor.SetPayload(new ToolPayload(-1, 0, 0, 0)));
    }

    [Fact]
    public void Read_ThousandsOfCycles_DoNotAllocate()
    {
        var driver = new ScriptedForceTorqueDriver();
        var sensor = new ForceTorqueSensor(driver, new ForceTorqueSensorOptions { LowPassCutoffHz = 20, Payload = new ToolPayload(1, 0, 0, 0.1) });
        var w = new Wrench();
        var pose = SensorOrientation.AboutX(0.5);
        void Cycle(int i)
        {
            if (i % 3 != 0) driver.Push(i % 7, 1, 2, 0.1, 0.2, 0.3);
            if (i % 500 == 0) sensor.RequestTare();
            sensor.Read(ref w, pose);
        }
        for (int i = 0; i < 100; i++) Cycle(i);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10_000; i++) Cycle(i);
        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }

    private static void PushWeightPlusOffset(ScriptedForceTorqueDriver driver, ToolPayload payload, SensorOrientation pose, double[] offset)
    {
        var weight = WeightWrench(payload, pose);
        driver.Push(weight[0] + offset[0], weight[1] + offset[1], weight[2] + offset[2], weight[3] + offset[3], weight[4] + offset[4], weight[5] + offset[5]);
    }

    /// <summary>The tool's weight as the sensor sees it, computed independently: F = m Rᵀ (0,0,−g), T = c × F.</summary>
    private static double[] WeightWrench(ToolPayload p, SensorOrientation r)
    {
        double fx = r.M20 * -G * p.MassKg, fy = r.M21 * -G * p.MassKg, fz = r.M22 * -G * p.MassKg;
        var c = (X: p.CentreOfMassXM, Y: p.CentreOfMassYM, Z: p.CentreOfMassZM);
        return [fx, fy, fz, c.Y * fz - c.Z * fy, c.Z * fx - c.X * fz, c.X * fy - c.Y * fx];
    }

    private static SensorOrientation Multiply(SensorOrientation a, SensorOrientation b) => new(
        a.M00 * b.M00 + a.M01 * b.M10 + a.M02 * b.M20, a.M00 * b.M01 + a.M01 * b.M11 + a.M02 * b.M21, a.M00 * b.M02 + a.M01 * b.M12 + a.M02 * b.M22,
        a.M10 * b.M00 + a.M11 * b.M10 + a.M12 * b.M20, a.M10 * b.M01 + a.M11 * b.M11 + a.M12 * b.M21, a.M10 * b.M02 + a.M11 * b.M12 + a.M12 * b.M22,
        a.M20 * b.M00 + a.M21 * b.M10 + a.M22 * b.M20, a.M20 * b.M01 + a.M21 * b.M11 + a.M22 * b.M21, a.M20 * b.M02 + a.M21 * b.M12 + a.M22 * b.M22);

    private static void AssertNear(double fx, double fy, double fz, double tx, double ty, double tz, Wrench w)
    {
        Assert.Equal(fx, w.ForceXN, 9);
        Assert.Equal(fy, w.ForceYN, 9);
        Assert.Equal(fz, w.ForceZN, 9);
        Assert.Equal(tx, w.TorqueXNm, 9);
        Assert.Equal(ty, w.TorqueYNm, 9);
        Assert.Equal(tz, w.TorqueZNm, 9);
    }
}
