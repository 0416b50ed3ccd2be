using System.Globalization;
using System.Text.RegularExpressions;
using Controller.Hardware.Protocols.EtherCat.Sii;

namespace Controller.Hardware.Tests.Protocols.EtherCat.Sii;

public class SiiParserRealEepromTests
{
    private static SiiImage Load(string file) => SiiParser.Parse(File.ReadAllBytes(EtherCatTestData.EepromPath(file)));

    [Theory]
    [InlineData("ek1100-eeprom-dump.bin", 0x044C2C52u, 0x00120000u, "EK1100", "EK1100 EtherCAT-Koppler (2A E-Bus)", "SystemBk", 1)]
    [InlineData("ek1100.hex", 0x044C2C52u, 0x00120000u, "EK1100", "EK1100 EtherCAT-Koppler (2A E-Bus)", "SystemBk", 1)]
    [InlineData("el2004-eeprom-dump.bin", 0x07D43052u, 0x00100000u, "EL2004", "EL2004 4K. Dig. Ausgang 24V, 0.5A", "DigOut", 3)]
    [InlineData("el2262.bin", 0x08D63052u, 0x00030000u, "EL2262", "EL2262 2K. Dig. Ausgang 24V, 1µs, DC Oversample", "DigOut", 3)]
    [InlineData("el2828.hex", 0x0B0C3052u, 0x00110000u, "EL2828", "EL2828 8K. Dig. Ausgang 24V, 2A", "DigOut", 3)]
    [InlineData("el2889.hex", 0x0B493052u, 0x00110000u, "EL2889", "EL2889 16K. Dig. Ausgang 24V, 0.5A, negativ", "DigOut", 3)]
    public void Parse_RealBeckhoffEeprom_HasIdentityAndNames(string file, uint product, uint revision, string order, string name, string group, int port0Type)
    {
        var sii = Load(file);
        Assert.Equal(2u, sii.Header.Identity.VendorId);
        Assert.Equal(product, sii.Header.Identity.ProductCode);
        Assert.Equal(revision, sii.Header.Identity.RevisionNumber);
        Assert.True(sii.Header.ChecksumValid);
        Assert.Equal(2048, sii.Header.EepromSizeBytes);
        Assert.Equal(1, sii.Header.Version);
        Assert.Equal(MailboxProtocols.None, sii.Header.MailboxProtocols);
        Assert.False(sii.Header.StandardMailbox.IsPresent);
        Assert.NotNull(sii.General);
        Assert.Equal(order, sii.General.OrderNumber);
        Assert.Equal(name, sii.General.Name);
        Assert.Equal(group, sii.General.GroupName);
        Assert.Equal(port0Type, sii.General.PortType(0)); // 1 = MII (the coupler's RJ45), 3 = E-bus
    }

    [Fact]
    public void Parse_El2889_SixteenOutputsOverTwoSyncManagers()
    {
        var sii = Load("el2889.hex");
        Assert.Equal([new SiiSyncManager(0x0F00, 1, 0x44, 0, 0x09, SyncManagerType.Outputs), new SiiSyncManager(0x0F01, 1, 0x44, 0, 0x09, SyncManagerType.Outputs)],
            sii.SyncManagers);
        Assert.Equal(16, sii.RxPdos.Count);
        Assert.Empty(sii.TxPdos);
        Assert.Equal(8, sii.OutputBits(0));
        Assert.Equal(8, sii.OutputBits(1));
        var last = sii.RxPdos[^1];
        Assert.Equal(0x160F, last.Index);
        Assert.Equal("Channel 16", last.Name);
        Assert.Equal(new SiiPdoEntry(0x70F0, 1, "Output", 1, 1, 0), last.Entries.Single());
    }

    [Fact]
    public void Parse_El2262_DecodesDcModesTxPdoAndRawCategories()
    {
        var sii = Load("el2262.bin");
        Assert.Equal([SiiFmmuUsage.Outputs, SiiFmmuUsage.Outputs, SiiFmmuUsage.Inputs, SiiFmmuUsage.NotUsed], sii.Fmmus);
        Assert.Equal(3, sii.SyncManagers.Count);
        Assert.Equal(new SiiSyncManager(0x0998, 0, 0, 0, 0x04, SyncManagerType.Inputs), sii.SyncManagers[2]);
        Assert.Equal(["DcSync", "DcSync2", "DcSync_1", "DcSync2_1"], sii.DcOperationModes.Select(m => m.Name));
        Assert.All(sii.DcOperationModes, m => Assert.Equal(0x0730, m.AssignActivate));
        Assert.Equal([-1, -8, -1, -8], sii.DcOperationModes.Select(m => (int)m.Sync0CycleFactor));
        var tx = sii.TxPdos.Single();
        Assert.Equal((0x1702, 2, "StartTimeNextOutput", 32), (tx.Index, tx.SyncManager, tx.Name, tx.BitLength));
        Assert.Contains(sii.Categories, c => c.Type == 1);   // device-specific, kept raw
        Assert.Contains(sii.Categories, c => c.Type == (ushort)SiiCategoryType.FmmuExtension);
        Assert.Equal(20, sii.RxPdos.Count);
        Assert.Equal("", sii.RxPdos.First(p => p.Name == "Gap").Entries[0].Name);
    }

    [Fact]
    public void Parse_Ek1100AndEl2004_MatchSoemSlaveinfoListing()
    {
        // The listing covers EK1100 + 2 x EL2004; both EL2004 blocks describe the same EEPROM.
        var listing = File.ReadAllText(EtherCatTestData.CapturePath("soem-sdinfo-2-el2004.txt"));
        var blocks = Regex.Split(listing, @"\r?\nSlave:\d+\r?\n").Skip(1).ToArray();
        Assert.Equal(3, blocks.Length);
        CheckAgainstListing(Load("ek1100-eeprom-dump.bin"), blocks[0]);
        CheckAgainstListing(Load("el2004-eeprom-dump.bin"), blocks[1]);
        CheckAgainstListing(Load("el2004-eeprom-dump.bin"), blocks[2]);
    }

    private static string Field(string block, string pattern) => Regex.Match(block, pattern).Groups[1].Value;

    private static uint Hex(string s) => uint.Parse(s, NumberStyles.HexNumber);

    private static void CheckAgainstListing(SiiImage sii, string block)
    {
        Assert.Equal(Field(block, @"Name:(\S+)"), sii.General!.OrderNumber);
        Assert.Equal(Hex(Field(block, @"Man: ([0-9a-f]+)")), sii.Header.Identity.VendorId);
        Assert.Equal(Hex(Field(block, @"ID: ([0-9a-f]+)")), sii.Header.Identity.ProductCode);
        Assert.Equal(Hex(Field(block, @"Rev: ([0-9a-f]+)")), sii.Header.Identity.RevisionNumber);
        Assert.Equal(int.Parse(Field(block, @"Ebus current: (-?\d+)\[mA\]")), (int)Math.Round(sii.General.EbusCurrentA * 1000));
        Assert.Equal(Hex(Field(block, @"MBX protocols : ([0-9a-f]+)")), (uint)sii.Header.MailboxProtocols);
        Assert.Equal(int.Parse(Field(block, @"Output size: (\d+)bits")), sii.SyncManagers.Select((_, i) => sii.OutputBits(i)).Sum());
        Assert.Equal(int.Parse(Field(block, @"Input size: (\d+)bits")), sii.SyncManagers.Select((_, i) => sii.InputBits(i)).Sum());

        // "FMMUfunc 0:1 1:0 2:0 3:0": SOEM shows 0 for unused (0xFF in the EEPROM).
        var functions = Regex.Matches(Field(block, @"FMMUfunc ([^\r\n]+)"), @"(\d):(\d+)").Select(m => int.Parse(m.Groups[2].Value)).ToArray();
        for (int i = 0; i < functions.Length; i++)
            Assert.Equal(functions[i], i < sii.Fmmus.Count && sii.Fmmus[i] != SiiFmmuUsage.NotUsed ? (int)sii.Fmmus[i] : 0);

        // "SM0 A:0f00 L:   1 F:00090044 Type:3": length from the PDOs (the SII says 0), flags = control | status << 8 | enable << 16.
        var sms = Regex.Matches(block, @"SM(\d) A:([0-9a-f]+) L:\s*(\d+) F:([0-9a-f]+) Type:(\d)");
        Assert.Equal(sms.Count, sii.SyncManagers.Count);
        foreach (Match m in sms)
        {
            int n = int.Parse(m.Groups[1].Value);
            var sm = sii.SyncManagers[n];
            Assert.Equal(Hex(m.Groups[2].Value), sm.StartAddress);
            Assert.Equal(int.Parse(m.Groups[3].Value), (sii.OutputBits(n) + sii.InputBits(n) + 7) / 8);
            Assert.Equal(Hex(m.Groups[4].Value), (uint)(sm.Control | sm.Status << 8 | sm.Enable << 16));
            Assert.Equal(int.Parse(m.Groups[5].Value), (int)sm.Type);
        }
    }
}
