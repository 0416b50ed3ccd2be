using Controller.Pipeline.Rings;

namespace Controller.Hardware.Transports.Can;

/// <summary>
/// One controller on a <see cref="VirtualCanBus"/>: its owner sends and receives through it like any
/// <see cref="ICanChannel"/>; the bus moves frames between nodes at each <see cref="VirtualCanBus.Deliver"/>.
/// </summary>
/// <remarks>
/// Threads: the owner calls <see cref="TrySend"/> and <see cref="TryReceive"/> (one thread at a time); the bus tick
/// runs on another thread. Both queues are lock-free single-producer single-consumer rings, so neither side
/// locks or allocates. Fault injections (<see cref="InjectTransmitErrors"/>, <see cref="ForceBusOff"/>,
/// <see cref="Restart"/>) may come from any thread and take effect at the next bus tick, so that the tick stays
/// the only producer of the receive queue.
/// Error counters follow ISO 11898-1 fault confinement: +8 per transmit error, −1 per successful transmission,
/// +1 per receive error, −1 per successful reception; above 127 error-passive, above 255 bus-off.
/// CAN FD: the queues hold <see cref="CanFdFrame"/>s, so classic and FD frames keep their order. <see cref="TrySend"/>
/// and <see cref="TryReceive"/> are the classic view: an FD frame met by <see cref="TryReceive"/> is skipped and
/// counted as malformed input (as SocketCAN's classic read of an FD socket does here); read FD traffic with
/// <see cref="TryReceiveFd"/>. A classic-only node (<see cref="ClassicOnly"/>) refuses to send FD frames and sees each
/// FD frame on the bus as a bus-error frame. Simplification: on a real bus that error frame would destroy the FD frame
/// for every node and make its sender retry; here the FD-capable nodes still receive it.
/// </remarks>
public sealed class VirtualCanNode : ICanFdChannel
{
    private readonly SpscRing<CanFdFrame> _txRing;
    private readonly SpscRing<CanFdFrame> _rxRing;
    private readonly SpscProducer<CanFdFrame> _txProducer;
    private readonly SpscConsumer<CanFdFrame> _txConsumer;
    private readonly SpscProducer<CanFdFrame> _rxProducer;
    private readonly SpscConsumer<CanFdFrame> _rxConsumer;
    private int _transmitErrorCounter;
    private int _receiveErrorCounter;
    private int _busOff;
    private int _pendingTransmitErrors;
    private int _pendingBusOff;
    private int _pendingRestart;
    private int _ticksInBusOff;
    private int _disposed;
    private long _fdFramesRefused;

    internal VirtualCanNode(VirtualCanBus bus, int index, string name, int receiveCapacity, int transmitCapacity, bool classicOnly)
    {
        ClassicOnly = classicOnly;
        Bus = bus;
        Index = index;
        Name = name;
        _txRing = SpscRing<CanFdFrame>.Create(transmitCapacity);
        _rxRing = SpscRing<CanFdFrame>.Create(receiveCapacity);
        _txProducer = _txRing.TakeProducer();
        _txConsumer = _txRing.TakeConsumer();
        _rxProducer = _rxRing.TakeProducer();
        _rxConsumer = _rxRing.TakeConsumer();
        TransmitCapacity = transmitCapacity;
    }

    /// <summary>The bus this node is attached to.</summary>
    public VirtualCanBus Bus { get; }

    /// <summary>Position on the bus (attachment order); breaks arbitration ties between equal identifiers.</summary>
    public int Index { get; }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public CanChannelCounters Counters { get; } = new();

    /// <summary>
    /// Bus ticks a bus-off node waits before restarting by itself (like SocketCAN's <c>restart-ms</c>);
    /// 0 (the default) means it stays off until <see cref="Restart"/>.
    /// </summary>
    public int AutoRestartTicks { get; set; }

    /// <summary>True for a classic CAN controller: no FD frames out, an error frame for each FD frame in.</summary>
    public bool ClassicOnly { get; }

    /// <summary>FD frames this classic-only node saw on the bus and answered with an error frame.</summary>
    public long FdFramesRefused => Interlocked.Read(ref _fdFramesRefused);

    /// <summary>Transmit error counter (TEC).</summary>
    public int TransmitErrorCounter => Volatile.Read(ref _transmitErrorCounter);

    /// <summary>Receive error counter (REC).</summary>
    public int ReceiveErrorCounter => Volatile.Read(ref _receiveErrorCounter);

    /// <inheritdoc />
    public CanBusState BusState
    {
        get
        {
            if (Volatile.Read(ref _disposed) != 0) return CanBusState.Closed;
            if (Volatile.Read(ref _busOff) != 0) return CanBusState.BusOff;
            int worst = Math.Max(TransmitErrorCounter, ReceiveErrorCounter);
            return worst > 127 ? CanBusState.ErrorPassive : worst >= 96 ? CanBusState.ErrorWarning : CanBusState.ErrorActive;
        }
    }

    internal int TransmitCapacity { get; }

    /// <inheritdoc />
    public bool TrySend(in CanFrame frame) => TrySendFd(CanFdFrame.FromClassic(frame));

    /// <summary>
    /// Queues an FD frame (or a classic one, without FDF) with its BRS/ESI flags; false (and counted as rejected) when
    /// the node is off the bus, its queue is full, it is classic-only and the frame is FD, or the FD frame's length is
    /// not one a DLC expresses.
    /// </summary>
    public bool TrySendFd(in CanFdFrame frame)
    {
        bool invalid = frame.IsFd
            ? ClassicOnly || !CanFdDlc.IsValidLength(frame.Length) || (frame.Flags & (CanFrameFlags.Remote | CanFrameFlags.Error)) != 0
            : frame.Length > CanFrame.MaxClassicLength;
        if (invalid || Volatile.Read(ref _busOff) != 0 || Volatile.Read(ref _disposed) != 0 || !_txProducer.TryWrite(frame))
        {
            Counters.Rejected();
            return false;
        }
        Counters.Sent();
        return true;
    }

    /// <inheritdoc />
    public bool TryReceive(out CanFrame frame)
    {
        while (_rxConsumer.TryRead(out var any))
        {
            if (any.TryToClassic(out frame)) return true;
            Counters.Malformed();
        }
        frame = default;
        return false;
    }

    /// <inheritdoc />
    public bool TryReceiveFd(out CanFdFrame frame) => _rxConsumer.TryRead(out frame);

    /// <summary>Simulates <paramref name="count"/> failed transmissions (TEC += 8 each, an error frame each) at the next tick.</summary>
    public void InjectTransmitErrors(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        Interlocked.Add(ref _pendingTransmitErrors, count);
    }

    /// <summary>Sends the node bus-off at the next tick (as 32 transmit errors in a row would).</summary>
    public void ForceBusOff() => Volatile.Write(ref _pendingBusOff, 1);

    /// <summary>Restarts a bus-off node at the next tick: counters to zero, error-active, a restarted error frame.</summary>
    public void Restart() => Volatile.Write(ref _pendingRestart, 1);

    /// <inheritdoc />
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        Bus.Detach(this);
    }

    internal bool IsOnBus => Volatile.Read(ref _busOff) == 0 && Volatile.Read(ref _disposed) == 0;

    internal bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    internal void ReleaseRings()
    {
        _txProducer.Dispose();
        _txConsumer.Dispose();
        _rxProducer.Dispose();
        _rxConsumer.Dispose();
        _txRing.Dispose();
        _rxRing.Dispose();
    }

    // ---- bus tick side (one thread) ----

    internal bool TryTakeTransmit(out CanFdFrame frame) => _txConsumer.TryRead(out frame);

    internal void Enqueue(in CanFdFrame frame)
    {
        if (!frame.IsFd && (frame.Flags & CanFrameFlags.Error) != 0) Counters.ErrorFrame();
        if (_rxProducer.TryWrite(frame)) Counters.Received();
        else Counters.Overrun();
    }

    internal void OnTransmitted()
    {
        if (_transmitErrorCounter > 0) Volatile.Write(ref _transmitErrorCounter, _transmitErrorCounter - 1);
    }

    internal void OnReceived()
    {
        if (_receiveErrorCounter > 0) Volatile.Write(ref _receiveErrorCounter, _receiveErrorCounter - 1);
    }

    internal void OnReceiveError(long nowNs)
    {
        Volatile.Write(ref _receiveErrorCounter, Math.Min(_receiveErrorCounter + 1, 255));
        Enqueue(ErrorFrame(CanErrorClass.Protocol | CanErrorClass.BusError, nowNs));
    }

    /// <summary>Applies injected faults and restarts; returns the number of transmit errors signalled to the others.</summary>
    internal int ApplyFaults(long nowNs)
    {
        int errors = Interlocked.Exchange(ref _pendingTransmitErrors, 0);
        bool wasOff = _busOff != 0;
        int signalled = 0;
        for (int i = 0; i < errors && _busOff == 0; i++)
        {
            Volatile.Write(ref _transmitErrorCounter, _transmitErrorCounter + 8);
            Enqueue(ErrorFrame(CanErrorClass.Protocol | CanErrorClass.BusError, nowNs));
            signalled++;
            if (_transmitErrorCounter > 255) EnterBusOff(nowNs);
        }
        if (Interlocked.Exchange(ref _pendingBusOff, 0) != 0 && _busOff == 0)
        {
            Volatile.Write(ref _transmitErrorCounter, 256);
            EnterBusOff(nowNs);
        }
        bool restart = Interlocked.Exchange(ref _pendingRestart, 0) != 0;
        if (wasOff && _busOff != 0 && AutoRestartTicks > 0 && ++_ticksInBusOff >= AutoRestartTicks) restart = true;
        if (restart && _busOff != 0)
        {
            Volatile.Write(ref _transmitErrorCounter, 0);
            Volatile.Write(ref _receiveErrorCounter, 0);
            Volatile.Write(ref _busOff, 0);
            Enqueue(ErrorFrame(CanErrorClass.Restarted, nowNs));
        }
        return signalled;
    }

    internal void OnFdFrameRefused(long nowNs)
    {
        Interlocked.Increment(ref _fdFramesRefused);
        OnReceiveError(nowNs);
    }

    private static CanFdFrame ErrorFrame(CanErrorClass errorClass, long nowNs) => CanFdFrame.FromClassic(CanFrame.CreateError(errorClass, nowNs));

    private void EnterBusOff(long nowNs)
    {
        Volatile.Write(ref _busOff, 1);
        _ticksInBusOff = 0;
        Counters.BusOff();
        // A bus-off controller abandons its pending transmissions.
        while (_txConsumer.TryRead(out _)) Counters.Rejected();
        Enqueue(ErrorFrame(CanErrorClass.BusOff, nowNs));
    }
}
