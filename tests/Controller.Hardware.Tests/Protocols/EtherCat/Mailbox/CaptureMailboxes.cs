using Controller.Hardware.Protocols.EtherCat;

namespace Controller.Hardware.Tests.Protocols.EtherCat.Mailbox;

/// <summary>Mailbox contents the master wrote (FPWR to SM0 at 0x1000) and read back (FPRD of SM1, working counter 1) in a capture.</summary>
internal static class CaptureMailboxes
{
    public sealed record Exchange(int Frame, bool Written, byte[] Mailbox);

    public static List<Exchange> Read(string capture)
    {
        var list = new List<Exchange>();
        foreach (var packet in EtherCatTestData.Packets(capture))
        {
            var frame = packet.Data.Span;
            if (!EtherCatTestData.IsEtherCat(frame))
                continue;
            bool reply = (frame[6] & 0x02) != 0;
            EtherCatFrameReader.TryCreate(frame, out var reader);
            while (reader.TryReadNext(out var d))
            {
                if (!reply && d.Command == EtherCatCommand.Fpwr && d.Ado == 0x1000 && d.Data.Length >= 16)
                    list.Add(new Exchange(packet.Number, true, d.Data.ToArray()));
                else if (reply && d.Command == EtherCatCommand.Fprd && d.Ado is 0x1080 or 0x1100 && d.WorkingCounter == 1 && d.Data.Length >= 16)
                    list.Add(new Exchange(packet.Number, false, d.Data.ToArray()));
            }
        }
        return list;
    }
}
