using System.Buffers.Binary;
using Controller.Hardware.Protocols.EtherCat;
using Controller.Hardware.Protocols.EtherCat.Esc;

namespace Controller.Hardware.Devices.EtherCat;

/// <summary>
/// Distributed-clocks start-up (ETG.1000.4 §6.8, ETG.1020 "DC"; order as ethercrab's real DC capture shows it):
/// latch the port receive times with one BWR of 0x0900, compute each slave's propagation delay (line topology,
/// <see cref="DcDelayCalculator"/>), write system time offsets (0x0920) and delays (0x0928) so every DC slave's
/// system time equals the reference clock's (the first DC slave), reset the time control loops (0x0930/0x0934),
/// then <see cref="CompensateStaticDrift"/> lets each ESC trim its oscillator with a burst of FRMW of 0x0910.
/// <see cref="ConfigureSync0"/> starts SYNC0. Configuration phase: blocks, allocates, throws <see cref="EtherCatException"/>.
/// </summary>
public static class DistributedClocks
{
    /// <summary>ETG.1020's recommended number of FRMW frames for static drift compensation.</summary>
    public const int RecommendedDriftFrames = 15_000;

    private static readonly DateTime Epoch = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Now in EtherCAT system time: ns since 2000-01-01 00:00 UTC.</summary>
    public static long NowSince2000Ns() => (DateTime.UtcNow - Epoch).Ticks * 100;

    /// <summary>Measures delays and writes offsets and delays to every DC slave.</summary>
    /// <param name="port">The port.</param>
    /// <param name="slaves">The discovered line, in position order.</param>
    /// <param name="systemTimeNs">System time to give the reference clock at the latch frame (default: now since 2000).</param>
    /// <exception cref="EtherCatException">No slave has DC, a slave did not answer, or the line branches.</exception>
    public static DcTopology Initialise(EtherCatPort port, IReadOnlyList<DiscoveredSlave> slaves, long? systemTimeNs = null)
    {
        long now = systemTimeNs ?? NowSince2000Ns();
        var hasDc = slaves.Select(s => (ReadUInt16(port, s.StationAddress, EscRegister.Features, "read ESC features") & 0x0004) != 0).ToArray();
        int reference = Array.IndexOf(hasDc, true);
        if (reference < 0)
            throw new EtherCatException(0, $"none of the {slaves.Count} slaves has a distributed clock (ESC feature bit 2 of 0x0008)");

        Span<byte> latch = stackalloc byte[4];
        var status = port.ExchangeCounting(EtherCatCommand.Bwr, EtherCatAddress.Physical(0, EscRegister.DcReceiveTimePort0), latch, out ushort latched);
        if (status != ExchangeStatus.Ok || latched != slaves.Count)
            throw new EtherCatException(0, $"latching receive times (BWR 0x0900) reached {latched} of {slaves.Count} slaves ({status})");

        var loops = new long[slaves.Count];
        var downstream = new int?[slaves.Count];
        var receive = new long[slaves.Count];
        Span<byte> times = stackalloc byte[16];
        Span<uint> portTimes = stackalloc uint[4];
        for (int i = 0; i < slaves.Count; i++)
        {
            ushort station = slaves[i].StationAddress;
            downstream[i] = DcDelayCalculator.DownstreamPort(station, ReadUInt16(port, station, EscRegister.DlStatus, "read DL status"));
            SiiEepromReader.Check(port.Exchange(EtherCatCommand.Fprd, EtherCatAddress.Physical(station, EscRegister.DcReceiveTimePort0), times, 1), station, "read port receive times");
            for (int p = 0; p < 4; p++)
                portTimes[p] = BinaryPrimitives.ReadUInt32LittleEndian(times[(4 * p)..]);
            loops[i] = DcDelayCalculator.LoopTimeNs(portTimes, downstream[i]);
            if (hasDc[i])
                receive[i] = ReadInt64(port, station, EscRegister.DcReceiveTimeProcessingUnit, "read processing-unit receive time");
        }

        var clocks = new DcSlaveClock[slaves.Count];
        Span<byte> buffer = stackalloc byte[8];
        for (int i = 0; i < slaves.Count; i++)
        {
            ushort station = slaves[i].StationAddress;
            long? delay = i >= reference ? DcDelayCalculator.PropagationDelayNs(loops[reference], loops[i]) : null;
            long offset = 0;
            if (hasDc[i] && delay is long d)
            {
                offset = DcDelayCalculator.SystemTimeOffsetNs(now, receive[i], d);
                BinaryPrimitives.WriteInt64LittleEndian(buffer, offset);
                Write(port, station, EscRegister.DcSystemTimeOffset, buffer, "write system time offset");
                BinaryPrimitives.WriteUInt32LittleEndian(buffer, (uint)Math.Max(0, d));
                Write(port, station, EscRegister.DcSystemTimeDelay, buffer[..4], "write system time delay");
                BinaryPrimitives.WriteUInt16LittleEndian(buffer, 0x1000); // speed counter start: resets the time control loop
                Write(port, station, EscRegister.DcSpeedCounterStart, buffer[..2], "reset the time control loop");
                buffer[0] = 0x0C; // system time difference filter depth, the ESC default
                Write(port, station, EscRegister.DcSystemTimeDifferenceFilterDepth, buffer[..1], "set the filter depth");
            }
            clocks[i] = new DcSlaveClock(slaves[i].Position, station, hasDc[i], downstream[i], loops[i], delay, receive[i], offset);
        }
        return new DcTopology(slaves[reference].StationAddress, clocks);
    }

    /// <summary>Sends <paramref name="frames"/> FRMW of the reference clock's system time: each DC slave compares and trims its clock.</summary>
    /// <returns>Frames whose working counter showed every DC slave took part.</returns>
    /// <exception cref="ArgumentOutOfRangeException">frames is not 1..1 000 000.</exception>
    public static int CompensateStaticDrift(EtherCatPort port, DcTopology topology, int frames = RecommendedDriftFrames)
    {
        if (frames is < 1 or > 1_000_000)
            throw new ArgumentOutOfRangeException(nameof(frames), frames, "static drift compensation sends 1..1000000 frames (ETG.1020 recommends 15000)");
        Span<byte> time = stackalloc byte[8];
        int complete = 0;
        uint address = EtherCatAddress.Physical(topology.ReferenceStation, EscRegister.DcSystemTime);
        for (int i = 0; i < frames; i++)
        {
            time.Clear();
            if (port.Exchange(EtherCatCommand.Frmw, address, time, (ushort)topology.ClockCount) == ExchangeStatus.Ok)
                complete++;
        }
        return complete;
    }

    /// <summary>Reads a slave's system time (0x0910), ns.</summary>
    public static long ReadSystemTimeNs(EtherCatPort port, ushort station) => ReadInt64(port, station, EscRegister.DcSystemTime, "read system time");

    /// <summary>Reads a slave's last system time difference (0x092C, sign–magnitude) as own − received, ns.</summary>
    public static long ReadSystemTimeDifferenceNs(EtherCatPort port, ushort station)
    {
        Span<byte> raw = stackalloc byte[4];
        SiiEepromReader.Check(port.Exchange(EtherCatCommand.Fprd, EtherCatAddress.Physical(station, EscRegister.DcSystemTimeDifference), raw, 1), station, "read system time difference");
        uint value = BinaryPrimitives.ReadUInt32LittleEndian(raw);
        long magnitude = value & 0x7FFF_FFFF;
        return (value & 0x8000_0000) != 0 ? -magnitude : magnitude;
    }

    /// <summary>The first SYNC0 start time on the cycle grid at least <paramref name="startDelayNs"/> after <paramref name="systemTimeNs"/>, plus <paramref name="shiftNs"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">cycleNs is not positive.</exception>
    public static long Sync0StartTimeNs(long systemTimeNs, long cycleNs, long startDelayNs = 100_000_000, long shiftNs = 0)
    {
        if (cycleNs <= 0)
            throw new ArgumentOutOfRangeException(nameof(cycleNs), cycleNs, "the SYNC0 cycle time must be positive");
        long earliest = systemTimeNs + startDelayNs;
        return (earliest + cycleNs - 1) / cycleNs * cycleNs + shiftNs;
    }

    /// <summary>Deactivates, sets cycle time (0x09A0) and start time (0x0990), then activates cyclic operation + SYNC0 (0x0981 = 0x03).</summary>
    /// <param name="port">The port.</param>
    /// <param name="station">A slave with DC.</param>
    /// <param name="cycleNs">SYNC0 period, 1 µs..4.29 s.</param>
    /// <param name="startTimeNs">System time of the first pulse (see <see cref="Sync0StartTimeNs"/>).</param>
    /// <exception cref="ArgumentOutOfRangeException">cycleNs is out of range.</exception>
    public static void ConfigureSync0(EtherCatPort port, ushort station, long cycleNs, long startTimeNs)
    {
        if (cycleNs is < 1_000 or > uint.MaxValue)
            throw new ArgumentOutOfRangeException(nameof(cycleNs), cycleNs, "SYNC0 cycle time must be 1 µs..4294967295 ns (32-bit register 0x09A0)");
        Span<byte> buffer = stackalloc byte[8];
        buffer[0] = 0;
        Write(port, station, EscRegister.DcActivation, buffer[..1], "deactivate SYNC0");
        Write(port, station, EscRegister.DcCyclicUnitControl, buffer[..1], "give the cyclic unit to EtherCAT");
        BinaryPrimitives.WriteUInt32LittleEndian(buffer, (uint)cycleNs);
        Write(port, station, EscRegister.DcSync0CycleTime, buffer[..4], "write SYNC0 cycle time");
        BinaryPrimitives.WriteInt64LittleEndian(buffer, startTimeNs);
        Write(port, station, EscRegister.DcStartTimeCyclic, buffer, "write SYNC0 start time");
        buffer[0] = 0x03;
        Write(port, station, EscRegister.DcActivation, buffer[..1], "activate cyclic operation and SYNC0");
    }

    private static void Write(EtherCatPort port, ushort station, ushort register, Span<byte> data, string step) =>
        SiiEepromReader.Check(port.Exchange(EtherCatCommand.Fpwr, EtherCatAddress.Physical(station, register), data, 1), station, step);

    private static ushort ReadUInt16(EtherCatPort port, ushort station, ushort register, string step)
    {
        Span<byte> raw = stackalloc byte[2];
        SiiEepromReader.Check(port.Exchange(EtherCatCommand.Fprd, EtherCatAddress.Physical(station, register), raw, 1), station, step);
        return BinaryPrimitives.ReadUInt16LittleEndian(raw);
    }

    private static long ReadInt64(EtherCatPort port, ushort station, ushort register, string step)
    {
        Span<byte> raw = stackalloc byte[8];
        SiiEepromReader.Check(port.Exchange(EtherCatCommand.Fprd, EtherCatAddress.Physical(station, register), raw, 1), station, step);
        return BinaryPrimitives.ReadInt64LittleEndian(raw);
    }
}
