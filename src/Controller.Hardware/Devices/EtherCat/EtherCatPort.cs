using System.Diagnostics;
using Controller.Hardware.Protocols.EtherCat;
using Controller.Hardware.Transports.Ethernet;

namespace Controller.Hardware.Devices.EtherCat;

/// <summary>
/// The master's port for acyclic work (discovery, SII, AL state changes, mailbox): one datagram per frame,
/// matched to its reply by index, with a timeout and retries for lost frames. Frames that are not the awaited
/// reply (late replies of earlier timeouts, foreign traffic) are counted and skipped. Preallocated buffers:
/// no allocation per exchange. Single-threaded; the cyclic process-data path uses its own frame.
/// </summary>
public sealed class EtherCatPort
{
    private readonly IRawFrameTransport _transport;
    private readonly byte[] _tx = new byte[EtherCatFrameLayout.MaxEthernetFrameBytes];
    private readonly byte[] _rx = new byte[EtherCatFrameLayout.MaxEthernetFrameBytes];
    private readonly DatagramIndexTable _indices = new();

    /// <summary>Creates a port over a transport (borrowed: the caller disposes it).</summary>
    /// <param name="transport">Raw socket or virtual NIC.</param>
    /// <param name="source">Source MAC of the master's frames.</param>
    /// <param name="timeoutNs">How long to wait for each reply, 1 µs..10 s.</param>
    /// <param name="retries">Resends after a timeout, 0..10.</param>
    /// <exception cref="ArgumentOutOfRangeException">timeoutNs or retries is out of range.</exception>
    public EtherCatPort(IRawFrameTransport transport, MacAddress source, long timeoutNs = 50_000_000, int retries = 3)
    {
        if (timeoutNs is < 1_000 or > 10_000_000_000)
            throw new ArgumentOutOfRangeException(nameof(timeoutNs), timeoutNs, "reply timeout must be 1 µs..10 s");
        if (retries is < 0 or > 10)
            throw new ArgumentOutOfRangeException(nameof(retries), retries, "retries must be 0..10");
        _transport = transport;
        Source = source;
        TimeoutNs = timeoutNs;
        Retries = retries;
    }

    /// <summary>The master's source MAC.</summary>
    public MacAddress Source { get; }

    /// <summary>Reply timeout per attempt.</summary>
    public long TimeoutNs { get; }

    /// <summary>Resends after a timeout.</summary>
    public int Retries { get; }

    /// <summary>Frames resent after a timeout.</summary>
    public long ResentFrames { get; private set; }

    /// <summary>Received frames that were not the awaited reply.</summary>
    public long UnmatchedFrames { get; private set; }

    /// <summary>The working counter of the last reply.</summary>
    public ushort LastWorkingCounter { get; private set; }

    /// <summary>The last working-counter mismatch.</summary>
    public WorkingCounterError LastWorkingCounterError { get; private set; }

    /// <summary>Sends one datagram and waits for its reply; for reads the reply's data is copied into <paramref name="data"/>.</summary>
    /// <param name="command">Command.</param>
    /// <param name="address">Raw address (see <see cref="EtherCatAddress"/>).</param>
    /// <param name="data">Data to send; receives the returned data.</param>
    /// <param name="expectedWorkingCounter">The working counter that means success.</param>
    public ExchangeStatus Exchange(EtherCatCommand command, uint address, Span<byte> data, ushort expectedWorkingCounter)
    {
        var request = new DatagramRequest(command, address, (ushort)data.Length, expectedWorkingCounter);
        for (int attempt = 0; attempt <= Retries; attempt++)
        {
            _indices.ReleaseAll();
            _indices.TryReserve(request, out byte index);
            var writer = new EtherCatFrameWriter(_tx, MacAddress.Broadcast, Source);
            if (!writer.TryAppend(command, index, address, data))
                throw new ArgumentException($"{data.Length} bytes do not fit one datagram (max {EtherCatFrameLayout.MaxDatagramDataBytes})", nameof(data));
            int length = writer.Finish();
            if (attempt > 0)
                ResentFrames++;
            if (_transport.Send(_tx.AsSpan(0, length)) != FrameIoStatus.Ok)
                return ExchangeStatus.SendFailed;
            var status = AwaitReply(data, out bool answered);
            if (answered)
                return status;
        }
        return ExchangeStatus.Timeout;
    }

    /// <summary>Like <see cref="Exchange"/> but any working counter counts as an answer (broadcast counting).</summary>
    /// <returns><see cref="ExchangeStatus.Ok"/> with the working counter, or Timeout / SendFailed.</returns>
    public ExchangeStatus ExchangeCounting(EtherCatCommand command, uint address, Span<byte> data, out ushort workingCounter)
    {
        var status = Exchange(command, address, data, 0);
        workingCounter = LastWorkingCounter;
        return status == ExchangeStatus.WorkingCounterMismatch ? ExchangeStatus.Ok : status;
    }

    private ExchangeStatus AwaitReply(Span<byte> data, out bool answered)
    {
        answered = false;
        long deadline = Stopwatch.GetTimestamp() + (long)(TimeoutNs * (Stopwatch.Frequency / 1e9));
        while (true)
        {
            long remainingNs = (long)((deadline - Stopwatch.GetTimestamp()) * (1e9 / Stopwatch.Frequency));
            if (remainingNs <= 0 || _transport.TryReceive(_rx, remainingNs, out int length) != FrameIoStatus.Ok)
                return ExchangeStatus.Timeout;
            if (EtherCatFrameReader.TryCreate(_rx.AsSpan(0, length), out var reader) != EtherCatDecodeError.None || !reader.TryReadNext(out var d))
            {
                UnmatchedFrames++;
                continue;
            }
            var match = _indices.Complete(d, out var error);
            if (match is not (ReplyStatus.Ok or ReplyStatus.WorkingCounterMismatch))
            {
                UnmatchedFrames++;
                continue;
            }
            answered = true;
            LastWorkingCounter = d.WorkingCounter;
            d.Data.CopyTo(data);
            if (match == ReplyStatus.WorkingCounterMismatch)
            {
                LastWorkingCounterError = error;
                return ExchangeStatus.WorkingCounterMismatch;
            }
            return ExchangeStatus.Ok;
        }
    }
}
