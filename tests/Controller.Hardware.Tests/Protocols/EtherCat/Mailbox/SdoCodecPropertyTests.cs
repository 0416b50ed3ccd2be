using Controller.Hardware.Protocols.EtherCat.Mailbox;
using FsCheck;
using FsCheck.Fluent;

namespace Controller.Hardware.Tests.Protocols.EtherCat.Mailbox;

public class SdoCodecPropertyTests
{
    private static readonly Arbitrary<int> Seeds = Gen.Choose(0, int.MaxValue - 1).ToArbitrary();

    private static readonly byte[][] RealMailboxes =
        new[] { "replay-ek1914-el3004-mailbox", "replay-ek1914-segmented-upload", "replay-ek1914-el3004-configure" }
            .SelectMany(CaptureMailboxes.Read).Select(e => e.Mailbox).ToArray();

    /// <summary>Writes a random message, decodes it, and checks every field the writer was given.</summary>
    private static bool RoundTrips(int seed)
    {
        var rng = new Random(seed);
        var buffer = new byte[1024];
        byte counter = (byte)rng.Next(8);
        ushort index = (ushort)rng.Next(65536);
        byte sub = (byte)rng.Next(256);
        bool flag = rng.Next(2) == 0;
        bool last = rng.Next(2) == 0;
        var data = new byte[rng.Next(1, 5)];
        rng.NextBytes(data);
        var large = new byte[rng.Next(0, 500)];
        rng.NextBytes(large);
        uint abort = (uint)rng.NextInt64(1L << 32);
        int kind = rng.Next(11);
        int written = kind switch
        {
            0 => SdoWriter.UploadRequest(buffer, counter, index, sub, flag),
            1 => SdoWriter.ExpeditedUploadResponse(buffer, counter, index, sub, data),
            2 => SdoWriter.NormalUploadResponse(buffer, counter, index, sub, (uint)(large.Length + rng.Next(100)), large),
            3 => SdoWriter.UploadSegmentRequest(buffer, counter, flag),
            4 => SdoWriter.UploadSegmentResponse(buffer, counter, flag, last, large),
            5 => SdoWriter.ExpeditedDownloadRequest(buffer, counter, index, sub, data, flag),
            6 => SdoWriter.NormalDownloadRequest(buffer, counter, index, sub, (uint)large.Length, large, flag),
            7 => SdoWriter.DownloadResponse(buffer, counter, index, sub),
            8 => SdoWriter.DownloadSegmentRequest(buffer, counter, flag, last, large),
            9 => SdoWriter.DownloadSegmentResponse(buffer, counter, flag),
            _ => SdoWriter.Abort(buffer, counter, CoeService.SdoRequest, index, sub, abort),
        };
        if (SdoReader.TryDecode(buffer.AsSpan(0, written), out var f) != MailboxDecodeError.None || f.Header.Counter != counter)
            return false;
        return kind switch
        {
            0 => f.Kind == SdoFrameKind.UploadRequest && f.Index == index && f.SubIndex == sub && f.CompleteAccess == flag,
            1 => f.Kind == SdoFrameKind.UploadExpeditedResponse && f.Index == index && f.Data.SequenceEqual(data),
            2 => f.Kind == SdoFrameKind.UploadNormalResponse && f.Data.SequenceEqual(large) && f.CompleteSize >= large.Length,
            3 => f.Kind == SdoFrameKind.UploadSegmentRequest && f.Toggle == flag,
            4 => f.Kind == SdoFrameKind.UploadSegmentResponse && f.Toggle == flag && f.LastSegment == last && f.Data.SequenceEqual(large),
            5 => f.Kind == SdoFrameKind.DownloadExpeditedRequest && f.SubIndex == sub && f.CompleteAccess == flag && f.Data.SequenceEqual(data),
            6 => f.Kind == SdoFrameKind.DownloadNormalRequest && f.CompleteSize == large.Length && f.Data.SequenceEqual(large),
            7 => f.Kind == SdoFrameKind.DownloadResponse && f.Index == index && f.SubIndex == sub,
            8 => f.Kind == SdoFrameKind.DownloadSegmentRequest && f.Toggle == flag && f.LastSegment == last && f.Data.SequenceEqual(large),
            9 => f.Kind == SdoFrameKind.DownloadSegmentResponse && f.Toggle == flag,
            _ => f.Kind == SdoFrameKind.Abort && f.AbortCode == abort && f.Index == index,
        };
    }

    private static bool DecodesOrReturnsError(byte[] mailbox)
    {
        var error = SdoReader.TryDecode(mailbox, out var f);
        if (error != MailboxDecodeError.None)
            return Enum.IsDefined(error);
        return Enum.IsDefined(f.Kind) && f.Data.Length <= mailbox.Length && 6 + f.Header.Length <= mailbox.Length;
    }

    [Fact]
    public void WriteThenDecode_RandomSdoMessages_RoundTrip() => Prop.ForAll(Seeds, RoundTrips).QuickCheckThrowOnFailure();

    [Fact]
    public void TryDecode_RandomBytes_ReturnsValueNeverThrows() => Prop.ForAll(Seeds, seed =>
    {
        var rng = new Random(seed);
        var mailbox = new byte[rng.Next(0, 40)];
        rng.NextBytes(mailbox);
        if (mailbox.Length > 8 && rng.Next(2) == 0)
        {
            mailbox[0] = (byte)rng.Next(mailbox.Length - 5);
            mailbox[1] = 0;
            mailbox[5] = (byte)((mailbox[5] & 0xF0) | 3);
            mailbox[7] = (byte)(rng.Next(2, 4) << 4);
        }
        return DecodesOrReturnsError(mailbox);
    }).QuickCheckThrowOnFailure();

    [Fact]
    public void TryDecode_MutatedRealMailboxes_ReturnsValueNeverThrows() => Prop.ForAll(Seeds, seed =>
    {
        var rng = new Random(seed);
        var mailbox = (byte[])RealMailboxes[rng.Next(RealMailboxes.Length)].Clone();
        for (int i = rng.Next(1, 4); i > 0 && mailbox.Length > 0; i--)
        {
            int at = rng.Next(Math.Min(mailbox.Length, 24));
            if (rng.Next(5) == 0) mailbox = mailbox[..at];
            else mailbox[at] = (byte)rng.Next(256);
        }
        return DecodesOrReturnsError(mailbox);
    }).QuickCheckThrowOnFailure();

    [Theory]
    [InlineData(new byte[] { 1, 2, 3 }, MailboxDecodeError.TooShort)]
    [InlineData(new byte[] { 10, 0, 0, 0, 0, 0x13, 0, 0x20 }, MailboxDecodeError.LengthExceedsBuffer)]
    [InlineData(new byte[] { 2, 0, 0, 0, 0, 0x14, 0, 0x20 }, MailboxDecodeError.NotCoe)]
    [InlineData(new byte[] { 2, 0, 0, 0, 0, 0x13, 0, 0x10 }, MailboxDecodeError.UnsupportedCoeService)]
    [InlineData(new byte[] { 3, 0, 0, 0, 0, 0x13, 0, 0x20, 0x40 }, MailboxDecodeError.SdoTruncated)]
    [InlineData(new byte[] { 10, 0, 0, 0, 0, 0x13, 0, 0x20, 0xE0, 0, 0, 0, 0, 0, 0, 0 }, MailboxDecodeError.UnknownCommandSpecifier)]
    [InlineData(new byte[] { 12, 0, 0, 0, 0, 0x13, 0, 0x30, 0x41, 0, 0x10, 0, 1, 0, 0, 0, 7, 7 }, MailboxDecodeError.InconsistentSize)]
    public void TryDecode_MalformedMailbox_NamesTheProblem(byte[] mailbox, MailboxDecodeError expected) =>
        Assert.Equal(expected, SdoReader.TryDecode(mailbox, out _));

    [Fact]
    public void Describe_AbortCode_NamesIt()
    {
        Assert.Equal("0x06020000 ObjectDoesNotExist", SdoAbortCodes.Describe(0x06020000));
        Assert.Equal("0x06090011 SubIndexDoesNotExist", SdoAbortCodes.Describe(0x06090011));
        Assert.Equal("0x12345678 unknown", SdoAbortCodes.Describe(0x12345678));
    }

    [Fact]
    public void NextCounter_FromZero_Cycles1To7()
    {
        byte c = 0;
        var seen = new List<int>();
        for (int i = 0; i < 9; i++) seen.Add(c = MailboxHeader.NextCounter(c));
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 1, 2], seen);
    }
}
