using Controller.Pipeline.Memory;
using Controller.Pipeline.Messages;
using Controller.Pipeline.Rings;
using Controller.Pipeline.Tests.Support;
using Controller.Pipeline.Time;

namespace Controller.Pipeline.Tests.Memory;

/// <summary>
/// Rings shared with a second process (tests/Controller.Pipeline.PeerProcess): messages cross in order,
/// a killed peer is detected without waiting, its end can be taken over, and a live peer's end cannot.
/// </summary>
[Collection(ConcurrencyCollection.Name)]
public sealed class CrossProcessTests
{
    /// <summary>Heartbeat timeout for "is the peer alive": generous, since this is not a timing test.</summary>
    private const long HeartbeatTimeoutNs = 60_000_000_000;

    [Fact]
    public void SpscRing_EchoThroughPeerProcess_EveryMessageReturnsInOrderAndUnchanged()
    {
        const int messages = 10_000;
        using var inPath = new SharedPath("echo-in");
        using var outPath = new SharedPath("echo-out");
        using var toPeer = SpscRing<Wrench>.CreateShared(inPath, 64);
        using var fromPeer = SpscRing<Wrench>.CreateShared(outPath, 64);
        using var producer = toPeer.TakeProducer();
        using var consumer = fromPeer.TakeConsumer();

        using var peer = PeerProcess.Start("echo", inPath, outPath, messages.ToString());
        int sent = 0;
        int received = 0;
        var backoff = new Backoff();
        var abort = new StressAbort();
        while (received < messages)
        {
            bool progressed = false;
            if (sent < messages && producer.TryWrite(MessageFor(sent)))
            {
                sent++;
                progressed = true;
            }
            if (consumer.TryRead(out var echoed))
            {
                var expected = MessageFor(received);
                Assert.Equal(expected.Header, echoed.Header);
                Assert.Equal(expected.SensorIndex, echoed.SensorIndex);
                Assert.Equal(expected.ForceXN, echoed.ForceXN);
                Assert.Equal(expected.TorqueYNm, echoed.TorqueYNm);
                Assert.Equal(peer.Id, echoed.TorqueZNm); // stamped by the peer: it really went through it
                received++;
                progressed = true;
            }
            if (progressed)
            {
                backoff.Reset();
                continue;
            }
            peer.AssertRunning($"echoing ({sent} sent, {received} received)");
            backoff.Wait(abort);
        }

        Assert.Equal(0, peer.WaitForExit());
        Assert.Equal(0, toPeer.Count);
        Assert.False(consumer.TryRead(out _));
        Assert.Equal(PeerStatus.NotAttached, producer.ConsumerStatus(MonotonicClock.Now(), HeartbeatTimeoutNs));
    }

    [Fact]
    public void ProducerStatus_PeerHoldingProducerIsKilled_ReportsProcessExitedAndTakeoverResumesAtPublishedCursor()
    {
        const int peerMessages = 5;
        using var path = new SharedPath("takeover");
        using var ring = SpscRing<Wrench>.CreateShared(path, 16);
        using var consumer = ring.TakeConsumer();
        Assert.Equal(PeerStatus.NotAttached, consumer.ProducerStatus(MonotonicClock.Now(), HeartbeatTimeoutNs));

        using var peer = PeerProcess.Start("hold-producer", path, peerMessages.ToString());
        WaitUntil(() => ring.Count == peerMessages, peer, "the peer publishes its messages");

        Assert.Equal(PeerStatus.Alive, consumer.ProducerStatus(MonotonicClock.Now(), HeartbeatTimeoutNs));
        Assert.Equal(PeerStatus.Alive, ring.ProducerStatus(MonotonicClock.Now(), HeartbeatTimeoutNs));
        var refused = Assert.Throws<InvalidOperationException>(() => ring.TakeProducer());
        Assert.Contains($"process {peer.Id}", refused.Message);

        peer.Kill();

        Assert.Equal(PeerStatus.ProcessExited, consumer.ProducerStatus(MonotonicClock.Now(), HeartbeatTimeoutNs));
        using var takeover = ring.TakeProducer();
        Assert.Equal(PeerStatus.Alive, consumer.ProducerStatus(MonotonicClock.Now(), HeartbeatTimeoutNs));
        for (int i = peerMessages; i < peerMessages + 3; i++)
        {
            Assert.True(takeover.TryWrite(new Wrench { Header = new MessageHeader(i, 0), SensorIndex = i }));
        }
        for (int i = 0; i < peerMessages + 3; i++)
        {
            Assert.True(consumer.TryRead(out var message), $"message {i} missing");
            Assert.Equal(i, message.Header.Sequence);
            Assert.Equal(i, message.SensorIndex);
        }
        Assert.False(consumer.TryRead(out _));
    }

    [Fact]
    public void TakeProducer_HeldByThisProcess_PeerProcessIsRefusedNamingThisPid()
    {
        using var path = new SharedPath("refuse");
        using var ring = SpscRing<Wrench>.CreateShared(path, 4);
        using var producer = ring.TakeProducer();

        using var peer = PeerProcess.Start("take-producer", path);
        int exitCode = peer.WaitForExit();

        Assert.True(exitCode == 3, $"peer exit code {exitCode}, output:\n{peer.Output}");
        Assert.Contains("refused:", peer.Output);
        Assert.Contains($"process {Environment.ProcessId}", peer.Output);
    }

    [Fact]
    public void TakeProducer_FreeEnd_PeerProcessTakesAndReleasesIt()
    {
        using var path = new SharedPath("free");
        using var ring = SpscRing<Wrench>.CreateShared(path, 4);

        using var peer = PeerProcess.Start("take-producer", path);
        int exitCode = peer.WaitForExit();

        Assert.True(exitCode == 0, $"peer exit code {exitCode}, output:\n{peer.Output}");
        Assert.Contains("taken", peer.Output);
        Assert.Equal(PeerStatus.NotAttached, ring.ProducerStatus(MonotonicClock.Now(), HeartbeatTimeoutNs));
        using var producer = ring.TakeProducer(); // released by the peer's Dispose
    }

    private static Wrench MessageFor(int i) => new()
    {
        Header = new MessageHeader(i, 1_000_000L * i),
        SensorIndex = i,
        ForceXN = i * 0.25,
        TorqueYNm = -i,
    };

    /// <summary>Polls <paramref name="condition"/>, failing if the peer exits first or the hang guard passes.</summary>
    private static void WaitUntil(Func<bool> condition, PeerProcess peer, string what)
    {
        long deadline = MonotonicClock.Now() + (long)DedicatedThreads.HangGuard.TotalNanoseconds;
        while (!condition())
        {
            peer.AssertRunning($"waiting until {what}");
            if (MonotonicClock.Now() > deadline) throw new Xunit.Sdk.XunitException($"Timed out waiting until {what}. Output:\n{peer.Output}");
            Thread.Sleep(1);
        }
    }
}
