using Controller.Hardware.Protocols.CanOpen;
using Controller.Hardware.Protocols.Cia402;
using Controller.Hardware.Simulation;
using Controller.Hardware.Simulation.Cia402;
using Controller.Hardware.Transports.Can;
using Controller.Pipeline.Time;

namespace Controller.Hardware.Tests.Simulation.Cia402;

public sealed class Cia402DriveTwinTests : IDisposable
{
    private static readonly Cia402Scaling Scaling = new(4096, 1, 0.5);
    private readonly VirtualCanBus _bus = new();
    private readonly VirtualCanNode _master;
    private readonly Cia402DriveTwin _twin;
    private readonly ManualClock _clock = new();
    private readonly BlockingSdoClient _sdo;

    public Cia402DriveTwinTests()
    {
        _master = _bus.AddNode("master");
        _twin = new Cia402DriveTwin(_bus.AddNode("drive"), 7, new IndependentJointPlant(1), 0, Scaling, new Cia402TwinOptions { DeviceName = "Twin drive X7" });
        _sdo = new BlockingSdoClient(_master, _clock) { WhileWaiting = Tick };
    }

    private void Tick()
    {
        _bus.Deliver(_clock.NowNs);
        _twin.Step(_clock.NowNs);
        _bus.Deliver(_clock.NowNs);
        _clock.Advance(1_000_000);
    }

    private List<CanFrame> Received()
    {
        var frames = new List<CanFrame>();
        while (_master.TryReceive(out var f)) frames.Add(f);
        return frames;
    }

    [Fact]
    public void FirstStep_SendsBootUp()
    {
        Tick();
        Assert.Contains(Received(), f => f.ToString() == "707#00");
    }

    [Fact]
    public void Sdo_SegmentedDeviceNameAndIdentity_OverTheBus()
    {
        Assert.Equal("Twin drive X7", _sdo.ReadString(7, 0x1008, 0));
        Assert.Equal(0x0002_0192u, _sdo.ReadUInt32(7, 0x1000, 0));
        Assert.Equal(4u, _sdo.ReadUInt32(7, 0x1018, 0));
    }

    [Fact]
    public void Sdo_ReadOnlyAndMissingObjects_AbortByName()
    {
        var ex = Assert.Throws<SdoException>(() => _sdo.WriteUInt16(7, Cia402Objects.Statusword, 0, 1));
        Assert.Equal(SdoAbortCode.WriteOfReadOnly, ex.AbortCode);
        Assert.Contains("attempt to write a read only object", ex.Message);
        Assert.Equal(SdoAbortCode.ObjectDoesNotExist, Assert.Throws<SdoException>(() => _sdo.Upload(7, 0x2345, 0)).AbortCode);
        Assert.Equal(SdoAbortCode.SubIndexDoesNotExist, Assert.Throws<SdoException>(() => _sdo.Upload(7, 0x1018, 9)).AbortCode);
    }

    [Fact]
    public void Mapping_WhilePdoValid_IsRefused()
    {
        var ex = Assert.Throws<SdoException>(() => _sdo.WriteUInt8(7, 0x1A00, 0, 0));
        Assert.Equal(SdoAbortCode.DataCannotBeStoredDeviceState, ex.AbortCode);
    }

    [Fact]
    public void Mapping_TooLong_IsRefusedWithPdoLengthExceeded()
    {
        _sdo.WriteUInt32(7, 0x1800, 1, 0x8000_0187);
        _sdo.WriteUInt8(7, 0x1A00, 0, 0);
        _sdo.WriteUInt32(7, 0x1A00, 1, 0x6064_0020);
        _sdo.WriteUInt32(7, 0x1A00, 2, 0x606C_0020);
        _sdo.WriteUInt32(7, 0x1A00, 3, 0x6041_0010);
        Assert.Equal(SdoAbortCode.PdoLengthExceeded, Assert.Throws<SdoException>(() => _sdo.WriteUInt8(7, 0x1A00, 0, 3)).AbortCode);
        Assert.Equal(SdoAbortCode.ObjectCannotBeMapped, Assert.Throws<SdoException>(() => _sdo.WriteUInt32(7, 0x1A00, 1, 0x1008_0020)).AbortCode);
    }

    [Fact]
    public void InjectFault_SendsEmcyAndReportsFaultInStatusword()
    {
        Tick();
        Received();
        _twin.InjectFault(0x4210);
        Tick();
        Tick();
        var emcy = Assert.Single(Received(), f => f.Id == 0x87);
        Assert.True(EmergencyMessage.TryDecode(emcy, out var message));
        Assert.Equal("excess temperature device", message.Description);
        Assert.Equal(Cia402State.Fault, Cia402Statusword.DecodeState((ushort)_sdo.ReadUInt32(7, Cia402Objects.Statusword, 0)));
    }

    [Fact]
    public void HeartbeatTime_WrittenOverSdo_StartsHeartbeats()
    {
        _sdo.WriteUInt16(7, 0x1017, 0, 10);
        Received();
        for (int i = 0; i < 30; i++) Tick();
        Assert.InRange(Received().Count(f => f.Id == 0x707), 2, 4);
    }

    [Fact]
    public void Nmt_StartThenSync_SendsTpdos()
    {
        _master.TrySend(Nmt.Command(NmtCommand.StartRemoteNode, 7));
        Tick();
        _master.TrySend(Sync.Create());
        Tick();
        var frames = Received();
        Assert.Contains(frames, f => f.Id == 0x187 && f.Length == 8);
        Assert.Contains(frames, f => f.Id == 0x287 && f.Length == 8);
        Assert.Equal(NmtState.Operational, _twin.NmtState);
    }

    public void Dispose() => _bus.Dispose();
}
