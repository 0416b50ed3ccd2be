namespace Controller.Cerebellum.Loop;

/// <summary>
/// A device event the loop can be paced by: a blocking read returning (a serial or CAN frame arrived), an EtherCAT
/// frame coming back. Used by <see cref="DevicePacer"/>.
/// </summary>
public interface IPacingEventSource
{
    /// <summary>
    /// Blocks until the device signals or the monotonic clock reaches <paramref name="timeoutAtNs"/> (absolute, ns,
    /// the pacer's clock), whichever comes first; true when the device signalled. Loop thread; no allocation, no throw.
    /// Consuming the data is the driver's business in the cycle's Read phase.
    /// </summary>
    bool WaitForEvent(long timeoutAtNs);
}
