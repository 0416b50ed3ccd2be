namespace Controller.Hardware.Devices.EtherCat;

/// <summary>
/// Propagation delays of a line from the port receive times latched by one broadcast write of 0x0900
/// (ETG.1000.4 §6.8.2, ESC datasheet section I "propagation delay measurement"). For each slave the loop time is
/// the downstream port's receive time minus port 0's: the time the frame spent in the rest of the line. In a line,
/// the delay from the reference to slave i is half the difference of their loop times. Branches (a slave with two
/// downstream ports open, e.g. an EK1122 junction) are not handled: <see cref="DownstreamPort"/> throws naming the slave.
/// </summary>
public static class DcDelayCalculator
{
    /// <summary>ESC frame processing order of the ports after port 0 (the datasheets' "0 → 3 → 1 → 2").</summary>
    private static readonly int[] DownstreamOrder = [3, 1, 2];

    /// <summary>The one port after port 0 with communication established (DL status bit 9+2·port), or null at the end of a line.</summary>
    /// <exception cref="EtherCatException">More than one: a branch.</exception>
    public static int? DownstreamPort(ushort station, ushort dlStatus)
    {
        int? found = null;
        foreach (int port in DownstreamOrder)
        {
            if ((dlStatus & (0x0200 << (2 * port))) == 0)
                continue;
            if (found is not null)
                throw new EtherCatException(station,
                    $"slave 0x{station:X4} has ports {found} and {port} open (DL status 0x{dlStatus:X4}): branched topologies are not handled, only lines");
            found = port;
        }
        return found;
    }

    /// <summary>Loop time from the latched 32-bit receive times (wrap-around safe); 0 without a downstream port.</summary>
    /// <param name="portReceiveTimesNs">0x0900..0x090F as four 32-bit values.</param>
    /// <param name="downstreamPort">From <see cref="DownstreamPort"/>.</param>
    public static long LoopTimeNs(ReadOnlySpan<uint> portReceiveTimesNs, int? downstreamPort) =>
        downstreamPort is int p ? unchecked((int)(portReceiveTimesNs[p] - portReceiveTimesNs[0])) : 0;

    /// <summary>Delay from the reference (loop time <paramref name="referenceLoopNs"/>) to a slave further down the line.</summary>
    public static long PropagationDelayNs(long referenceLoopNs, long slaveLoopNs) => (referenceLoopNs - slaveLoopNs) / 2;

    /// <summary>
    /// Offset (0x0920) that makes the slave's system time equal the reference's: the reference's system time when the
    /// latch frame reached it was <paramref name="systemTimeAtLatchNs"/>; it reached this slave
    /// <paramref name="delayNs"/> later, when the slave's local clock read <paramref name="receiveTimeNs"/>.
    /// </summary>
    public static long SystemTimeOffsetNs(long systemTimeAtLatchNs, long receiveTimeNs, long delayNs) =>
        unchecked(systemTimeAtLatchNs + delayNs - receiveTimeNs);
}
