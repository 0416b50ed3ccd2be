using System.Text;
using Controller.Hardware.Protocols.EtherCat.Mailbox;
using Controller.Hardware.Simulation.EtherCat;
using Controller.Hardware.Tests.Protocols.EtherCat.Mailbox;
using FsCheck;
using FsCheck.Fluent;

namespace Controller.Hardware.Tests.Simulation.EtherCat;

public class SdoServerTests
{
    private static (CoeObjectDictionary, SdoServer) Server(int mailboxBytes)
    {
        var od = new CoeObjectDictionary();
        od.Add(0x1008, 0, Encoding.ASCII.GetBytes("EK1914"), CoeAccess.ReadOnly, variableSize: true);
        od.Add(0x100A, 0, Encoding.ASCII.GetBytes("08"), CoeAccess.ReadOnly, variableSize: true);
        od.Add(0xF008, 0, [0, 0, 0, 0]);
        od.Add(0x6040, 0, [0, 0]);
        od.Add(0x2000, 0, new byte[300], variableSize: true);
        od.Add(0x2001, 0, [0], CoeAccess.WriteOnly);
        return (od, new SdoServer(od, mailboxBytes));
    }

    /// <summary>Runs an upload or download to completion over the server, counting exchanges.</summary>
    private static (SdoTransferStatus Status, int Exchanges) Run(SdoServer server, Func<byte[], byte, int> write, Func<byte[], SdoTransferStatus> accept, int mailboxBytes)
    {
        var request = new byte[mailboxBytes];
        var response = new byte[mailboxBytes];
        byte counter = 0;
        for (int exchanges = 1; exchanges < 1000; exchanges++)
        {
            counter = MailboxHeader.NextCounter(counter);
            write(request, counter);
            Assert.True(server.Handle(request, response) > 0);
            var status = accept(response);
            if (status != SdoTransferStatus.InProgress)
                return (status, exchanges);
        }
        throw new InvalidOperationException("transfer did not finish");
    }

    private static (SdoTransferStatus, int, byte[]) Upload(SdoServer server, ushort index, byte sub, int mailboxBytes, out uint abort)
    {
        var upload = new SdoUpload(index, sub);
        var (status, exchanges) = Run(server, (b, c) => upload.WriteRequest(b, c), r => upload.Accept(r), mailboxBytes);
        abort = upload.AbortCode;
        return (status, exchanges, upload.Data);
    }

    private static (SdoTransferStatus, int) Download(SdoServer server, ushort index, byte sub, byte[] data, int mailboxBytes, out uint abort)
    {
        var download = new SdoDownload(index, sub, data, mailboxBytes);
        var result = Run(server, (b, c) => download.WriteRequest(b, c), r => download.Accept(r), mailboxBytes);
        abort = download.AbortCode;
        return result;
    }

    [Fact]
    public void Upload_ShortString_ExpeditedInOneExchange()
    {
        var (_, server) = Server(128);
        var (status, exchanges, data) = Upload(server, 0x100A, 0, 128, out _);
        Assert.Equal((SdoTransferStatus.Completed, 1, "08"), (status, exchanges, Encoding.ASCII.GetString(data)));
    }

    [Fact]
    public void Upload_300BytesThrough32ByteMailbox_SegmentedWithAlternatingToggle()
    {
        var (od, server) = Server(32);
        var pattern = Enumerable.Range(0, 300).Select(i => (byte)i).ToArray();
        od.Set(0x2000, 0, pattern);
        var (status, exchanges, data) = Upload(server, 0x2000, 0, 32, out _);
        Assert.Equal(SdoTransferStatus.Completed, status);
        Assert.Equal(pattern, data);
        Assert.Equal(1 + (int)Math.Ceiling((300 - 16) / 23.0), exchanges); // 16 bytes in the initiate, 23 per segment
    }

    [Fact]
    public void Download_300BytesThrough32ByteMailbox_StoresEveryByte()
    {
        var (od, server) = Server(32);
        var pattern = Enumerable.Range(0, 300).Select(i => (byte)(255 - i)).ToArray();
        var (status, _) = Download(server, 0x2000, 0, pattern, 32, out _);
        Assert.Equal(SdoTransferStatus.Completed, status);
        Assert.Equal(pattern, od.Get(0x2000, 0));
    }

    [Theory]
    [InlineData(0x7000, 0, SdoAbortCode.ObjectDoesNotExist)]
    [InlineData(0x6040, 5, SdoAbortCode.SubIndexDoesNotExist)]
    [InlineData(0x2001, 0, SdoAbortCode.WriteOnlyObject)]
    public void Upload_BadTarget_AbortsWithCode(ushort index, byte sub, SdoAbortCode code)
    {
        var (_, server) = Server(128);
        var (status, _, _) = Upload(server, index, sub, 128, out uint abort);
        Assert.Equal(SdoTransferStatus.Aborted, status);
        Assert.Equal((uint)code, abort);
    }

    [Theory]
    [InlineData(0x1008, new byte[] { 1 }, SdoAbortCode.ReadOnlyObject)]
    [InlineData(0x6040, new byte[] { 1, 2, 3 }, SdoAbortCode.LengthTooHigh)]
    [InlineData(0x6040, new byte[] { 1 }, SdoAbortCode.LengthTooLow)]
    public void Download_BadWrite_AbortsWithCode(ushort index, byte[] data, SdoAbortCode code)
    {
        var (_, server) = Server(128);
        var (status, _) = Download(server, index, 0, data, 128, out uint abort);
        Assert.Equal(SdoTransferStatus.Aborted, status);
        Assert.Equal((uint)code, abort);
    }

    [Fact]
    public void DownloadThenUpload_RandomSizesAndMailboxes_ReturnSameBytes() =>
        Prop.ForAll(Gen.Choose(0, int.MaxValue - 1).ToArbitrary(), seed =>
        {
            var rng = new Random(seed);
            int mailbox = rng.Next(16, 260);
            var (_, server) = Server(mailbox);
            var data = new byte[rng.Next(1, 700)];
            rng.NextBytes(data);
            var (down, _) = Download(server, 0x2000, 0, data, mailbox, out _);
            var (up, _, back) = Upload(server, 0x2000, 0, mailbox, out _);
            return down == SdoTransferStatus.Completed && up == SdoTransferStatus.Completed && back.AsSpan().SequenceEqual(data);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Upload_SegmentWithRepeatedToggle_IsProtocolErrorSuggestingToggleAbort()
    {
        var (od, server) = Server(32);
        od.Set(0x2000, 0, new byte[100]);
        var upload = new SdoUpload(0x2000, 0);
        var request = new byte[32];
        var response = new byte[32];
        upload.WriteRequest(request, 1);
        server.Handle(request, response);
        Assert.Equal(SdoTransferStatus.InProgress, upload.Accept(response));
        SdoWriter.UploadSegmentResponse(response, 2, toggle: true, last: false, new byte[23]);
        Assert.Equal(SdoTransferStatus.ProtocolError, upload.Accept(response));
        Assert.Equal((uint)SdoAbortCode.ToggleBitNotChanged, upload.SuggestedAbortCode);
    }

    [Fact]
    public void Handle_RealEl3004Requests_AnswersLikeTheRealSlave()
    {
        // Feed the master's requests from the real capture to the simulated server; its replies match the real
        // slave's bytes (the real slave also echoes written data into a download response's reserved bytes).
        var (od, server) = Server(128);
        var exchanges = CaptureMailboxes.Read("replay-ek1914-el3004-mailbox");
        var response = new byte[128];
        for (int i = 0; i < exchanges.Count; i += 2)
        {
            int length = server.Handle(exchanges[i].Mailbox, response);
            int compared = response[SdoLayout.CommandOffset] == 0x60 ? SdoLayout.ValueOffset : length;
            Assert.True(exchanges[i + 1].Mailbox.AsSpan(0, compared).SequenceEqual(response.AsSpan(0, compared)), $"exchange {i / 2}");
        }
        Assert.Equal([1, 0, 0, 0], od.Get(0xF008, 0));
    }

    [Fact]
    public void Handle_MutatedAndRandomRequests_AnswersOrIgnoresNeverThrows()
    {
        var real = CaptureMailboxes.Read("replay-ek1914-el3004-configure").Where(e => e.Written).Select(e => e.Mailbox).ToArray();
        Prop.ForAll(Gen.Choose(0, int.MaxValue - 1).ToArbitrary(), seed =>
        {
            var rng = new Random(seed);
            var (_, server) = Server(rng.Next(16, 200));
            var response = new byte[256];
            for (int step = 0; step < 5; step++)
            {
                byte[] request = (byte[])real[rng.Next(real.Length)].Clone();
                if (rng.Next(3) == 0)
                    rng.NextBytes(request.AsSpan(6, 10));
                else
                    request[rng.Next(5, 16)] = (byte)rng.Next(256);
                int n = server.Handle(request, response);
                if (n < 0 || n > response.Length)
                    return false;
            }
            return true;
        }).QuickCheckThrowOnFailure();
    }
}
