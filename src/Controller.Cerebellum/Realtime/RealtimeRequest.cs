namespace Controller.Cerebellum.Realtime;

/// <summary>
/// What the loop thread asks of the OS for itself: a SCHED_FIFO priority, one CPU, and locked memory.
/// Every part is optional; <see cref="RealtimeThreadSetup.Apply"/> tries each one and reports the outcome.
/// </summary>
public sealed record RealtimeRequest
{
    /// <summary><see cref="Priority"/> value meaning "stay on the normal scheduler; do not ask for SCHED_FIFO".</summary>
    public const int NoRealtimePriority = 0;

    /// <summary>Lowest SCHED_FIFO priority on Linux.</summary>
    public const int MinPriority = 1;

    /// <summary>Highest SCHED_FIFO priority on Linux.</summary>
    public const int MaxPriority = 99;

    /// <summary>
    /// The priority the loop asks for unless told otherwise: above interrupt threads of a PREEMPT_RT kernel (50)
    /// and below the kernel's own watchdog/migration threads (99).
    /// </summary>
    public const int DefaultPriority = 80;

    /// <summary><see cref="Cpu"/> value meaning "do not pin; run wherever the scheduler likes".</summary>
    public const int NoPinning = -1;

    private readonly int _priority;
    private readonly int _cpu;

    /// <summary>Creates a request; see the properties for the meaning and range of each argument.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A priority outside 0 and 1..99, or a CPU below -1.</exception>
    public RealtimeRequest(int priority, int cpu, bool lockMemory)
    {
        Priority = priority;
        Cpu = cpu;
        LockMemory = lockMemory;
    }

    /// <summary>SCHED_FIFO priority within 1..99, or <see cref="NoRealtimePriority"/> (0) to leave the policy alone.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is neither 0 nor within 1..99.</exception>
    public int Priority
    {
        get => _priority;
        init
        {
            if (value != NoRealtimePriority && (value < MinPriority || value > MaxPriority))
            {
                throw new ArgumentOutOfRangeException(
                    "priority", value,
                    $"Priority {value} is out of range: SCHED_FIFO priorities are {MinPriority}..{MaxPriority}, and {NoRealtimePriority} means no SCHED_FIFO.");
            }
            _priority = value;
        }
    }

    /// <summary>
    /// CPU to pin the thread to (0-based), or <see cref="NoPinning"/> (-1). A CPU that does not exist is not
    /// rejected here: the kernel refuses it and the report says which CPUs exist.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below -1.</exception>
    public int Cpu
    {
        get => _cpu;
        init
        {
            if (value < NoPinning)
            {
                throw new ArgumentOutOfRangeException(
                    "cpu", value, $"CPU {value} is out of range: use a CPU number from 0, or {NoPinning} for no pinning.");
            }
            _cpu = value;
        }
    }

    /// <summary>Whether to lock all current and future memory of the process into RAM (<c>mlockall</c>).</summary>
    public bool LockMemory { get; init; }
}
