using Controller.Hardware.Protocols.CanOpen;
using Controller.Hardware.Transports.Can;
using FsCheck;
using FsCheck.Fluent;

namespace Controller.Hardware.Tests.Protocols.CanOpen;

public class SdoPropertyTests
{
    /// <summary>Runs a client transfer against a server directly; returns the final progress.</summary>
    private static SdoProgress Exchange(SdoClient client, SdoServer server, CanFrame request)
    {
        for (int guard = 0; guard < 1000; guard++)
        {
            if (!server.TryHandle(request, out var response)) return SdoProgress.Ignored;
            var progress = client.OnFrame(response, guard, out var next);
            if (progress != SdoProgress.SendNext) return progress;
            request = next;
        }
        return SdoProgress.Ignored;
    }

    [Fact]
    public void DownloadThenUpload_AnyLength_RoundTrips()
    {
        Prop.ForAll(Gen.Choose(0, int.MaxValue - 1).ToArbitrary(), seed =>
        {
            var rng = new Random(seed);
            var data = new byte[rng.Next(1, 300)];
            rng.NextBytes(data);
            ushort index = (ushort)rng.Next(0x2000, 0x6000);
            byte sub = (byte)rng.Next(256);
            var client = new SdoClient(9);
            var server = new SdoServer(9, new DictionaryDouble());
            if (Exchange(client, server, client.BeginDownload(index, sub, data, 0)) != SdoProgress.Completed) return false;
            if (Exchange(client, server, client.BeginUpload(index, sub, 0)) != SdoProgress.Completed) return false;
            return client.UploadedData.SequenceEqual(data);
        }).QuickCheckThrowOnFailure();
    }

    private static CanFrame RandomFrame(Random rng, uint id)
    {
        var bytes = new byte[rng.Next(3) == 0 ? rng.Next(0, 9) : 8];
        rng.NextBytes(bytes);
        return CanFrame.Create(id, bytes);
    }

    [Fact]
    public void Client_RandomResponsesInAnyState_NeverThrowAndStayConsistent()
    {
        Prop.ForAll(Gen.Choose(0, int.MaxValue - 1).ToArbitrary(), seed =>
        {
            var rng = new Random(seed);
            var client = new SdoClient(5, capacityBytes: 64);
            if (rng.Next(2) == 0) client.BeginUpload(0x1008, 0, 0);
            else client.BeginDownload(0x2000, 0, new byte[rng.Next(1, 40)], 0);
            for (int i = 0; i < 20 && client.IsBusy; i++) client.OnFrame(RandomFrame(rng, 0x585), i, out _);
            return client.IsBusy || client.State is SdoClientState.Completed or SdoClientState.Aborted;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Server_RandomRequests_NeverThrow()
    {
        Prop.ForAll(Gen.Choose(0, int.MaxValue - 1).ToArbitrary(), seed =>
        {
            var rng = new Random(seed);
            var dictionary = new DictionaryDouble();
            dictionary.Values[(0x1008, 0)] = new byte[40];
            var server = new SdoServer(5, dictionary, capacityBytes: 64);
            for (int i = 0; i < 30; i++) server.TryHandle(RandomFrame(rng, 0x605), out _);
            return true;
        }).QuickCheckThrowOnFailure();
    }
}
