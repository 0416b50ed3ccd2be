namespace Controller.Brain.Manifests;

/// <summary>The LeRobot feature families an input can be fed from, named by the feature's prefix.</summary>
public enum FeatureKind
{
    /// <summary><c>observation.state</c>: joint positions (then velocities, efforts when the width asks).</summary>
    State,

    /// <summary><c>observation.images.&lt;camera&gt;</c>: one camera frame.</summary>
    Image,

    /// <summary><c>observation.wrench</c>: force (N) and torque (N·m), six values.</summary>
    Wrench,

    /// <summary><c>task</c>: the instruction text, tokenized.</summary>
    Task,

    /// <summary>
    /// <c>observation.goal</c>: a joint-space goal (one position per joint, model order) chosen by a planner or
    /// task sequencer, for goal-conditioned policies. Not a LeRobot feature; the project's own.
    /// </summary>
    Goal,

    /// <summary>
    /// <c>task.attention_mask</c>: 1 for each real token of the tokenized instruction, 0 for each pad (int64
    /// [1, max_length], the same shape as the <c>task</c> ids), for models that take a mask beside the ids.
    /// </summary>
    TaskAttentionMask,
}
