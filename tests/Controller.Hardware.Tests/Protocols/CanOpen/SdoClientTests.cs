using Controller.Hardware.Protocols.CanOpen;
using Controller.Hardware.Transports.Can;

namespace Controller.Hardware.Tests.Protocols.CanOpen;

public class SdoClientTests
{
    private static CanFrame Response(params byte[] bytes) => CanFrame.Create(0x585, bytes);

    private static string Hex(in CanFrame frame) => frame.ToString();

    [Fact]
    public void ExpeditedDownload_Controlword_IsByteExact()
    {
        var client = new SdoClient(5);
        var request = client.BeginDownload(0x6040, 0, [0x0F, 0x00], 0);
        Assert.Equal("605#2B4060000F000000", Hex(request));
        Assert.Equal(SdoProgress.Completed, client.OnFrame(Response(0x60, 0x40, 0x60, 0x00, 0, 0, 0, 0), 1, out _));
        Assert.Equal(SdoClientState.Completed, client.State);
    }

    [Fact]
    public void ExpeditedUpload_Statusword_IsByteExact()
    {
        var client = new SdoClient(5);
        Assert.Equal("605#4041600000000000", Hex(client.BeginUpload(0x6041, 0, 0)));
        Assert.Equal(SdoProgress.Completed, client.OnFrame(Response(0x4B, 0x41, 0x60, 0x00, 0x37, 0x06, 0, 0), 1, out _));
        Assert.Equal(new byte[] { 0x37, 0x06 }, client.UploadedData.ToArray());
    }

    [Fact]
    public void SegmentedUpload_DeviceName_IsByteExact()
    {
        var client = new SdoClient(5);
        Assert.Equal("605#4008100000000000", Hex(client.BeginUpload(0x1008, 0, 0)));
        Assert.Equal(SdoProgress.SendNext, client.OnFrame(Response(0x41, 0x08, 0x10, 0x00, 9, 0, 0, 0), 1, out var next));
        Assert.Equal("605#6000000000000000", Hex(next));
        Assert.Equal(SdoProgress.SendNext, client.OnFrame(Response(0x00, (byte)'R', (byte)'O', (byte)'B', (byte)'O', (byte)'T', (byte)'-', (byte)'D'), 2, out next));
        Assert.Equal("605#7000000000000000", Hex(next));
        Assert.Equal(SdoProgress.Completed, client.OnFrame(Response(0x1B, (byte)'R', (byte)'V', 0, 0, 0, 0, 0), 3, out _));
        Assert.Equal("ROBOT-DRV", System.Text.Encoding.ASCII.GetString(client.UploadedData));
    }

    [Fact]
    public void SegmentedDownload_NineBytes_IsByteExact()
    {
        var client = new SdoClient(5);
        byte[] data = [1, 2, 3, 4, 5, 6, 7, 8, 9];
        Assert.Equal("605#2100200009000000", Hex(client.BeginDownload(0x2000, 0, data, 0)));
        Assert.Equal(SdoProgress.SendNext, client.OnFrame(Response(0x60, 0x00, 0x20, 0x00, 0, 0, 0, 0), 1, out var next));
        Assert.Equal("605#0001020304050607", Hex(next));
        Assert.Equal(SdoProgress.SendNext, client.OnFrame(Response(0x20, 0, 0, 0, 0, 0, 0, 0), 2, out next));
        Assert.Equal("605#1B08090000000000", Hex(next));
        Assert.Equal(SdoProgress.Completed, client.OnFrame(Response(0x30, 0, 0, 0, 0, 0, 0, 0), 3, out _));
    }

    [Fact]
    public void ServerAbort_ObjectMissing_DecodesCodeByName()
    {
        var client = new SdoClient(5);
        client.BeginUpload(0x2FFF, 0, 0);
        Assert.Equal(SdoProgress.ServerAborted, client.OnFrame(Response(0x80, 0xFF, 0x2F, 0x00, 0x00, 0x00, 0x02, 0x06), 1, out _));
        Assert.Equal(SdoAbortCode.ObjectDoesNotExist, client.AbortCode);
        Assert.Equal("object does not exist in the object dictionary", SdoAbortCodes.Describe(client.AbortCode));
    }

    [Fact]
    public void SegmentedUpload_ToggleNotAlternated_ClientAbortsWith05030000()
    {
        var client = new SdoClient(5);
        client.BeginUpload(0x1008, 0, 0);
        client.OnFrame(Response(0x41, 0x08, 0x10, 0x00, 20, 0, 0, 0), 1, out _);
        client.OnFrame(Response(0x00, 1, 2, 3, 4, 5, 6, 7), 2, out _);
        Assert.Equal(SdoProgress.ClientAborted, client.OnFrame(Response(0x00, 1, 2, 3, 4, 5, 6, 7), 3, out var abort)); // toggle 0 again
        Assert.Equal("605#8008100000000305", Hex(abort));
    }

    [Fact]
    public void Poll_SilentServer_AbortsWithTimeout()
    {
        var client = new SdoClient(5, timeoutNs: 1000);
        client.BeginUpload(0x6041, 0, 0);
        Assert.Equal(SdoProgress.Ignored, client.Poll(1000, out _));
        Assert.Equal(SdoProgress.ClientAborted, client.Poll(1001, out var abort));
        Assert.Equal("605#8041600000000405", Hex(abort));
        Assert.Equal(SdoAbortCode.Timeout, client.AbortCode);
    }

    [Fact]
    public void OnFrame_WrongMultiplexer_Aborts()
    {
        var client = new SdoClient(5);
        client.BeginUpload(0x6041, 0, 0);
        Assert.Equal(SdoProgress.ClientAborted, client.OnFrame(Response(0x4B, 0x40, 0x60, 0x00, 0, 0, 0, 0), 1, out _));
    }

    [Fact]
    public void OnFrame_OtherNodesAndFunctions_AreIgnored()
    {
        var client = new SdoClient(5);
        client.BeginUpload(0x6041, 0, 0);
        Assert.Equal(SdoProgress.Ignored, client.OnFrame(CanFrame.Create(0x586, [0x4B, 0x41, 0x60, 0, 0, 0, 0, 0]), 1, out _));
        Assert.Equal(SdoProgress.Ignored, client.OnFrame(CanFrame.Create(0x705, [0x05]), 1, out _));
        Assert.True(client.IsBusy);
    }

    [Fact]
    public void BeginUpload_WhileBusy_Throws()
    {
        var client = new SdoClient(5);
        client.BeginUpload(0x6041, 0, 0);
        Assert.Throws<InvalidOperationException>(() => client.BeginUpload(0x6041, 0, 0));
    }

    [Fact]
    public void ServerSide_ExpeditedDownloadAndReadOnlyAbort_AreByteExact()
    {
        var dictionary = new DictionaryDouble();
        var server = new SdoServer(5, dictionary);
        Assert.True(server.TryHandle(CanFrame.Create(0x605, [0x2B, 0x40, 0x60, 0x00, 0x0F, 0x00, 0, 0]), out var response));
        Assert.Equal("585#6040600000000000", Hex(response));
        Assert.Equal(new byte[] { 0x0F, 0x00 }, dictionary.Values[(0x6040, 0)]);
        Assert.True(server.TryHandle(CanFrame.Create(0x605, [0x23, 0x00, 0x10, 0x00, 1, 2, 3, 4]), out response));
        Assert.Equal("585#8000100002000106", Hex(response));
    }
}
