using Controller.Hardware.Devices;
using Controller.Hardware.Devices.Cia402;
using Controller.Hardware.Devices.EtherCat;
using Controller.Hardware.Protocols.EtherCat.Esc;
using Controller.Hardware.Tests.Support;
using Controller.Hardware.Tests.Transports.Ethernet;
using Controller.Hardware.Transports.Ethernet;
using Controller.Pipeline.Messages;

namespace Controller.Hardware.Tests.Devices.Cia402;

/// <summary>The same driver and simulated drives as the in-process tests, with real frames over a veth pair in a fresh network namespace (root only; skipped otherwise).</summary>
public class Cia402EtherCatOverVethTests
{
    [RootFact]
    public void Cycle_TwoDrivesBehindVeth_FollowPositionWithoutAllocatingAndRecoverFromSafeOp()
    {
        using var veth = new VethNamespace();
        using var master = RawEthernetSocket.Open(veth.EndA, networkNamespace: veth.Namespace);
        using var slaves = RawEthernetSocket.Open(veth.EndB, networkNamespace: veth.Namespace);
        using var rig = new Cia402EtherCatRig(2, new Cia402EtherCatOptions(), (master, slaves));
        var writer = rig.Start();
        var command = Cia402EtherCatRig.Command(2, ControlMode.Position, 0.25);

        long allocated = SteadyState.AllocatedBytes(i => rig.Cycle(writer, command, out _), measured: 2000);

        Assert.Equal(0, allocated);
        Assert.InRange(rig.State.Position[0], 0.24, 0.26);
        Assert.Equal(0, rig.JointBus.Faults);

        rig.Drives[1].Slave.Fail(AlState.SafeOp, AlStatusCode.SyncManagerWatchdog);
        for (int i = 0; i < 3; i++) rig.Cycle(writer, command, out _);
        Assert.Equal(DeviceState.Faulted, rig.JointBus.State);
        rig.JointBus.Recover();
        var again = rig.JointBus.Activate();
        for (int i = 0; i < 200; i++) rig.Cycle(again, command, out _);
        Assert.Equal(DeviceState.Active, rig.JointBus.State);
        Assert.InRange(rig.State.Position[1], 0.24, 0.26);
    }

    [RootFact]
    public void Cycle_DcOnBehindVeth_Sync0LatchesEveryCycleAndNothingAllocates()
    {
        using var veth = new VethNamespace();
        using var master = RawEthernetSocket.Open(veth.EndA, networkNamespace: veth.Namespace);
        using var slaves = RawEthernetSocket.Open(veth.EndB, networkNamespace: veth.Namespace);
        var options = new Cia402EtherCatOptions
        {
            DistributedClocks = new EtherCatDcOptions { CycleTimeNs = 1_000_000, Sync0StartDelayNs = 3_000_000, DriftCompensationFrames = 200 },
        };
        using var rig = new Cia402EtherCatRig(2, options, (master, slaves), steppedTime: true);
        rig.Segment.Slaves[2].Dc.DriftPpm = 45;
        var writer = rig.Start();
        var command = Cia402EtherCatRig.Command(2, ControlMode.Position, 0.25);
        long latches = rig.Drives[1].Sync0Latches;

        long allocated = SteadyState.AllocatedBytes(i => rig.Cycle(writer, command, out _), measured: 1000);

        Assert.Equal(0, allocated);
        Assert.Equal(0, rig.JointBus.Faults);
        Assert.True(rig.Drives[1].DcSynchronous);
        Assert.True(rig.Drives[1].Sync0Latches - latches >= 1000);
        Assert.Equal(0, rig.Drives[1].SmEventsMissed);
        Assert.InRange(rig.State.Position[1], 0.24, 0.26);
    }
}
