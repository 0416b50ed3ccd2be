using System.Globalization;
using Controller.Hardware.Protocols.EtherCat.Sii;

namespace Controller.Cli.EtherCat;

/// <summary>Writes what an SII image says in the spirit of SOEM's slaveinfo listing (identity, names, mailbox, SMs, FMMUs, PDOs, DC modes).</summary>
public static class SiiListing
{
    /// <summary>Writes the listing, each line prefixed with <paramref name="indent"/>.</summary>
    public static void Write(SiiImage sii, TextWriter output, string indent = " ")
    {
        var h = sii.Header;
        var g = sii.General;
        output.WriteLine($"{indent}Name: {g?.OrderNumber ?? "(no General category)"}{(string.IsNullOrEmpty(g?.Name) ? "" : $" ({g!.Name})")}");
        output.WriteLine($"{indent}Man: {h.Identity.VendorId:x8} ID: {h.Identity.ProductCode:x8} Rev: {h.Identity.RevisionNumber:x8} Serial: {h.Identity.SerialNumber}");
        if (!string.IsNullOrEmpty(g?.GroupName))
            output.WriteLine($"{indent}Group: {g.GroupName}");
        output.WriteLine($"{indent}Station alias: {h.ConfiguredStationAlias}  SII version: {h.Version}  EEPROM: {h.EepromSizeBytes} bytes  config CRC: {(h.ChecksumValid ? "ok" : "BAD")}");
        output.WriteLine($"{indent}MBX length wr: {h.StandardMailbox.ReceiveSize} rd: {h.StandardMailbox.SendSize} MBX protocols: {(ushort)h.MailboxProtocols:x2} ({h.MailboxProtocols})");
        if (g is not null)
        {
            output.WriteLine($"{indent}CoE details: {g.CoeDetails:x2} FoE details: {g.FoeDetails:x2} EoE details: {g.EoeDetails:x2} SoE channels: {g.SoeChannels:x2}");
            output.WriteLine($"{indent}Ebus current: {(int)Math.Round(g.EbusCurrentA * 1000)}[mA]  ports: {string.Join(".", Enumerable.Range(0, 4).Select(g.PortType))}");
        }
        int outputBits = sii.RxPdos.Sum(p => p.BitLength), inputBits = sii.TxPdos.Sum(p => p.BitLength);
        output.WriteLine($"{indent}Output size: {outputBits}bits  Input size: {inputBits}bits (all PDOs the SII lists)");
        for (int n = 0; n < sii.SyncManagers.Count; n++)
        {
            var sm = sii.SyncManagers[n];
            output.WriteLine($"{indent}SM{n} A:{sm.StartAddress:x4} L:{sm.Length,4} C:{sm.Control:x2} E:{sm.Enable:x2} Type:{(int)sm.Type} ({sm.Type})");
        }
        if (sii.Fmmus.Count > 0)
            output.WriteLine($"{indent}FMMUfunc {string.Join(" ", sii.Fmmus.Select((f, i) => $"{i}:{(int)f}"))} ({string.Join(", ", sii.Fmmus)})");
        foreach (var (kind, pdos) in new[] { ("RxPDO", sii.RxPdos), ("TxPDO", sii.TxPdos) })
            foreach (var pdo in pdos)
            {
                output.WriteLine($"{indent}{kind} 0x{pdo.Index:x4} SM{pdo.SyncManager} {pdo.BitLength} bits \"{pdo.Name}\"");
                foreach (var e in pdo.Entries)
                    output.WriteLine($"{indent}  0x{e.Index:x4}:{e.SubIndex:x2} {e.BitLength,2} bits type 0x{e.DataType:x2} \"{e.Name}\"");
            }
        foreach (var mode in sii.DcOperationModes)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{indent}DC mode \"{mode.Name}\": AssignActivate 0x{mode.AssignActivate:x4} cycle0 {mode.CycleTime0Ns} ns shift0 {mode.ShiftTime0Ns} ns"));
        output.WriteLine($"{indent}Categories: {string.Join(", ", sii.Categories.Select(c => $"{(Enum.IsDefined((SiiCategoryType)c.Type) ? ((SiiCategoryType)c.Type).ToString() : $"0x{c.Type:x4}")} ({c.Data.Length} B)"))}");
    }
}
