using System.Diagnostics;
using Controller.Hardware.Transports;

namespace Controller.Hardware.Transports.Ethernet;

/// <summary>
/// One end of an in-process Ethernet cable for unit tests and in-process simulation: frames sent on one end
/// arrive at the other. Each direction is a preallocated single-producer/single-consumer ring, so sending and
/// receiving neither allocate nor lock; a full ring drops the frame and says <see cref="FrameIoStatus.QueueFull"/>.
/// Receiving with a timeout spins briefly, then sleeps on a futex that each arriving frame bumps: a twin on the far end
/// answers within microseconds of the frame, as silicon would, instead of at its next millisecond poll (on a loaded
/// host such polling made every simulated EtherCAT round trip cost 1-2 ms of the loop's cycle), and an idle end costs
/// no CPU.
/// </summary>
public sealed class VirtualNic : IRawFrameTransport
{
    private const int SlotBytes = 1514;
    private readonly byte[][] _slots;
    private readonly int[] _lengths;
    private long _head;   // next slot to read (owned by this end's receiver)
    private long _tail;   // next slot to write (owned by the peer's sender)
    private VirtualNic _peer = null!;
    private volatile bool _closed;
    private readonly FutexWord _arrivals = new(); // bumped by each frame arriving at this end

    private VirtualNic(int depth)
    {
        _slots = new byte[depth][];
        for (int i = 0; i < depth; i++)
            _slots[i] = new byte[SlotBytes];
        _lengths = new int[depth];
    }

    /// <summary>Frames dropped because this end's receive ring was full.</summary>
    public long DroppedFrames { get; private set; }

    /// <summary>Creates two connected ends.</summary>
    /// <param name="depth">Frames each direction can hold, 1..4096.</param>
    /// <exception cref="ArgumentOutOfRangeException">depth is outside 1..4096.</exception>
    public static (VirtualNic A, VirtualNic B) CreatePair(int depth = 16)
    {
        if (depth is < 1 or > 4096)
            throw new ArgumentOutOfRangeException(nameof(depth), depth, "ring depth must be in 1..4096");
        var a = new VirtualNic(depth);
        var b = new VirtualNic(depth);
        a._peer = b;
        b._peer = a;
        return (a, b);
    }

    /// <inheritdoc />
    public FrameIoStatus Send(ReadOnlySpan<byte> frame)
    {
        if (_closed || _peer._closed)
            return FrameIoStatus.Closed;
        if (frame.Length > SlotBytes)
            return FrameIoStatus.Truncated;
        return _peer.Enqueue(frame);
    }

    private FrameIoStatus Enqueue(ReadOnlySpan<byte> frame)
    {
        long tail = _tail;
        if (tail - Volatile.Read(ref _head) >= _slots.Length)
        {
            DroppedFrames++;
            return FrameIoStatus.QueueFull;
        }
        int slot = (int)(tail % _slots.Length);
        frame.CopyTo(_slots[slot]);
        _lengths[slot] = frame.Length;
        Volatile.Write(ref _tail, tail + 1);
        _arrivals.Bump();
        return FrameIoStatus.Ok;
    }

    /// <inheritdoc />
    public FrameIoStatus TryReceive(Span<byte> buffer, long timeoutNs, out int length)
    {
        length = 0;
        long deadline = Stopwatch.GetTimestamp() + (long)(timeoutNs * (Stopwatch.Frequency / 1e9));
        var spinner = new SpinWait();
        while (true)
        {
            if (_closed)
                return FrameIoStatus.Closed;
            long head = _head;
            if (head < Volatile.Read(ref _tail))
            {
                int slot = (int)(head % _slots.Length);
                int n = _lengths[slot];
                length = Math.Min(n, buffer.Length);
                _slots[slot].AsSpan(0, length).CopyTo(buffer);
                Volatile.Write(ref _head, head + 1);
                return n > buffer.Length ? FrameIoStatus.Truncated : FrameIoStatus.Ok;
            }
            long now = Stopwatch.GetTimestamp();
            if (now >= deadline)
                return FrameIoStatus.Timeout;
            if (!spinner.NextSpinWillYield)
            {
                spinner.SpinOnce();
                continue;
            }
            int seen = _arrivals.Value;
            _arrivals.AnnounceSleep();
            if (_closed || head < Volatile.Read(ref _tail))
            {
                _arrivals.CancelSleep();
                continue;
            }
            _arrivals.Sleep(seen, (long)((deadline - now) * (1e9 / Stopwatch.Frequency)));
        }
    }

    /// <summary>Closes this end; both ends then report <see cref="FrameIoStatus.Closed"/> on send.</summary>
    public void Dispose()
    {
        _closed = true;
        _arrivals.Bump(); // a receiver asleep on this end notices at once
    }
}
