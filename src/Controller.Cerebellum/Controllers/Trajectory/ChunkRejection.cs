namespace Controller.Cerebellum.Controllers.Trajectory;

/// <summary>Why <see cref="ChunkTrajectoryFollower.Accept"/> refused an action chunk (<see cref="None"/>: it was accepted).</summary>
public enum ChunkRejection : int
{
    /// <summary>The chunk was accepted.</summary>
    None = 0,

    /// <summary>The follower has not been started with <see cref="ChunkTrajectoryFollower.Reset"/> yet.</summary>
    NotStarted = 1,

    /// <summary><see cref="Controller.Pipeline.Messages.ActionChunk.Dimension"/> differs from the follower's joint count.</summary>
    WrongDimension = 2,

    /// <summary><see cref="Controller.Pipeline.Messages.ActionChunk.Steps"/> is outside 1 to <see cref="Controller.Pipeline.Messages.MessageLimits.MaxChunkSteps"/>.</summary>
    BadStepCount = 3,

    /// <summary><see cref="Controller.Pipeline.Messages.ActionChunk.StepPeriodNs"/> is not positive.</summary>
    BadStepPeriod = 4,

    /// <summary>The chunk's kind is not a joint-space kind (end-effector poses need inverse kinematics first).</summary>
    UnsupportedKind = 5,

    /// <summary>A value is NaN or infinite.</summary>
    NonFiniteValue = 6,

    /// <summary><see cref="Controller.Pipeline.Messages.ActionChunk.StartTimeNs"/> is more than a minute away from now.</summary>
    StartTimeOutOfRange = 7,
}
