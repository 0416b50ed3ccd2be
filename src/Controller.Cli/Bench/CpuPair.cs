using Controller.Pipeline.Threading;

namespace Controller.Cli.Bench;

/// <summary>The two CPUs the two sides of a probe run on; pinning is skipped on a one-CPU machine.</summary>
/// <param name="First">CPU of the producer / initiator.</param>
/// <param name="Second">CPU of the consumer / echo.</param>
public readonly record struct CpuPair(int First, int Second)
{
    /// <summary>CPUs 0 and 1 when the machine has two or more; otherwise no pinning.</summary>
    public static CpuPair Default => Environment.ProcessorCount >= 2 ? new CpuPair(0, 1) : new CpuPair(-1, -1);

    /// <summary>True when both sides are pinned to distinct CPUs.</summary>
    public bool IsPinned => First >= 0 && Second >= 0 && First != Second;

    /// <summary>Pins the calling thread to <see cref="First"/>; false when not pinned.</summary>
    public bool PinFirst() => First >= 0 && CpuAffinity.TryPinCurrentThread(First);

    /// <summary>Pins the calling thread to <see cref="Second"/>; false when not pinned.</summary>
    public bool PinSecond() => Second >= 0 && CpuAffinity.TryPinCurrentThread(Second);
}
