using System.Buffers.Binary;
using System.Diagnostics;
using Controller.Hardware.Protocols.EtherCat;
using Controller.Hardware.Protocols.EtherCat.Esc;
using Controller.Hardware.Transports.Ethernet;

namespace Controller.Hardware.Devices.EtherCat;

/// <summary>
/// One cyclic process-data frame: optionally an FRMW of the reference clock's system time (0x0910, 8 bytes),
/// then an LRW of the logical process image. <see cref="Exchange"/> sends it, waits for the reply with the
/// matching indices (stale replies of earlier cycles are skipped), copies the returned image back and checks
/// the working counters. No allocation, lock or exception per cycle: outcomes are <see cref="CycleStatus"/>
/// values and counters. Single-threaded (the loop thread owns it).
/// </summary>
public sealed class ProcessDataCycle
{
    private readonly IRawFrameTransport _transport;
    private readonly byte[] _tx = new byte[EtherCatFrameLayout.MaxEthernetFrameBytes];
    private readonly byte[] _rx = new byte[EtherCatFrameLayout.MaxEthernetFrameBytes];
    private readonly byte[] _image;
    private readonly DatagramIndexTable _indices = new();
    private readonly MacAddress _source;
    private readonly uint _logicalStart;
    private readonly ushort _expectedImageCounter;
    private readonly ushort? _referenceClock;
    private readonly ushort _expectedClockCounter;
    private readonly long _timeoutTicks;

    /// <summary>Creates the cycle (configuration phase).</summary>
    /// <param name="transport">The transport (borrowed).</param>
    /// <param name="source">Source MAC.</param>
    /// <param name="imageBytes">Size of the logical process image, 1..1470 bytes (one frame).</param>
    /// <param name="logicalStart">Logical address of the image's first byte.</param>
    /// <param name="expectedImageCounter">LRW working counter when every slave did its part (2 per output slave + 1 per input slave).</param>
    /// <param name="referenceClock">Station address of the DC reference clock, or null for no FRMW.</param>
    /// <param name="clockSlaves">Slaves with a DC unit (the FRMW's expected working counter).</param>
    /// <param name="timeoutNs">How long to wait for the frame, 1 µs..1 s.</param>
    /// <exception cref="ArgumentOutOfRangeException">A size, count or timeout is out of range.</exception>
    public ProcessDataCycle(IRawFrameTransport transport, MacAddress source, int imageBytes, uint logicalStart,
        ushort expectedImageCounter, ushort? referenceClock = null, int clockSlaves = 0, long timeoutNs = 1_000_000)
    {
        int room = EtherCatFrameLayout.MaxDatagramBytesPerFrame - EtherCatFrameLayout.DatagramOverheadBytes
            - (referenceClock is null ? 0 : EtherCatFrameLayout.DatagramOverheadBytes + 8);
        if (imageBytes < 1 || imageBytes > room)
            throw new ArgumentOutOfRangeException(nameof(imageBytes), imageBytes, $"process image must be 1..{room} bytes in one frame");
        if (timeoutNs is < 1_000 or > 1_000_000_000)
            throw new ArgumentOutOfRangeException(nameof(timeoutNs), timeoutNs, "cycle timeout must be 1 µs..1 s");
        if (referenceClock is not null && clockSlaves is < 1 or > 65535)
            throw new ArgumentOutOfRangeException(nameof(clockSlaves), clockSlaves, "with a reference clock, 1..65535 DC slaves");
        _transport = transport;
        _source = source;
        _image = new byte[imageBytes];
        _logicalStart = logicalStart;
        _expectedImageCounter = expectedImageCounter;
        _referenceClock = referenceClock;
        _expectedClockCounter = (ushort)clockSlaves;
        _timeoutTicks = (long)(timeoutNs * (Stopwatch.Frequency / 1e9));
    }

    /// <summary>The process image: write outputs before <see cref="Exchange"/>, read inputs after it.</summary>
    public Span<byte> Image => _image;

    /// <summary>The reference clock's system time from the last good FRMW (ns since 2000-01-01 in a real DC network).</summary>
    public ulong ReferenceClockTimeNs { get; private set; }

    /// <summary>Cycles run.</summary>
    public long Cycles { get; private set; }

    /// <summary>Frames lost (no reply in time).</summary>
    public long LostFrames { get; private set; }

    /// <summary>Cycles with a working-counter mismatch.</summary>
    public long WorkingCounterErrors { get; private set; }

    /// <summary>The last working-counter mismatch (which datagram, expected, received).</summary>
    public WorkingCounterError LastWorkingCounterError { get; private set; }

    /// <summary>
    /// When above 0, every cycle also carries a BRD of the AL status register (0x0130) expecting this many slaves:
    /// its ORed value (<see cref="AlStatusOr"/>) shows at once when any slave left the state the group is in or set its
    /// error flag, without an acyclic read per slave. Needs 14 bytes of frame room beyond the image.
    /// </summary>
    public int AlStatusSlaves { get; init; }

    /// <summary>The AL status of every slave ORed together, from the last cycle whose BRD came back complete.</summary>
    public ushort AlStatusOr { get; private set; }

    /// <summary>Runs one cycle.</summary>
    public CycleStatus Exchange()
    {
        Cycles++;
        _indices.ReleaseAll();
        var writer = new EtherCatFrameWriter(_tx, MacAddress.Broadcast, _source);
        if (_referenceClock is ushort clock)
        {
            uint address = EtherCatAddress.Physical(clock, EscRegister.DcSystemTime);
            _indices.TryReserve(new DatagramRequest(EtherCatCommand.Frmw, address, 8, _expectedClockCounter), out byte clockIndex);
            writer.TryAppend(EtherCatCommand.Frmw, clockIndex, address, 8, out _);
        }
        _indices.TryReserve(new DatagramRequest(EtherCatCommand.Lrw, _logicalStart, (ushort)_image.Length, _expectedImageCounter), out byte imageIndex);
        writer.TryAppend(EtherCatCommand.Lrw, imageIndex, _logicalStart, _image);
        if (AlStatusSlaves > 0)
        {
            uint alStatus = EtherCatAddress.Physical(0, EscRegister.AlStatus);
            _indices.TryReserve(new DatagramRequest(EtherCatCommand.Brd, alStatus, 2, (ushort)AlStatusSlaves), out byte alIndex);
            writer.TryAppend(EtherCatCommand.Brd, alIndex, alStatus, 2, out _);
        }
        int length = writer.Finish();
        if (_transport.Send(_tx.AsSpan(0, length)) != FrameIoStatus.Ok)
            return CycleStatus.SendFailed;
        return AwaitReply();
    }

    private CycleStatus AwaitReply()
    {
        long deadline = Stopwatch.GetTimestamp() + _timeoutTicks;
        while (true)
        {
            long remaining = deadline - Stopwatch.GetTimestamp();
            if (remaining <= 0 || _transport.TryReceive(_rx, (long)(remaining * (1e9 / Stopwatch.Frequency)), out int length) != FrameIoStatus.Ok)
            {
                LostFrames++;
                return CycleStatus.Lost;
            }
            if (EtherCatFrameReader.TryCreate(_rx.AsSpan(0, length), out var reader) != EtherCatDecodeError.None)
                continue;
            bool mine = false, mismatch = false;
            while (reader.TryReadNext(out var d))
            {
                var status = _indices.Complete(d, out var error);
                if (status is not (ReplyStatus.Ok or ReplyStatus.WorkingCounterMismatch))
                    continue;
                mine = true;
                if (status == ReplyStatus.WorkingCounterMismatch)
                {
                    mismatch = true;
                    LastWorkingCounterError = error;
                }
                if (d.Command == EtherCatCommand.Lrw)
                    d.Data.CopyTo(_image);
                else if (d.Command == EtherCatCommand.Brd)
                {
                    if (status == ReplyStatus.Ok)
                        AlStatusOr = BinaryPrimitives.ReadUInt16LittleEndian(d.Data);
                }
                else if (status == ReplyStatus.Ok)
                    ReferenceClockTimeNs = BinaryPrimitives.ReadUInt64LittleEndian(d.Data);
            }
            if (!mine)
                continue; // a stale reply of an earlier cycle
            if (mismatch)
                WorkingCounterErrors++;
            return mismatch ? CycleStatus.WorkingCounterMismatch : CycleStatus.Ok;
        }
    }
}
