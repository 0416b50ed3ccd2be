using Controller.Hardware.Devices;
using Controller.Pipeline.Messages;
using FsCheck;
using FsCheck.Fluent;

namespace Controller.Hardware.Tests.Devices;

public class JointBusTests
{
    private static readonly JointCommand PositionCommand = new() { JointCount = 2, Mode = ControlMode.Position };

    [Fact]
    public void Activate_BeforeConfigure_ThrowsNamingTheStates()
    {
        var bus = new JointBus(new FakeJointBusDriver(), 0);

        var e = Assert.Throws<InvalidOperationException>(() => bus.Activate());

        Assert.Contains("cannot activate in state Unconfigured", e.Message);
        Assert.Contains("must be Configured", e.Message);
    }

    [Fact]
    public void Constructor_JointsBeyondMessageCapacity_Throws()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new JointBus(new FakeJointBusDriver(jointCount: 4), 62));
        Assert.Contains("[62, 66)", e.Message);
    }

    [Fact]
    public void Write_ThroughHandleWhileActive_ReachesDriverAtOffset()
    {
        var driver = new FakeJointBusDriver();
        var bus = new JointBus(driver, 3);
        bus.Configure();
        var writer = bus.Activate();

        Assert.Equal(BusStatus.Ok, writer.Write(PositionCommand));
        Assert.Equal(1, driver.Writes);
        Assert.Equal(["open", "enable"], driver.Calls);
    }

    [Fact]
    public void Write_AfterDeactivate_IsRefusedCountedAndNeverReachesDriver()
    {
        var driver = new FakeJointBusDriver();
        var bus = new JointBus(driver, 0);
        bus.Configure();
        var writer = bus.Activate();
        bus.Deactivate();

        Assert.False(writer.IsValid);
        Assert.Equal(BusStatus.NotActive, writer.Write(PositionCommand));
        Assert.Equal(0, driver.Writes);
        Assert.Equal(1, bus.RefusedWrites);
    }

    [Fact]
    public void Write_OldHandleAfterReactivation_StaysDeadWhileNewHandleWorks()
    {
        var driver = new FakeJointBusDriver();
        var bus = new JointBus(driver, 0);
        bus.Configure();
        var old = bus.Activate();
        bus.Deactivate();
        var fresh = bus.Activate();

        Assert.Equal(BusStatus.NotActive, old.Write(PositionCommand));
        Assert.Equal(BusStatus.Ok, fresh.Write(PositionCommand));
        Assert.Equal(1, driver.Writes);
    }

    [Fact]
    public void Write_UnsupportedMode_IsRefusedWithoutReachingDriver()
    {
        var driver = new FakeJointBusDriver(modes: ActuatorModes.Position);
        var bus = new JointBus(driver, 0);
        bus.Configure();
        var writer = bus.Activate();

        Assert.Equal(BusStatus.UnsupportedMode, writer.Write(new JointCommand { JointCount = 2, Mode = ControlMode.Impedance }));
        Assert.Equal(0, driver.Writes);
    }

    [Fact]
    public void Read_DeviceLost_FaultsInTheSameCycleThenRecoversWithoutRestart()
    {
        var driver = new FakeJointBusDriver();
        var bus = new JointBus(driver, 0);
        bus.Configure();
        var writer = bus.Activate();
        var state = default(JointState);
        driver.NextReadStatus = BusStatus.DeviceLost;

        Assert.Equal(BusStatus.DeviceLost, bus.Read(ref state));
        Assert.Equal(DeviceState.Faulted, bus.State);
        Assert.Equal(BusStatus.NotActive, writer.Write(PositionCommand));
        Assert.Equal(1, bus.Faults);
        Assert.Equal(BusStatus.DeviceLost, bus.LastFault);

        driver.NextReadStatus = BusStatus.Ok;
        bus.Recover();
        var again = bus.Activate();

        Assert.Equal(BusStatus.Ok, again.Write(PositionCommand));
        Assert.Equal(["open", "enable", "disable", "clear", "enable"], driver.Calls);
    }

    [Fact]
    public void Read_Timeout_IsCountedButDoesNotFault()
    {
        var driver = new FakeJointBusDriver { NextReadStatus = BusStatus.Timeout };
        var bus = new JointBus(driver, 0);
        bus.Configure();
        bus.Activate();
        var state = default(JointState);

        bus.Read(ref state);

        Assert.Equal(DeviceState.Active, bus.State);
        Assert.Equal(1, bus.Faults);
    }

    [Fact]
    public void Stop_FromAnyState_IsIdempotentAndClosesOnce()
    {
        var driver = new FakeJointBusDriver();
        var bus = new JointBus(driver, 0);
        bus.Configure();
        var writer = bus.Activate();
        bus.Stop();
        bus.Stop();

        Assert.Equal(DeviceState.Stopped, bus.State);
        Assert.Equal(BusStatus.NotActive, writer.Write(PositionCommand));
        Assert.Single(driver.Calls, "close");
        var state = default(JointState);
        Assert.Equal(BusStatus.NotActive, bus.Read(ref state));
    }

    [Fact]
    public void Deactivate_WhileAnotherThreadWrites_NoWriteReachesDriverAfterDrivesAreDisabled()
    {
        for (int round = 0; round < 200; round++)
        {
            var driver = new FakeJointBusDriver();
            var bus = new JointBus(driver, 0);
            bus.Configure();
            var writer = bus.Activate();
            using var started = new ManualResetEventSlim();
            var loop = new Thread(() =>
            {
                started.Set();
                for (int i = 0; i < 2_000; i++) writer.Write(PositionCommand);
            });
            loop.Start();
            started.Wait();
            bus.Deactivate();
            loop.Join();

            Assert.Equal(0, driver.WritesWhileDisabled);
            Assert.True(driver.Writes == 0 || driver.LastWriteTick < driver.LastDisableTick, $"round {round}: a write followed the disable");
        }
    }

    [Fact]
    public void WriteAndRead_HundredThousandCycles_AllocateNothing()
    {
        var bus = new JointBus(new FakeJointBusDriver(), 0);
        bus.Configure();
        var writer = bus.Activate();
        var state = default(JointState);
        writer.Write(PositionCommand);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100_000; i++)
        {
            bus.Read(ref state);
            writer.Write(PositionCommand);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Operations_AnySequence_DriverIsWrittenOnlyBetweenEnableAndDisable()
    {
        // 0 configure, 1 activate, 2 deactivate, 3 recover, 4 stop, 5 write with newest handle, 6 write with first handle, 7 lost device
        Prop.ForAll(Gen.ListOf(Gen.Choose(0, 7)).ToArbitrary(), ops =>
        {
            var driver = new FakeJointBusDriver();
            var bus = new JointBus(driver, 0);
            JointBusWriter? first = null, newest = null;
            var state = default(JointState);
            bool violated = false;
            void WriteWith(JointBusWriter? writer)
            {
                if (writer is null) return;
                long before = driver.Writes;
                var status = writer.Write(PositionCommand);
                bool reached = driver.Writes != before;
                // A write reaches the driver exactly when it succeeds, and only in Active.
                if (reached != (status == BusStatus.Ok) || (reached && bus.State != DeviceState.Active)) violated = true;
            }
            foreach (var op in ops)
            {
                try
                {
                    switch (op)
                    {
                        case 0: bus.Configure(); break;
                        case 1: newest = bus.Activate(); first ??= newest; break;
                        case 2: bus.Deactivate(); break;
                        case 3: bus.Recover(); break;
                        case 4: bus.Stop(); break;
                        case 5: WriteWith(newest); break;
                        case 6: WriteWith(first); break;
                        case 7: driver.NextReadStatus = BusStatus.DeviceLost; bus.Read(ref state); driver.NextReadStatus = BusStatus.Ok; break;
                    }
                }
                catch (InvalidOperationException)
                {
                    // A transition the state does not allow: refused before touching the hardware.
                }
            }
            // Writes only while drives were enabled, and only in Active (checked by the fake's enabled flag).
            return !violated && driver.WritesWhileDisabled == 0 && (bus.State == DeviceState.Active || newest is null || !newest.IsValid);
        }).QuickCheckThrowOnFailure();
    }
}
