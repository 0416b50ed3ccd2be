namespace Controller.Cli.Bench;

/// <summary>
/// The two operations every queue under test offers. Implemented by structs and used as a generic type
/// argument, so the JIT specialises each probe per queue and no interface call sits in the measured loop.
/// </summary>
public interface IBenchQueue<T>
{
    /// <summary>Non-blocking enqueue.</summary>
    bool TryWrite(in T message);

    /// <summary>Non-blocking dequeue.</summary>
    bool TryRead(out T message);

    /// <summary>Non-blocking batch dequeue into <paramref name="destination"/>; returns how many were copied.</summary>
    int Drain(Span<T> destination);
}
