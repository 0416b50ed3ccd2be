using Controller.Hardware.Devices;
using Controller.Hardware.Devices.Mit;
using Controller.Hardware.Protocols.Mit;
using Controller.Hardware.Simulation;
using Controller.Hardware.Simulation.Can;
using Controller.Pipeline.Messages;
using Controller.Pipeline.Time;

namespace Controller.Hardware.Tests.Devices.Mit;

/// <summary>
/// <see cref="MitBusOptions.ReplyTimeoutNs"/>: a read that comes right after the write (a loop that overran) waits for
/// the replies still on their way instead of counting them missing, and allocates nothing doing so. The twins run on
/// their own host thread, as in the runtime; timing is not asserted beyond the generous reply timeout.
/// </summary>
public sealed class MitReplyTimeoutTests
{
    [Fact]
    public void Read_ImmediatelyAfterWrite_WaitsForTheRepliesAndAllocatesNothing()
    {
        var plant = new IndependentJointPlant(3, inertiaKgM2: 0.01, dampingNmsPerRad: 0.05);
        using var host = new CanTwinHost(plant, MonotonicClock.Instance, periodNs: 250_000);
        for (byte id = 1; id <= 3; id++) host.AddMitActuator(id, MitActuatorModel.CubeMarsAk80_9, id - 1);
        var channel = host.AddNode("driver");
        host.Start();
        var configs = Enumerable.Range(1, 3).Select(i => new MitActuatorConfig((byte)i, MitActuatorModel.CubeMarsAk80_9)).ToArray();
        var driver = new MitGroupDriver("arm", channel, configs, MonotonicClock.Instance, new MitBusOptions { ReplyTimeoutNs = 500_000_000 });
        var bus = new JointBus(driver, 0);
        bus.Configure();
        var writer = bus.Activate();
        var state = new JointState { JointCount = 3 };
        var hold = new JointCommand { JointCount = 3, Mode = ControlMode.Hold };

        // Read back to back with the write: the host thread has had no tick in between, so without the wait every
        // reply would be missing.
        for (int i = 0; i < 50; i++)
        {
            writer.Write(hold);
            Assert.Equal(BusStatus.Ok, bus.Read(ref state));
        }
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 2000; i++)
        {
            writer.Write(hold);
            bus.Read(ref state);
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        bus.Stop();

        Assert.Equal(0, allocated);
        Assert.Equal(0, bus.Faults);
        Assert.Equal(0b111UL, state.FreshMask);
    }

    [Fact]
    public void Constructor_NegativeReplyTimeout_ThrowsNamingTheOption()
    {
        var plant = new IndependentJointPlant(1, inertiaKgM2: 0.01, dampingNmsPerRad: 0.05);
        using var host = new CanTwinHost(plant, MonotonicClock.Instance);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new MitGroupDriver("arm", host.AddNode("driver"),
            [new MitActuatorConfig(1, MitActuatorModel.CubeMarsAk80_9)], MonotonicClock.Instance, new MitBusOptions { ReplyTimeoutNs = -1 }));
        Assert.Contains("ReplyTimeoutNs", ex.Message);
    }
}
