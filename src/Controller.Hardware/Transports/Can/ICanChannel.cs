namespace Controller.Hardware.Transports.Can;

/// <summary>
/// One CAN controller as the protocols see it: SocketCAN, an SLCAN adapter, or a node of the virtual bus.
/// <see cref="TrySend"/> and <see cref="TryReceive"/> never block, allocate or throw: a full queue, a closed
/// channel or bus-off is a <c>false</c> and a counter.
/// </summary>
public interface ICanChannel : IDisposable
{
    /// <summary>Name for messages and telemetry (an interface, a port, a node name).</summary>
    string Name { get; }

    /// <summary>Fault confinement state of the controller, or <see cref="CanBusState.Closed"/>.</summary>
    CanBusState BusState { get; }

    /// <summary>Traffic and error counters since the channel was created.</summary>
    CanChannelCounters Counters { get; }

    /// <summary>Queues <paramref name="frame"/> for transmission; false (and counted) when it cannot be queued now.</summary>
    bool TrySend(in CanFrame frame);

    /// <summary>Takes the oldest received frame (data, remote or error frame); false when none is waiting.</summary>
    bool TryReceive(out CanFrame frame);
}
