namespace Controller.Brain.Policies;

/// <summary>Outcome of one <see cref="PolicyRunner.Step"/>; everything but <see cref="Published"/> publishes nothing, so the cerebellum holds.</summary>
public enum PolicyStepStatus
{
    /// <summary>A chunk was published.</summary>
    Published,

    /// <summary>The state could not be written (joint count, NaN); the model was not run.</summary>
    BadObservation,

    /// <summary>The inference passed its deadline.</summary>
    DeadlineMissed,

    /// <summary>ONNX Runtime failed.</summary>
    InferenceFailed,

    /// <summary>The output held NaN or infinity.</summary>
    RejectedNotFinite,

    /// <summary>A value lay outside the manifest's min/max.</summary>
    RejectedOutOfRange,

    /// <summary>Consecutive rows (or the state and row 0) differed by more than max_jump.</summary>
    RejectedJump,

    /// <summary>The chunk ring was full (the cerebellum is not consuming).</summary>
    RingFull,
}
