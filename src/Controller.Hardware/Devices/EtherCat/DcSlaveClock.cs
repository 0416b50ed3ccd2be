namespace Controller.Hardware.Devices.EtherCat;

/// <summary>What distributed-clocks start-up measured and set for one slave of the line.</summary>
/// <param name="Position">0-based position in the line.</param>
/// <param name="StationAddress">Configured station address.</param>
/// <param name="HasDistributedClock">ESC feature bit 2 (0x0008): a DC system-time unit exists.</param>
/// <param name="DownstreamPort">The port the rest of the line hangs on (from DL status 0x0110), or null at the end of the line.</param>
/// <param name="LoopTimeNs">Time from the frame entering port 0 to it coming back on the downstream port (0 at the end), in the slave's local ns.</param>
/// <param name="PropagationDelayNs">Delay from the reference clock to this slave (0x0928), ns; null for slaves before the reference.</param>
/// <param name="ReceiveTimeNs">Local time the latch frame reached the processing unit (0x0918); 0 without DC.</param>
/// <param name="SystemTimeOffsetNs">The offset written to 0x0920 so local time + offset = system time; 0 without DC.</param>
public sealed record DcSlaveClock(
    int Position,
    ushort StationAddress,
    bool HasDistributedClock,
    int? DownstreamPort,
    long LoopTimeNs,
    long? PropagationDelayNs,
    long ReceiveTimeNs,
    long SystemTimeOffsetNs);
