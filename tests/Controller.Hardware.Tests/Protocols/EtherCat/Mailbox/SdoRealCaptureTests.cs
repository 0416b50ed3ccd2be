using System.Text;
using Controller.Hardware.Protocols.EtherCat.Mailbox;

namespace Controller.Hardware.Tests.Protocols.EtherCat.Mailbox;

public class SdoRealCaptureTests
{
    private static byte[] Encode(Func<byte[], int> write)
    {
        var buffer = new byte[128];
        return buffer[..write(buffer)];
    }

    private static void AssertEncodes(CaptureMailboxes.Exchange written, Func<byte[], int> write)
    {
        Assert.True(written.Written);
        var expected = written.Mailbox[..(6 + (written.Mailbox[0] | written.Mailbox[1] << 8))];
        Assert.Equal(expected, Encode(write));
    }

    [Fact]
    public void Sdo_El3004MailboxCapture_EncodesRequestsByteExactAndDecodesReplies()
    {
        var x = CaptureMailboxes.Read("replay-ek1914-el3004-mailbox");
        Assert.Equal(6, x.Count);

        AssertEncodes(x[0], b => SdoWriter.UploadRequest(b, 1, 0x100A, 0));
        Assert.Equal(MailboxDecodeError.None, SdoReader.TryDecode(x[1].Mailbox, out var version));
        Assert.Equal((SdoFrameKind.UploadExpeditedResponse, (ushort)0x100A, (byte)0, (byte)1), (version.Kind, version.Index, version.SubIndex, version.Header.Counter));
        Assert.Equal("08", Encoding.ASCII.GetString(version.Data)); // software version string, 2 of 4 bytes used

        AssertEncodes(x[2], b => SdoWriter.ExpeditedDownloadRequest(b, 2, 0xF008, 0, [1, 0, 0, 0]));
        Assert.Equal(MailboxDecodeError.None, SdoReader.TryDecode(x[3].Mailbox, out var ack));
        Assert.Equal((SdoFrameKind.DownloadResponse, (ushort)0xF008, (byte)2), (ack.Kind, ack.Index, ack.Header.Counter));

        AssertEncodes(x[4], b => SdoWriter.UploadRequest(b, 3, 0xF008, 0));
        Assert.Equal(MailboxDecodeError.None, SdoReader.TryDecode(x[5].Mailbox, out var value));
        Assert.Equal(SdoFrameKind.UploadExpeditedResponse, value.Kind);
        Assert.Equal([1, 0, 0, 0], value.Data.ToArray());
    }

    [Fact]
    public void Sdo_Ek1914DeviceNameCapture_DecodesNormalUploadResponse()
    {
        var x = CaptureMailboxes.Read("replay-ek1914-segmented-upload");
        AssertEncodes(x[0], b => SdoWriter.UploadRequest(b, 1, 0x1008, 0));
        Assert.Equal(MailboxDecodeError.None, SdoReader.TryDecode(x[1].Mailbox, out var name));
        Assert.Equal(SdoFrameKind.UploadNormalResponse, name.Kind);
        Assert.Equal(6u, name.CompleteSize);
        Assert.Equal("EK1914", Encoding.ASCII.GetString(name.Data));
    }

    [Fact]
    public void Sdo_El3004ConfigureCapture_PdoAssignmentWritesAndReadsMatch()
    {
        var x = CaptureMailboxes.Read("replay-ek1914-el3004-configure");
        // Clear 0x1C12 and 0x1C13, assign four TxPDOs 0x1A00, 0x1A02, 0x1A04, 0x1A06, set the count, read it back.
        AssertEncodes(x[0], b => SdoWriter.ExpeditedDownloadRequest(b, 1, 0x1C12, 0, [0]));
        AssertEncodes(x[2], b => SdoWriter.ExpeditedDownloadRequest(b, 2, 0x1C13, 0, [0]));
        AssertEncodes(x[4], b => SdoWriter.ExpeditedDownloadRequest(b, 3, 0x1C13, 1, [0x00, 0x1A]));
        AssertEncodes(x[12], b => SdoWriter.ExpeditedDownloadRequest(b, 7, 0x1C13, 0, [4]));
        AssertEncodes(x[14], b => SdoWriter.UploadRequest(b, 1, 0x1C13, 1)); // the counter wraps 7 -> 1
        var readBack = new List<int>();
        foreach (var reply in x.Skip(15).Where(e => !e.Written))
        {
            Assert.Equal(MailboxDecodeError.None, SdoReader.TryDecode(reply.Mailbox, out var f));
            readBack.Add(f.Data.Length == 2 ? f.Data[0] | f.Data[1] << 8 : f.Data[0]);
        }
        Assert.Equal([0x1A00, 0x1A02, 0x1A04, 0x1A06, 4], readBack);
    }

    [Theory]
    [InlineData("replay-ek1914-el3004-mailbox")]
    [InlineData("replay-ek1914-segmented-upload")]
    [InlineData("replay-ek1914-el3004-configure")]
    public void DecodeThenEncode_EveryRealMailbox_ReproducesItsBytes(string capture)
    {
        foreach (var e in CaptureMailboxes.Read(capture))
        {
            Assert.Equal(MailboxDecodeError.None, SdoReader.TryDecode(e.Mailbox, out var f));
            int length = 6 + f.Header.Length;
            var again = new byte[256];
            int written = SdoRoundTrip.Reencode(f, again);
            Assert.Equal(length, written);
            // Beckhoff slaves echo the request's data in a download response's 4 reserved bytes; we send zeros there.
            int compared = f.Kind == SdoFrameKind.DownloadResponse ? SdoLayout.ValueOffset : length;
            Assert.True(e.Mailbox.AsSpan(0, compared).SequenceEqual(again.AsSpan(0, compared)), $"{capture} frame {e.Frame}");
        }
    }
}
