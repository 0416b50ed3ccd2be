using System.Buffers.Binary;
using System.Globalization;
using System.Text.RegularExpressions;
using Controller.Hardware.Devices.EtherCat;
using Controller.Hardware.Protocols.EtherCat;
using Controller.Hardware.Protocols.EtherCat.Esc;
using Controller.Hardware.Protocols.EtherCat.Sii;
using Controller.Hardware.Tests.Protocols.EtherCat;
using FsCheck;
using FsCheck.Fluent;

namespace Controller.Hardware.Tests.Devices.EtherCat;

public class ProcessImageLayoutTests
{
    private static SiiImage Sii(string file) => SiiParser.Parse(File.ReadAllBytes(EtherCatTestData.EepromPath(file)));

    private static ProcessImageLayout PlanFromSii(params string[] files) =>
        ProcessImageLayout.Plan(files.Select((f, i) => new SlaveProcessData((ushort)(0x1000 + i), PdoAssignment.FromSii(Sii(f)), Sii(f).Fmmus)).ToArray());

    /// <summary>SOEM's slaveinfo listing of EK1100 + 2 x EL2004: per slave, the SM and FMMU lines and the sizes.</summary>
    private static IReadOnlyList<(int OutputBits, List<string> Sm, List<string> Fmmu)> SoemListing()
    {
        var text = File.ReadAllText(EtherCatTestData.CapturePath("soem-sdinfo-2-el2004.txt"));
        return Regex.Split(text, @"\r?\nSlave:\d+").Skip(1).Select(block => (
            int.Parse(Regex.Match(block, @"Output size: (\d+)bits").Groups[1].Value, CultureInfo.InvariantCulture),
            Regex.Matches(block, @"^ SM\d.*$", RegexOptions.Multiline).Select(m => m.Value.Trim()).ToList(),
            Regex.Matches(block, @"^ FMMU\d .*$", RegexOptions.Multiline).Select(m => m.Value.Trim()).ToList())).ToList();
    }

    /// <summary>The SM and FMMU lines as SOEM prints them (its flags word: control, status, activate byte from the SII).</summary>
    internal static (List<string> Sm, List<string> Fmmu) AsSoemPrints(SlaveProcessImage slave, SiiImage sii) => (
        slave.SyncManagers.Select(sm => $"SM{sm.SyncManager} A:{sm.StartAddress:x4} L:{sm.LengthBytes,4} F:{sii.SyncManagers[sm.SyncManager].Enable:x4}00{sm.Control:x2} Type:{(int)sii.SyncManagers[sm.SyncManager].Type}").ToList(),
        slave.Fmmus.Select(f => $"FMMU{f.Fmmu} Ls:{f.LogicalStart:x8} Ll:{f.LengthBytes,4} Lsb:{f.LogicalStartBit} Leb:{f.LogicalEndBit} Ps:{f.PhysicalStart:x4} Psb:{f.PhysicalStartBit} Ty:{f.Type:x2} Act:01").ToList());

    [Fact]
    public void Plan_CouplerAndTwoEl2004FromSii_MatchesSoemSlaveinfoListing()
    {
        var layout = PlanFromSii("ek1100-eeprom-dump.bin", "el2004-eeprom-dump.bin", "el2004-eeprom-dump.bin");
        var soem = SoemListing();

        Assert.Equal(3, soem.Count);
        for (int i = 0; i < 3; i++)
        {
            var sii = Sii(i == 0 ? "ek1100-eeprom-dump.bin" : "el2004-eeprom-dump.bin");
            var (sm, fmmu) = AsSoemPrints(layout.Slaves[i], sii);
            Assert.Equal(soem[i].OutputBits, layout.Slaves[i].OutputBits);
            Assert.Equal(soem[i].Sm, sm);
            Assert.Equal(soem[i].Fmmu, fmmu);
        }
        Assert.Equal(4, layout.ExpectedWorkingCounter); // "Calculated workcounter 4"
        Assert.Equal((1, 1), (layout.OutputBytes, layout.ImageBytes));
    }

    [Fact]
    public void Plan_CouplerEl2828El2889_WritesTheRegistersTheRealMasterWrote()
    {
        // ethercrab's capture of this very line: the FPWRs of SM and FMMU registers it sent before SAFE-OP.
        var written = new Dictionary<(ushort Station, ushort Register), string>();
        foreach (var packet in EtherCatTestData.Packets("replay-ek1100-el2828-el2889"))
        {
            var frame = packet.Data.Span;
            if (!EtherCatTestData.IsEtherCat(frame) || (frame[6] & 0x02) != 0
                || EtherCatFrameReader.TryCreate(frame, out var reader) != EtherCatDecodeError.None)
                continue;
            while (reader.TryReadNext(out var d))
                if (d.Command == EtherCatCommand.Fpwr && d.Ado is >= EscRegister.Fmmu0 and < 0x0700 or >= EscRegister.SyncManager0 and < 0x0880)
                    written[(d.Adp, d.Ado)] = Convert.ToHexString(d.Data);
        }
        var layout = PlanFromSii("ek1100.hex", "el2828.hex", "el2889.hex");

        var ours = new Dictionary<(ushort Station, ushort Register), string>();
        Span<byte> registers = stackalloc byte[16];
        foreach (var slave in layout.Slaves)
        {
            foreach (var sm in slave.SyncManagers)
            {
                ProcessImageRegisters.EncodeSyncManager(sm, registers);
                ours[(slave.StationAddress, EscRegister.SyncManager(sm.SyncManager))] = Convert.ToHexString(registers[..8]);
            }
            foreach (var fmmu in slave.Fmmus)
            {
                fmmu.Encode(registers);
                ours[(slave.StationAddress, EscRegister.Fmmu(fmmu.Fmmu))] = Convert.ToHexString(registers);
            }
        }
        Assert.Equal(6, written.Count); // EL2828: SM0 + FMMU0; EL2889: SM0, SM1 + FMMU0, FMMU1
        Assert.Equal(written.OrderBy(k => k.Key).ToList(), ours.OrderBy(k => k.Key).ToList());
        Assert.Equal((3, 3, 4), (layout.OutputBytes, layout.ImageBytes, (int)layout.ExpectedWorkingCounter));
    }

    [Fact]
    public void Plan_OutputsAndInputs_InputsFollowOutputsAndCounterCountsBoth()
    {
        var outputs = new SyncManagerAssignment(2, true, 0x1100, 0x64, [new PdoMapping(0x1600, [new(0x6040, 0, 16), new(0x607A, 0, 32)])]);
        var inputs = new SyncManagerAssignment(3, false, 0x1180, 0x20, [new PdoMapping(0x1A00, [new(0x6041, 0, 16), new(0x6064, 0, 32)])]);
        SiiFmmuUsage[] usages = [SiiFmmuUsage.Outputs, SiiFmmuUsage.Inputs, SiiFmmuUsage.SyncManagerStatus];
        var layout = ProcessImageLayout.Plan([new SlaveProcessData(0x1000, [outputs, inputs], usages), new SlaveProcessData(0x1001, [outputs, inputs], usages)], logicalStart: 0x10000);

        Assert.Equal((12, 24), (layout.OutputBytes, layout.ImageBytes));
        Assert.Equal(6, layout.ExpectedWorkingCounter);
        var second = layout.Slaves[1];
        Assert.Equal((48, 144), (second.OutputBitOffset, second.InputBitOffset));
        Assert.Equal(8 * 8, second.BitOffsetOf(true, 0x607A, 0));
        Assert.Equal(144 + 16, second.BitOffsetOf(false, 0x6064, 0));
        Assert.Equal(-1, second.BitOffsetOf(false, 0x607A, 0));
        Assert.Equal([new FmmuSetting(0, 0x10006, 6, 0, 7, 0x1100, 0, true), new FmmuSetting(1, 0x10012, 6, 0, 7, 0x1180, 0, false)], second.Fmmus);
    }

    [Fact]
    public void Plan_RandomSlaves_FmmusCoverEachSlavesBitsExactlyAndNeverOverlap()
    {
        Prop.ForAll(Gen.Choose(0, int.MaxValue - 1).ToArbitrary(), seed =>
        {
            var random = new Random(seed);
            var slaves = Enumerable.Range(0, random.Next(1, 12)).Select(i =>
            {
                var sms = new List<SyncManagerAssignment>();
                int n = 0;
                foreach (bool output in new[] { true, false })
                    for (int k = random.Next(0, 3); k > 0; k--, n++)
                    {
                        int bits = random.Next(0, 3) == 0 ? random.Next(1, 8) : 8 * random.Next(1, 20);
                        sms.Add(new SyncManagerAssignment(n, output, (ushort)(0x1000 + 0x100 * n), 0x24, [new PdoMapping(0x1600, [new(0x7000, 1, (byte)bits)])]));
                    }
                return new SlaveProcessData((ushort)(0x1000 + i), sms, []);
            }).ToArray();
            var layout = ProcessImageLayout.Plan(slaves);

            var owner = new int[layout.ImageBytes * 8];
            for (int s = 0; s < slaves.Length; s++)
            {
                int covered = 0;
                foreach (var f in layout.Slaves[s].Fmmus)
                {
                    int first = (int)f.LogicalStart * 8 + f.LogicalStartBit, last = ((int)f.LogicalStart + f.LengthBytes - 1) * 8 + f.LogicalEndBit;
                    for (int bit = first; bit <= last; bit++)
                    {
                        if (owner[bit] != 0) return false;
                        owner[bit] = s + 1;
                        covered++;
                        if (f.IsOutput != bit < layout.OutputBytes * 8) return false;
                    }
                }
                if (covered != layout.Slaves[s].OutputBits + layout.Slaves[s].InputBits) return false;
                if (layout.Slaves[s].Fmmus.Select(f => f.Fmmu).Distinct().Count() != layout.Slaves[s].Fmmus.Count) return false;
            }
            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void FmmuSetting_Encode_PutsEachFieldAtItsRegister()
    {
        Span<byte> r = stackalloc byte[16];
        new FmmuSetting(1, 0x12345678, 3, 4, 2, 0x1180, 0, false).Encode(r);
        Assert.Equal((0x12345678u, (ushort)3, (byte)4, (byte)2, (ushort)0x1180, (byte)0x01, (byte)0x01),
            (BinaryPrimitives.ReadUInt32LittleEndian(r), BinaryPrimitives.ReadUInt16LittleEndian(r[4..]), r[6], r[7], BinaryPrimitives.ReadUInt16LittleEndian(r[8..]), r[11], r[12]));
    }
}
