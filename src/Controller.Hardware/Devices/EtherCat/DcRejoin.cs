using System.Buffers.Binary;
using Controller.Hardware.Protocols.EtherCat;
using Controller.Hardware.Protocols.EtherCat.Esc;

namespace Controller.Hardware.Devices.EtherCat;

/// <summary>
/// Distributed clocks for slaves that come back after being lost (power cycled: offset, delay and SYNC0 gone), while the
/// rest of the line keeps running on its system time. Measures the delays again with one BWR of 0x0900, takes the system
/// time at the latch from a DC slave that kept its settings (its 0x0918 receive time + 0x0920 offset − its delay), and
/// writes offset and delay only to the returning slaves — the others' system time must not jump, or their SYNC0 grid
/// would. Without such an anchor (every DC slave came back) the system time starts afresh from now, as at start-up.
/// Static drift compensation and SYNC0 on the same grid (start on a multiple of the cycle plus the shift) follow.
/// Configuration phase: blocks, allocates, throws <see cref="EtherCatException"/>.
/// </summary>
public static class DcRejoin
{
    /// <summary>Re-measures the line and gives the <paramref name="returning"/> DC slaves their offset, delay and SYNC0 again.</summary>
    /// <param name="port">The port.</param>
    /// <param name="slaves">The group's line, in position order (the same as at start-up).</param>
    /// <param name="previous">What start-up measured.</param>
    /// <param name="returning">Station addresses of slaves that lost their DC settings.</param>
    /// <param name="dc">The group's DC options (cycle, shift, start delay, drift frames).</param>
    /// <returns>The topology with the returning slaves' new delays and offsets.</returns>
    /// <exception cref="EtherCatException">A slave did not answer, or no drift compensation frame reached every DC slave.</exception>
    public static DcTopology Restore(EtherCatPort port, IReadOnlyList<DiscoveredSlave> slaves, DcTopology previous, IReadOnlySet<ushort> returning, EtherCatDcOptions dc)
    {
        var clocks = previous.Slaves.ToArray();
        int reference = Array.FindIndex(clocks, c => c.StationAddress == previous.ReferenceStation);
        Span<byte> latch = stackalloc byte[4];
        var status = port.ExchangeCounting(EtherCatCommand.Bwr, EtherCatAddress.Physical(0, EscRegister.DcReceiveTimePort0), latch, out ushort latched);
        if (status != ExchangeStatus.Ok || latched != slaves.Count)
            throw new EtherCatException(0, $"DC rejoin: latching receive times (BWR 0x0900) reached {latched} of {slaves.Count} slaves ({status})");

        var loops = new long[slaves.Count];
        var receive = new long[slaves.Count];
        Span<byte> times = stackalloc byte[16];
        Span<uint> portTimes = stackalloc uint[4];
        for (int i = 0; i < slaves.Count; i++)
        {
            ushort station = slaves[i].StationAddress;
            Check(port.Exchange(EtherCatCommand.Fprd, EtherCatAddress.Physical(station, EscRegister.DcReceiveTimePort0), times, 1), station, "read port receive times");
            for (int p = 0; p < 4; p++)
                portTimes[p] = BinaryPrimitives.ReadUInt32LittleEndian(times[(4 * p)..]);
            loops[i] = DcDelayCalculator.LoopTimeNs(portTimes, clocks[i].DownstreamPort);
            if (clocks[i].HasDistributedClock)
                receive[i] = ReadInt64(port, station, EscRegister.DcReceiveTimeProcessingUnit, "read processing-unit receive time");
        }

        long DelayOf(int i) => i >= reference ? DcDelayCalculator.PropagationDelayNs(loops[reference], loops[i]) : 0;
        int anchor = Array.FindIndex(clocks, c => c.HasDistributedClock && !returning.Contains(c.StationAddress));
        long systemTimeAtLatch = anchor >= 0
            ? unchecked(receive[anchor] + ReadInt64(port, clocks[anchor].StationAddress, EscRegister.DcSystemTimeOffset, "read system time offset") - DelayOf(anchor))
            : DistributedClocks.NowSince2000Ns();

        Span<byte> buffer = stackalloc byte[8];
        for (int i = 0; i < clocks.Length; i++)
        {
            var clock = clocks[i];
            if (!clock.HasDistributedClock || !returning.Contains(clock.StationAddress) || i < reference)
                continue;
            long delay = DelayOf(i);
            long offset = DcDelayCalculator.SystemTimeOffsetNs(systemTimeAtLatch, receive[i], delay);
            ushort station = clock.StationAddress;
            BinaryPrimitives.WriteInt64LittleEndian(buffer, offset);
            Write(port, station, EscRegister.DcSystemTimeOffset, buffer, "write system time offset");
            BinaryPrimitives.WriteUInt32LittleEndian(buffer, (uint)Math.Max(0, delay));
            Write(port, station, EscRegister.DcSystemTimeDelay, buffer[..4], "write system time delay");
            BinaryPrimitives.WriteUInt16LittleEndian(buffer, 0x1000); // speed counter start: resets the time control loop
            Write(port, station, EscRegister.DcSpeedCounterStart, buffer[..2], "reset the time control loop");
            buffer[0] = 0x0C;
            Write(port, station, EscRegister.DcSystemTimeDifferenceFilterDepth, buffer[..1], "set the filter depth");
            clocks[i] = clock with { LoopTimeNs = loops[i], PropagationDelayNs = delay, ReceiveTimeNs = receive[i], SystemTimeOffsetNs = offset };
        }

        var topology = new DcTopology(previous.ReferenceStation, clocks);
        if (DistributedClocks.CompensateStaticDrift(port, topology, dc.DriftCompensationFrames) == 0)
            throw new EtherCatException(topology.ReferenceStation, $"DC rejoin: none of {dc.DriftCompensationFrames} FRMW frames reached all {topology.ClockCount} DC slaves");
        long now = DistributedClocks.ReadSystemTimeNs(port, topology.ReferenceStation);
        long start = DistributedClocks.Sync0StartTimeNs(now, dc.CycleTimeNs, dc.Sync0StartDelayNs, dc.Sync0ShiftNs);
        foreach (var clock in clocks)
            if (clock.HasDistributedClock && returning.Contains(clock.StationAddress))
                DistributedClocks.ConfigureSync0(port, clock.StationAddress, dc.CycleTimeNs, start);
        return topology;
    }

    /// <summary>True when the slave's SYNC0 is not running (0x0981 lacks cyclic operation + SYNC0): it lost its DC settings.</summary>
    public static bool Sync0Lost(EtherCatPort port, ushort station)
    {
        Span<byte> activation = stackalloc byte[1];
        Check(port.Exchange(EtherCatCommand.Fprd, EtherCatAddress.Physical(station, EscRegister.DcActivation), activation, 1), station, "read SYNC0 activation");
        return (activation[0] & 0x03) != 0x03;
    }

    private static void Check(ExchangeStatus status, ushort station, string step) => SiiEepromReader.Check(status, station, step);

    private static void Write(EtherCatPort port, ushort station, ushort register, Span<byte> data, string step) =>
        Check(port.Exchange(EtherCatCommand.Fpwr, EtherCatAddress.Physical(station, register), data, 1), station, step);

    private static long ReadInt64(EtherCatPort port, ushort station, ushort register, string step)
    {
        Span<byte> raw = stackalloc byte[8];
        Check(port.Exchange(EtherCatCommand.Fprd, EtherCatAddress.Physical(station, register), raw, 1), station, step);
        return BinaryPrimitives.ReadInt64LittleEndian(raw);
    }
}
