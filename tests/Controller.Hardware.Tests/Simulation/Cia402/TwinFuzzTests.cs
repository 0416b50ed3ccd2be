using Controller.Hardware.Protocols.CanOpen;
using Controller.Hardware.Protocols.Cia402;
using Controller.Hardware.Protocols.Mit;
using Controller.Hardware.Simulation;
using Controller.Hardware.Simulation.Cia402;
using Controller.Hardware.Simulation.Mit;
using Controller.Hardware.Transports.Can;
using FsCheck;
using FsCheck.Fluent;

namespace Controller.Hardware.Tests.Simulation.Cia402;

/// <summary>Twins decode external bytes too (SDO, PDO, NMT, MIT commands): random frames must never break them.</summary>
public class TwinFuzzTests
{
    private static CanFrame RandomFrame(Random rng, byte node)
    {
        uint[] interesting = [0x000, 0x080, 0x200u + node, 0x300u + node, 0x600u + node, node, 0x7FF];
        uint id = rng.Next(2) == 0 ? interesting[rng.Next(interesting.Length)] : (uint)rng.Next(0x800);
        var bytes = new byte[rng.Next(0, 9)];
        rng.NextBytes(bytes);
        if (id == 0x000 && rng.Next(2) == 0) bytes = [(byte)rng.Next(256), node];
        return CanFrame.Create(id, bytes);
    }

    [Fact]
    public void Cia402Twin_RandomFrames_NeverThrowAndStayInAValidState()
    {
        Prop.ForAll(Gen.Choose(0, int.MaxValue - 1).ToArbitrary(), seed =>
        {
            var rng = new Random(seed);
            using var bus = new VirtualCanBus();
            var master = bus.AddNode("m");
            var plant = new IndependentJointPlant(1);
            var twin = new Cia402DriveTwin(bus.AddNode("d"), 5, plant, 0, new Cia402Scaling(4096, 1, 1));
            master.TrySend(Nmt.Command(NmtCommand.StartRemoteNode, 5));
            for (int i = 0; i < 40; i++)
            {
                master.TrySend(RandomFrame(rng, 5));
                bus.Deliver(i);
                twin.Step(i * 1_000_000L);
                plant.Step(0.001);
                while (master.TryReceive(out _)) { }
            }
            return twin.StateMachine.State != Cia402State.Unknown && double.IsFinite(twin.AppliedTorqueNm);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void MitTwin_RandomFrames_NeverThrow()
    {
        Prop.ForAll(Gen.Choose(0, int.MaxValue - 1).ToArbitrary(), seed =>
        {
            var rng = new Random(seed);
            using var bus = new VirtualCanBus();
            var master = bus.AddNode("m");
            var plant = new IndependentJointPlant(1);
            var model = MitActuatorModel.All[rng.Next(MitActuatorModel.All.Count)];
            var twin = new MitActuatorTwin(bus.AddNode("a"), 4, model, plant, 0);
            for (int i = 0; i < 40; i++)
            {
                master.TrySend(RandomFrame(rng, 4));
                bus.Deliver(i);
                twin.Step(i);
                plant.Step(0.001);
                while (master.TryReceive(out _)) { }
            }
            return Math.Abs(twin.AppliedTorqueNm) <= model.TorqueMaxNm;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void ControlwordDecode_RandomPairs_AlwaysACommand() =>
        Prop.ForAll(Gen.Choose(0, 0xFFFF).Two().ToArbitrary(), pair =>
            Enum.IsDefined(Cia402Controlword.Decode((ushort)pair.Item1, (ushort)pair.Item2))).QuickCheckThrowOnFailure();
}
