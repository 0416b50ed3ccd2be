using Controller.Hardware.Protocols.EtherCat.Sii;
using Controller.Hardware.Simulation.EtherCat;
using FsCheck;
using FsCheck.Fluent;

namespace Controller.Hardware.Tests.Simulation.EtherCat;

public class SiiImageBuilderTests
{
    private static string Name(Random rng) => rng.Next(4) == 0 ? "" : new string(Enumerable.Range(0, rng.Next(1, 30)).Select(_ => (char)rng.Next(32, 127)).ToArray());

    private static SiiPdo Pdo(Random rng, ushort index) => new(index, (byte)rng.Next(4), 0, Name(rng), (ushort)rng.Next(65536),
        Enumerable.Range(0, rng.Next(0, 5)).Select(i => new SiiPdoEntry((ushort)rng.Next(65536), (byte)rng.Next(256), Name(rng),
            (byte)rng.Next(1, 10), (byte)rng.Next(1, 33), 0)).ToList());

    [Fact]
    public void BuildThenParse_RandomDescriptions_RoundTrip() =>
        Prop.ForAll(Gen.Choose(0, int.MaxValue - 1).ToArbitrary(), seed =>
        {
            var rng = new Random(seed);
            var builder = new SiiImageBuilder
            {
                Identity = new SlaveIdentity((uint)rng.NextInt64(1L << 32), (uint)rng.NextInt64(1L << 32), (uint)rng.NextInt64(1L << 32), (uint)rng.NextInt64(1L << 32)),
                StandardMailbox = new SiiMailbox(0x1000, (ushort)rng.Next(16, 512), 0x1400, (ushort)rng.Next(16, 512)),
                MailboxProtocols = (MailboxProtocols)rng.Next(64),
                OrderNumber = Name(rng),
                Name = Name(rng),
                GroupName = Name(rng),
                CoeDetails = (byte)rng.Next(256),
                Fmmus = Enumerable.Range(0, rng.Next(0, 4)).Select(_ => (SiiFmmuUsage)rng.Next(4)).ToList(),
                SyncManagers = Enumerable.Range(0, rng.Next(0, 5)).Select(_ => new SiiSyncManager((ushort)rng.Next(65536), (ushort)rng.Next(65536),
                    (byte)rng.Next(256), 0, (byte)rng.Next(16), (SyncManagerType)rng.Next(5))).ToList(),
                TxPdos = Enumerable.Range(0, rng.Next(0, 4)).Select(i => Pdo(rng, (ushort)(0x1A00 + i))).ToList(),
                RxPdos = Enumerable.Range(0, rng.Next(0, 4)).Select(i => Pdo(rng, (ushort)(0x1600 + i))).ToList(),
            };
            var sii = SiiParser.Parse(builder.Build(4096));
            return sii.Header.ChecksumValid
                && sii.Header.Identity == builder.Identity
                && sii.Header.StandardMailbox == builder.StandardMailbox
                && sii.Header.MailboxProtocols == builder.MailboxProtocols
                && sii.General!.OrderNumber == builder.OrderNumber && sii.General.Name == builder.Name && sii.General.GroupName == builder.GroupName
                && sii.General.CoeDetails == builder.CoeDetails
                && sii.Fmmus.Take(builder.Fmmus.Count).SequenceEqual(builder.Fmmus)
                && sii.Fmmus.Skip(builder.Fmmus.Count).All(f => f == SiiFmmuUsage.NotUsed) // the category is padded to a word
                && sii.SyncManagers.SequenceEqual(builder.SyncManagers)
                && Same(sii.TxPdos, builder.TxPdos) && Same(sii.RxPdos, builder.RxPdos);
        }).QuickCheckThrowOnFailure();

    private static bool Same(IReadOnlyList<SiiPdo> a, IReadOnlyList<SiiPdo> b) =>
        a.Count == b.Count && a.Zip(b).All(p => p.First.Index == p.Second.Index && p.First.Name == p.Second.Name
            && p.First.SyncManager == p.Second.SyncManager && p.First.Flags == p.Second.Flags && p.First.Entries.SequenceEqual(p.Second.Entries));

    [Fact]
    public void Build_TooSmallImage_ThrowsNamingSizes()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new SiiImageBuilder { Name = new string('x', 200) }.Build(256));
        Assert.Contains("256", ex.Message);
    }
}
