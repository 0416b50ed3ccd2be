using System.Buffers.Binary;
using Controller.Hardware.Devices.EtherCat;
using Controller.Hardware.Protocols.Cia402;
using Controller.Hardware.Simulation;
using Controller.Hardware.Simulation.EtherCat;
using Controller.Hardware.Tests.Simulation.EtherCat;
using FsCheck;
using FsCheck.Fluent;

namespace Controller.Hardware.Tests.Devices.EtherCat;

public class PdoAssignmentPropertyTests
{
    [Fact]
    public void PdoEntryMapping_EncodeDecode_IsIdentity()
    {
        Prop.ForAll(Gen.Choose(0, int.MaxValue - 1).ToArbitrary(), seed =>
        {
            var random = new Random(seed);
            var entry = new PdoEntryMapping((ushort)random.Next(0x10000), (byte)random.Next(256), (byte)random.Next(256));
            uint raw = (uint)random.NextInt64(0, 1L << 32);
            return PdoEntryMapping.FromMappingValue(entry.ToMappingValue()) == entry && PdoEntryMapping.FromMappingValue(raw).ToMappingValue() == raw;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void FromCoe_SlaveWithGarbledAssignmentAndMappingObjects_ReturnsWhatItHoldsOrThrowsEtherCatException()
    {
        var drive = new SimulatedCia402Drive(new IndependentJointPlant(1), 0, new Cia402Scaling(131072, 10, 1.0));
        using var bench = new SimulatedBench(drive.Slave);
        var group = new EtherCatGroup(bench.Port, bench.MasterTransport, EtherCatDiscovery.Discover(bench.Port));
        group.ToPreOp();
        var client = group.Mailbox(0x1000);
        var sii = group.Slaves[0].Sii;
        var od = drive.Dictionary;

        Prop.ForAll(Gen.Choose(0, int.MaxValue - 1).ToArbitrary(), seed =>
        {
            var random = new Random(seed);
            ushort assignment = random.Next(2) == 0 ? (ushort)0x1C12 : (ushort)0x1C13;
            ushort pdo = (ushort)((assignment == 0x1C12 ? 0x1600 : 0x1A00) + random.Next(4));
            switch (random.Next(4))
            {
                case 0: od.Set(assignment, 0, [(byte)random.Next(256)]); break;
                case 1: od.Set(assignment, (byte)random.Next(1, 5), U16(random.Next(2) == 0 ? pdo : (ushort)random.Next(0x10000))); break;
                case 2: od.Set(pdo, 0, [(byte)random.Next(256)]); break;
                default: od.Set(pdo, (byte)random.Next(1, 9), U32((uint)random.NextInt64(0, 1L << 32))); break;
            }
            try
            {
                var result = PdoAssignment.FromCoe(client, sii);
                // What came back is what the dictionary holds.
                return result.All(sm => sm.Pdos.All(p => p.Entries.Select((e, k) =>
                    e.ToMappingValue() == BinaryPrimitives.ReadUInt32LittleEndian(od.Get(p.Index, (byte)(k + 1)))).All(x => x)));
            }
            catch (EtherCatException)
            {
                return true;
            }
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(15)); // each case is a few dozen SDO exchanges
    }

    private static byte[] U16(ushort value) => [(byte)value, (byte)(value >> 8)];

    private static byte[] U32(uint value)
    {
        var b = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(b, value);
        return b;
    }
}
