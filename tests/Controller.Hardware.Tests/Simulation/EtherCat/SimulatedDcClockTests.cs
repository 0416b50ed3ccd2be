using System.Buffers.Binary;
using Controller.Hardware.Protocols.EtherCat;
using Controller.Hardware.Protocols.EtherCat.Esc;
using Controller.Hardware.Simulation.EtherCat;

namespace Controller.Hardware.Tests.Simulation.EtherCat;

/// <summary>The DC registers of simulated ESCs, frame by frame through a segment with a stepped true time.</summary>
public class SimulatedDcClockTests
{
    private long _now = 5_000_000;

    private SimulatedSegment Line(int count, long hopNs = 300)
    {
        var slaves = Enumerable.Range(0, count).Select(_ => new SimulatedSlave(SimulatedBench.Dump("el2004-eeprom-dump.bin"))).ToArray();
        for (int i = 0; i < count; i++)
            slaves[i].GetMutableMemory()[EscRegister.ConfiguredStationAddress] = (byte)(i + 1);
        return new SimulatedSegment(slaves) { TimeNs = () => _now += 10_000, HopDelayNs = hopNs };
    }

    /// <summary>Sends one datagram through the segment; returns its data and working counter.</summary>
    private static (byte[] Data, ushort Wkc) Send(SimulatedSegment segment, EtherCatCommand command, uint address, byte[] data)
    {
        var frame = new byte[EtherCatFrameLayout.MaxEthernetFrameBytes];
        var writer = new EtherCatFrameWriter(frame, MacAddress.Broadcast, new MacAddress(0x02_00_00_00_00_01));
        Assert.True(writer.TryAppend(command, 1, address, data));
        int length = writer.Finish();
        Assert.True(segment.Process(frame.AsSpan(0, length)));
        Assert.Equal(EtherCatDecodeError.None, EtherCatFrameReader.TryCreate(frame.AsSpan(0, length), out var reader));
        Assert.True(reader.TryReadNext(out var d));
        return (d.Data.ToArray(), d.WorkingCounter);
    }

    [Fact]
    public void WriteOf0x0900_LineOfThree_LatchesArrivalAndReturnPerHop()
    {
        var segment = Line(3, hopNs: 300);
        Assert.Equal(3, Send(segment, EtherCatCommand.Bwr, EtherCatAddress.Physical(0, EscRegister.DcReceiveTimePort0), new byte[4]).Wkc);

        var loops = segment.Slaves.Select(s =>
        {
            var m = s.GetMutableMemory();
            uint p0 = BinaryPrimitives.ReadUInt32LittleEndian(m[0x0900..]), p1 = BinaryPrimitives.ReadUInt32LittleEndian(m[0x0904..]);
            Assert.Equal(p0, (uint)BinaryPrimitives.ReadInt64LittleEndian(m[0x0918..]));
            return p1 == 0 ? 0 : (long)(p1 - p0);
        }).ToArray();
        Assert.Equal([1200L, 600L, 0L], loops); // 2·(n−1−k) hops below slave k
        Assert.Equal(0x0210 | 0x0A20, BinaryPrimitives.ReadUInt16LittleEndian(segment.Slaves[0].GetMutableMemory()[EscRegister.DlStatus..]));
    }

    [Fact]
    public void Frmw_ReferenceAndTwoClocks_ReferenceTimeIsDistributedAndDifferencesPublished()
    {
        var segment = Line(3);
        segment.Slaves[1].Dc.LocalStartNs = 1_000;   // 1 µs ahead of the reference's clock
        segment.Slaves[2].Dc.LocalStartNs = -2_000;  // 2 µs behind, then 8 µs ahead with the offset below
        BinaryPrimitives.WriteInt64LittleEndian(segment.Slaves[2].GetMutableMemory()[EscRegister.DcSystemTimeOffset..], 10_000);

        var (data, wkc) = Send(segment, EtherCatCommand.Frmw, EtherCatAddress.Physical(1, EscRegister.DcSystemTime), new byte[8]);

        Assert.Equal(3, wkc); // reference read + two compares
        long referenceTime = BinaryPrimitives.ReadInt64LittleEndian(data);
        Assert.Equal(segment.Slaves[0].Dc.SystemTimeNs(_now), referenceTime);
        uint diff1 = BinaryPrimitives.ReadUInt32LittleEndian(segment.Slaves[1].GetMutableMemory()[EscRegister.DcSystemTimeDifference..]);
        uint diff2 = BinaryPrimitives.ReadUInt32LittleEndian(segment.Slaves[2].GetMutableMemory()[EscRegister.DcSystemTimeDifference..]);
        // Own time minus (reference time + delay 0): each clock started when this first frame reached it, so the
        // difference is the start values (+ offset), not the hops — which is why a master measures delays first.
        Assert.Equal(1_000u, diff1);
        Assert.Equal(8_000u, diff2);
        Assert.Equal(2, segment.Slaves.Skip(1).Sum(s => (int)s.Dc.Compares));
    }

    [Fact]
    public void WriteOf0x0910_OwnTimeSmaller_SetsSignBitAndAddsTheDelay()
    {
        var segment = Line(1);
        var memory = segment.Slaves[0].GetMutableMemory();
        BinaryPrimitives.WriteUInt32LittleEndian(memory[EscRegister.DcSystemTimeDelay..], 500);
        Send(segment, EtherCatCommand.Fprd, EtherCatAddress.Physical(1, EscRegister.Type), new byte[1]); // starts the clock
        long ahead = segment.Slaves[0].Dc.SystemTimeNs(_now + 10_000) + 4_000;
        var time = new byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(time, ahead);

        Assert.Equal(1, Send(segment, EtherCatCommand.Fpwr, EtherCatAddress.Physical(1, EscRegister.DcSystemTime), time).Wkc);

        Assert.Equal(0x8000_0000u | 4_500, BinaryPrimitives.ReadUInt32LittleEndian(memory[EscRegister.DcSystemTimeDifference..]));
        Assert.Equal(-4_500, segment.Slaves[0].Dc.LastDifferenceNs);
        Assert.NotEqual(ahead, BinaryPrimitives.ReadInt64LittleEndian(memory[EscRegister.DcSystemTime..])); // compared, not stored
    }

    [Fact]
    public void Sync0_ActivatedWithCycleAndStart_NextPulseReadsOnTheGrid()
    {
        var segment = Line(1);
        var cycle = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(cycle, 250_000);
        Send(segment, EtherCatCommand.Fpwr, EtherCatAddress.Physical(1, EscRegister.DcSync0CycleTime), cycle);
        var start = new byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(start, 1_000_000);
        Send(segment, EtherCatCommand.Fpwr, EtherCatAddress.Physical(1, EscRegister.DcStartTimeCyclic), start);
        Send(segment, EtherCatCommand.Fpwr, EtherCatAddress.Physical(1, EscRegister.DcActivation), [0x03]);
        _now += 1_100_000; // the next frame reaches the slave at system time ≈ 1.12 ms

        var (next, _) = Send(segment, EtherCatCommand.Fprd, EtherCatAddress.Physical(1, EscRegister.DcStartTimeCyclic), new byte[8]);

        Assert.Equal(1_250_000, BinaryPrimitives.ReadInt64LittleEndian(next));
        Assert.Equal(0x01, Send(segment, EtherCatCommand.Fprd, EtherCatAddress.Physical(1, EscRegister.DcActivationStatus), new byte[1]).Data[0]);
    }

    [Fact]
    public void SpeedCounterStartWrite_AfterCompares_ResetsTheFrequencyCorrection()
    {
        var segment = Line(2);
        segment.Slaves[1].Dc.DriftPpm = 100;
        for (int i = 0; i < 50; i++)
            Send(segment, EtherCatCommand.Frmw, EtherCatAddress.Physical(1, EscRegister.DcSystemTime), new byte[8]);
        Assert.True(segment.Slaves[1].Dc.CorrectionPpm < -10, $"{segment.Slaves[1].Dc.CorrectionPpm} ppm");

        Send(segment, EtherCatCommand.Fpwr, EtherCatAddress.Physical(2, EscRegister.DcSpeedCounterStart), [0x00, 0x10]);

        Assert.Equal(0, segment.Slaves[1].Dc.CorrectionPpm);
    }
}
