using System.Buffers.Binary;
using Controller.Hardware.Protocols.EtherCat;
using Controller.Hardware.Protocols.EtherCat.Esc;
using Controller.Hardware.Simulation.EtherCat;
using Controller.Hardware.Tests.Protocols.EtherCat;
using FsCheck;
using FsCheck.Fluent;

namespace Controller.Hardware.Tests.Simulation.EtherCat;

/// <summary>The simulated slaves take bytes from the wire: whatever arrives, they must not throw.</summary>
public class SimulatedSlaveFuzzTests
{
    private static readonly byte[][] RealRequests = EtherCatTestData.Captures
        .SelectMany(EtherCatTestData.Packets).Select(p => p.Data.ToArray())
        .Where(f => EtherCatTestData.IsEtherCat(f) && (f[6] & 0x02) == 0).ToArray();

    private static SimulatedSegment Segment()
    {
        var (drive, _) = SimulatedBench.CoeSlave(mailboxBytes: 64);
        return new SimulatedSegment([new SimulatedSlave(SimulatedBench.Dump("ek1100.hex")), drive,
            new SimulatedSlave(SimulatedBench.Dump("el2262.bin"), capabilities: EscCapabilities.Et1200)]);
    }

    [Fact]
    public void Process_MutatedRealRequestsAndRandomDatagrams_NeverThrows()
    {
        var segment = Segment();
        Prop.ForAll(Gen.Choose(0, int.MaxValue - 1).ToArbitrary(), seed =>
        {
            var rng = new Random(seed);
            byte[] frame;
            if (rng.Next(2) == 0)
            {
                frame = (byte[])RealRequests[rng.Next(RealRequests.Length)].Clone();
                for (int i = rng.Next(1, 4); i > 0; i--)
                    frame[rng.Next(14, frame.Length)] = (byte)rng.Next(256);
            }
            else
            {
                // A well-formed frame of random commands aimed at interesting registers, with random data.
                frame = new byte[1514];
                var writer = new EtherCatFrameWriter(frame, MacAddress.Broadcast, new MacAddress(2));
                ushort[] targets = [0x0010, 0x0120, 0x0502, 0x0508, 0x0600, 0x0800, 0x0808, 0x0900, 0x0910, 0x1000, 0x1040, 0x1080, 0x0F00, (ushort)rng.Next(65536)];
                for (int i = rng.Next(1, 6); i > 0; i--)
                {
                    int length = rng.Next(0, 140);
                    if (!writer.TryAppend((EtherCatCommand)rng.Next(15), (byte)rng.Next(256),
                            EtherCatAddress.Physical((ushort)(rng.Next(2) == 0 ? 0x1000 + rng.Next(3) : rng.Next(65536)), targets[rng.Next(targets.Length)]), length, out var data))
                        break;
                    rng.NextBytes(data);
                }
                frame = frame[..writer.Finish()];
            }
            segment.Process(frame);
            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Process_MailboxSyncManagersShrunkToFourBytes_SlaveKeepsWorking()
    {
        var segment = Segment();
        var frame = new byte[1514];
        void Send(EtherCatCommand command, ushort adp, ushort ado, byte[] data)
        {
            var writer = new EtherCatFrameWriter(frame, MacAddress.Broadcast, new MacAddress(2));
            writer.TryAppend(command, 0, EtherCatAddress.Physical(adp, ado), data);
            segment.Process(frame.AsSpan(0, writer.Finish()));
        }
        Send(EtherCatCommand.Apwr, 0xFFFF, EscRegister.ConfiguredStationAddress, [0x01, 0x10]);
        Send(EtherCatCommand.Fpwr, 0x1001, EscRegister.SyncManager(0), [0x00, 0x10, 64, 0, 0x26, 0, 1, 0, 0x80, 0x10, 64, 0, 0x22, 0, 1, 0]);
        Send(EtherCatCommand.Fpwr, 0x1001, EscRegister.AlControl, [(byte)AlState.PreOp, 0]);
        // In PRE-OP the master shrinks SM1 to 4 bytes: no SDO answer fits; the slave must not fall over.
        Send(EtherCatCommand.Fpwr, 0x1001, EscRegister.SyncManager(1), [0x80, 0x10, 4, 0, 0x22, 0, 1, 0]);
        var request = new byte[64];
        Controller.Hardware.Protocols.EtherCat.Mailbox.SdoWriter.UploadRequest(request, 1, 0x1008, 0);
        Send(EtherCatCommand.Fpwr, 0x1001, 0x1000, request);
        Assert.Equal(1, segment.Slaves[1].MailboxOverflows);
        Send(EtherCatCommand.Fprd, 0x1001, EscRegister.AlStatus, new byte[2]);
        Assert.Equal(1, BinaryPrimitives.ReadUInt16LittleEndian(frame.AsSpan(16 + 10 + 2)));
    }
}
