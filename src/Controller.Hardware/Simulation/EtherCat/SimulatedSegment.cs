using Controller.Hardware.Protocols.EtherCat;
using Controller.Hardware.Transports.Ethernet;

namespace Controller.Hardware.Simulation.EtherCat;

/// <summary>
/// A line of simulated slaves behind one port: a frame passes every present slave in order, then returns with
/// bit 1 of the first source-MAC octet set, as real ESCs mark returning frames. Faults on demand: lost frames
/// (<see cref="DropNextFrames"/>), slaves that disappear (<see cref="SimulatedSlave.Present"/>) and slaves that
/// fail into a lower state (<see cref="SimulatedSlave.Fail"/>). <see cref="Serve"/> answers a transport on a thread
/// of its own: an in-process <see cref="VirtualNic"/> or a raw socket on a veth end.
/// </summary>
public sealed class SimulatedSegment
{
    private readonly SimulatedSlave[] _slaves;
    private int _dropNext;

    /// <summary>Creates a segment with the slaves in wiring order.</summary>
    public SimulatedSegment(IEnumerable<SimulatedSlave> slaves) => _slaves = slaves.ToArray();

    /// <summary>The slaves in wiring order (position 0 first).</summary>
    public IReadOnlyList<SimulatedSlave> Slaves => _slaves;

    /// <summary>True time in ns for the slaves' DC clocks, sampled once per frame; default the host's monotonic clock (tests may step it).</summary>
    public Func<long> TimeNs { get; set; } = SimulatedDcClock.HostNowNs;

    /// <summary>Cable plus forwarding delay per hop each way, ns (what DC propagation-delay measurement finds).</summary>
    public long HopDelayNs { get; set; } = 500;

    /// <summary>Frames answered.</summary>
    public long FramesProcessed { get; private set; }

    /// <summary>Frames swallowed by fault injection.</summary>
    public long FramesDropped { get; private set; }

    /// <summary>Loses the next <paramref name="count"/> frames (as a broken cable or a CRC error would).</summary>
    public void DropNextFrames(int count) => Interlocked.Exchange(ref _dropNext, count);

    /// <summary>Passes one frame through the segment in place; false when it was dropped or is not EtherCAT.</summary>
    public bool Process(Span<byte> frame)
    {
        if (EtherCatFrameReader.TryCreate(frame, out _) != EtherCatDecodeError.None)
            return false;
        if (Volatile.Read(ref _dropNext) > 0 && Interlocked.Decrement(ref _dropNext) >= 0)
        {
            FramesDropped++;
            return false;
        }
        SimulatedDcTiming.PassFrame(_slaves, TimeNs(), HopDelayNs);
        for (int i = 0; i < _slaves.Length; i++) // an array loop: enumerating the interface would allocate per frame
            _slaves[i].Process(frame);
        frame[6] |= 0x02;
        FramesProcessed++;
        return true;
    }

    /// <summary>Answers frames arriving on <paramref name="transport"/> until the returned handle is disposed.</summary>
    /// <param name="transport">The segment's end of the cable.</param>
    /// <param name="onThreadStart">Runs first on the answering thread (e.g. to give it a real-time priority, so the host's
    /// load does not delay the slaves' answers as it never delays an ESC's), or null.</param>
    public IDisposable Serve(IRawFrameTransport transport, Action? onThreadStart = null)
    {
        var stop = new CancellationTokenSource();
        var thread = new Thread(() =>
        {
            onThreadStart?.Invoke();
            var buffer = new byte[1514];
            while (!stop.IsCancellationRequested)
            {
                var status = transport.TryReceive(buffer, 10_000_000, out int length);
                if (status == FrameIoStatus.Closed)
                    return;
                if (status == FrameIoStatus.Ok && Process(buffer.AsSpan(0, length)))
                    transport.Send(buffer.AsSpan(0, length));
            }
        }) { IsBackground = true, Name = "ethercat-sim" };
        thread.Start();
        return new Stopper(stop, thread);
    }

    private sealed class Stopper(CancellationTokenSource stop, Thread thread) : IDisposable
    {
        public void Dispose()
        {
            stop.Cancel();
            thread.Join();
            stop.Dispose();
        }
    }
}
