namespace Controller.Cerebellum.Controllers;

/// <summary>What <see cref="ModelFeedForwardController"/> adds to the inner controller's torque.</summary>
public enum FeedForwardMode
{
    /// <summary>g(q) at the measured position: the robot weighs nothing to the feedback loop.</summary>
    Gravity,

    /// <summary>
    /// Full inverse dynamics M(q_r)q̈_r + C(q_r, q̇_r)q̇_r + g(q_r) along the commanded reference (q̈_r from the
    /// change of the commanded velocity): the feedback loop only corrects model error.
    /// </summary>
    InverseDynamics,
}
