namespace Controller.Runtime.Recording;

/// <summary>What a record holds: the first element of every record payload. Values are part of the file format.</summary>
public enum RecordKind
{
    /// <summary>Decimated joint state: measured positions, velocities, efforts and the commanded positions.</summary>
    State = 1,

    /// <summary>The wrist force/torque sample.</summary>
    Wrench = 2,

    /// <summary>The brain's instruction or current skill changed.</summary>
    Skill = 3,

    /// <summary>The cerebellum took a policy's action chunk (a summary: shape and first action).</summary>
    Chunk = 4,

    /// <summary>A safety supervisor event (a transition).</summary>
    SafetyEvent = 5,

    /// <summary>A bus changed lifecycle state or counted new faults.</summary>
    Fault = 6,

    /// <summary>The loop's published statistics (cycles, overruns, lateness percentiles).</summary>
    Loop = 7,

    /// <summary>One planner or policy call: its inputs (state, goal, instruction, camera images) and outputs (format version 2).</summary>
    ModelCall = 8,
}
