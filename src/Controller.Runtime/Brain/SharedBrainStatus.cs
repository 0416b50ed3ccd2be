namespace Controller.Runtime.Brain;

/// <summary>
/// What an out-of-process brain tells the runtime about itself (<c>/dev/shm/robotctl-brain-NAME.status</c>, a
/// <c>LatestValue</c> the brain process writes about ten times a second): the task's current skill, whether it is done
/// or failed and why, the instruction it follows, inference counts and rates, swaps and reloads, and the writer's
/// pid and clock. Fixed size and unmanaged so it lives in shared memory; text is UTF-8 cut at a fixed length.
/// </summary>
public unsafe struct SharedBrainStatus
{
    /// <summary>Longest skill name in UTF-8 bytes.</summary>
    public const int MaxSkillBytes = 32;

    /// <summary>Longest instruction in UTF-8 bytes (as <see cref="SharedBrainScene.MaxInstructionBytes"/>).</summary>
    public const int MaxInstructionBytes = SharedBrainScene.MaxInstructionBytes;

    /// <summary>Longest failure reason in UTF-8 bytes.</summary>
    public const int MaxFailureBytes = 192;

    private fixed byte _skill[MaxSkillBytes];
    private fixed byte _instruction[MaxInstructionBytes];
    private fixed byte _failure[MaxFailureBytes];
    private int _skillBytes;
    private int _instructionBytes;
    private int _failureBytes;

    /// <summary>1 once the task finished its sequence.</summary>
    public int Done;

    /// <summary>1 when the task failed (<see cref="Failure"/> says why).</summary>
    public int Failed;

    /// <summary>The brain process's id.</summary>
    public int ProcessId;

    /// <summary>When this status was published (<c>CLOCK_MONOTONIC</c>, ns: the same clock in every process).</summary>
    public long PublishedNs;

    /// <summary>Planner inferences so far (all models).</summary>
    public long PlannerRuns;

    /// <summary>Policy inferences so far (all models).</summary>
    public long PolicyCalls;

    /// <summary>Deadline misses so far (planner and policy).</summary>
    public long DeadlineMisses;

    /// <summary>Hot swaps applied.</summary>
    public long Swaps;

    /// <summary>Models reloaded after repeated failures.</summary>
    public long Reloads;

    /// <summary>Planner inferences per second over the last second or so.</summary>
    public double PlannerHz;

    /// <summary>Policy inferences per second over the last second or so.</summary>
    public double PolicyHz;

    /// <summary>The task's current skill.</summary>
    public string Skill
    {
        readonly get { fixed (byte* p = _skill) return FixedUtf8.Get(ref *p, _skillBytes, MaxSkillBytes); }
        set => _skillBytes = FixedUtf8.Put(value, ref _skill[0], MaxSkillBytes);
    }

    /// <summary>The instruction the brain follows.</summary>
    public string Instruction
    {
        readonly get { fixed (byte* p = _instruction) return FixedUtf8.Get(ref *p, _instructionBytes, MaxInstructionBytes); }
        set => _instructionBytes = FixedUtf8.Put(value, ref _instruction[0], MaxInstructionBytes);
    }

    /// <summary>Why the task failed (cut at <see cref="MaxFailureBytes"/>), or empty.</summary>
    public string Failure
    {
        readonly get { fixed (byte* p = _failure) return FixedUtf8.Get(ref *p, _failureBytes, MaxFailureBytes); }
        set => _failureBytes = FixedUtf8.Put(value, ref _failure[0], MaxFailureBytes);
    }

    /// <summary>The status as a managed snapshot (off the loop: this allocates its strings).</summary>
    public readonly BrainProcessStatus ToSnapshot() => new(
        Skill, Instruction, Failed != 0 ? Failure : null, Done != 0, ProcessId, PublishedNs,
        PlannerRuns, PolicyCalls, DeadlineMisses, Swaps, Reloads, PlannerHz, PolicyHz);
}
