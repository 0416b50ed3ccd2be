using System.Globalization;
using Controller.Hardware.Protocols.EtherCat;

namespace Controller.Hardware.Tests.Protocols.EtherCat;

/// <summary>
/// Every EtherCAT frame of every real capture decodes, and its fields equal what Wireshark's dissector saw
/// (the .tshark.tsv files were produced once with `tshark -r F -Y ecat -T fields -e frame.number -e ecat.cmd
/// -e ecat.idx -e ecat.adp -e ecat.ado -e ecat.lad -e ecat.cnt`, TShark 4.0.17; the test does not need tshark).
/// </summary>
public class RealCaptureFrameTests
{
    public static TheoryData<string> Captures => new(EtherCatTestData.Captures);

    private sealed record Decoded(List<int> Commands, List<int> Indices, List<int> Adps, List<int> Ados, List<uint> Logical, List<int> Counters);

    private static Decoded Decode(ReadOnlySpan<byte> frame, string where)
    {
        var error = EtherCatFrameReader.TryCreate(frame, out var reader);
        Assert.True(error == EtherCatDecodeError.None, $"{where}: {error}");
        var result = new Decoded([], [], [], [], [], []);
        int consumed = 0;
        while (reader.TryReadNext(out var d))
        {
            result.Commands.Add((int)d.Command);
            result.Indices.Add(d.Index);
            if (d.Command.Addressing() == EtherCatAddressing.Logical)
                result.Logical.Add(d.Address);
            else
            {
                result.Adps.Add(d.Adp);
                result.Ados.Add(d.Ado);
            }
            result.Counters.Add(d.WorkingCounter);
            consumed += EtherCatFrameLayout.DatagramOverheadBytes + d.Data.Length;
        }
        Assert.True(reader.Error == EtherCatDecodeError.None, $"{where}: {reader.Error} at {reader.ErrorOffset}");
        Assert.Equal(reader.PayloadLength, consumed);
        Assert.True(reader.FirstDatagramOffset + reader.PayloadLength <= frame.Length, where);
        return result;
    }

    private static List<int> Ints(string column) => column.Length == 0 ? [] : column.Split(',')
        .Select(v => v.StartsWith("0x") ? int.Parse(v[2..], NumberStyles.HexNumber) : int.Parse(v)).ToList();

    [Theory]
    [MemberData(nameof(Captures))]
    public void Decode_EveryEtherCatFrame_MatchesWiresharkDissector(string capture)
    {
        var expected = File.ReadAllLines(EtherCatTestData.CapturePath(capture + ".tshark.tsv"))
            .Select(l => l.Split('\t')).ToDictionary(c => int.Parse(c[0]));
        int frames = 0;
        foreach (var packet in EtherCatTestData.Packets(capture))
        {
            if (!EtherCatTestData.IsEtherCat(packet.Data.Span))
                continue;
            string where = $"{capture} frame {packet.Number}";
            var d = Decode(packet.Data.Span, where);
            var t = expected[packet.Number];
            Assert.True(Ints(t[1]).SequenceEqual(d.Commands), where);
            Assert.True(Ints(t[2]).SequenceEqual(d.Indices), where);
            Assert.True(Ints(t[3]).SequenceEqual(d.Adps), where);
            Assert.True(Ints(t[4]).SequenceEqual(d.Ados), where);
            // tshark prints ecat.lad once per frame (the first logical datagram's address).
            if (t[5].Length > 0)
                Assert.Equal(uint.Parse(t[5].Split(',')[0][2..], NumberStyles.HexNumber), d.Logical[0]);
            Assert.True(Ints(t[6]).SequenceEqual(d.Counters), where);
            frames++;
        }
        Assert.Equal(expected.Count, frames);
    }

    [Theory]
    [MemberData(nameof(Captures))]
    public void Check_EveryRealReply_MatchesItsRequestByIndexCommandAddressAndLength(string capture)
    {
        // Slaves set bit 1 of the first source octet on frames they forward back to the master.
        var requests = new Dictionary<byte, DatagramRequest>();
        int matched = 0;
        foreach (var packet in EtherCatTestData.Packets(capture))
        {
            var frame = packet.Data.Span;
            if (!EtherCatTestData.IsEtherCat(frame))
                continue;
            bool isReply = (frame[6] & 0x02) != 0;
            EtherCatFrameReader.TryCreate(frame, out var reader);
            while (reader.TryReadNext(out var d))
            {
                if (!isReply)
                {
                    requests[d.Index] = new DatagramRequest(d.Command, d.Address, (ushort)d.Data.Length, d.WorkingCounter);
                    continue;
                }
                var status = DatagramIndexTable.Check(requests[d.Index], d, out _);
                Assert.True(status is ReplyStatus.Ok or ReplyStatus.WorkingCounterMismatch, $"{capture} frame {packet.Number}: {status}");
                matched++;
            }
        }
        Assert.True(matched > 200, $"{capture}: only {matched} replies");
    }
}
