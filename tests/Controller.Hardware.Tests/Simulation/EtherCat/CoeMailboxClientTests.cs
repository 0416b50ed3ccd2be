using System.Text;
using Controller.Hardware.Devices.EtherCat;
using Controller.Hardware.Protocols.EtherCat.Esc;
using Controller.Hardware.Protocols.EtherCat.Mailbox;

namespace Controller.Hardware.Tests.Simulation.EtherCat;

public class CoeMailboxClientTests
{
    private static CoeMailboxClient PreOp(SimulatedBench bench)
    {
        var slave = EtherCatDiscovery.Discover(bench.Port).Single();
        var client = new CoeMailboxClient(bench.Port, slave.StationAddress, slave.Sii.Header.StandardMailbox);
        client.ConfigureSyncManagers();
        AlStateControl.RequestState(bench.Port, slave.StationAddress, AlState.PreOp);
        return client;
    }

    [Fact]
    public void UploadDownload_OverSimulatedMailbox_ExpeditedAndSegmented()
    {
        var (slave, od) = SimulatedBench.CoeSlave(mailboxBytes: 32);
        using var bench = new SimulatedBench(slave);
        var client = PreOp(bench);

        Assert.Equal("Simulated CoE drive with a long device name that needs segments", Encoding.ASCII.GetString(client.Upload(0x1008, 0)));
        client.Download(0x607A, 0, BitConverter.GetBytes(123456));
        Assert.Equal(123456, BitConverter.ToInt32(od.Get(0x607A, 0)));
        Assert.Equal(123456, BitConverter.ToInt32(client.Upload(0x607A, 0)));
    }

    [Fact]
    public void Upload_MissingObject_ThrowsAbortNamingCode()
    {
        var (slave, _) = SimulatedBench.CoeSlave();
        using var bench = new SimulatedBench(slave);
        var client = PreOp(bench);
        var ex = Assert.Throws<SdoAbortException>(() => client.Upload(0x2222, 0));
        Assert.Equal((uint)SdoAbortCode.ObjectDoesNotExist, ex.AbortCode);
        Assert.Contains("0x06020000 ObjectDoesNotExist", ex.Message);
    }

    [Fact]
    public void RequestState_PreOpWithoutMailboxSyncManagers_RefusedWithInvalidMailboxConfiguration()
    {
        var (slave, _) = SimulatedBench.CoeSlave();
        using var bench = new SimulatedBench(slave);
        var found = EtherCatDiscovery.Discover(bench.Port).Single();
        var ex = Assert.Throws<EtherCatException>(() => AlStateControl.RequestState(bench.Port, found.StationAddress, AlState.PreOp));
        Assert.Contains("0x0016 InvalidMailboxConfigurationPreOp", ex.Message);
    }
}
