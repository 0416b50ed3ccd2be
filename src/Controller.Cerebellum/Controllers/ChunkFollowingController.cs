using Controller.Cerebellum.Controllers.Trajectory;
using Controller.Cerebellum.Joints;
using Controller.Cerebellum.Loop;
using Controller.Pipeline.Messages;

namespace Controller.Cerebellum.Controllers;

/// <summary>
/// The <see cref="ChunkTrajectoryFollower"/> as a controller in the slot: activation starts the reference from
/// the measured state (bumpless), each cycle writes the follower's position reference, and arriving chunks go
/// to the follower.
/// </summary>
public sealed class ChunkFollowingController : ICycleController, IChunkConsumer
{
    /// <summary>Creates the controller for the joints in <paramref name="limits"/>.</summary>
    public ChunkFollowingController(JointLimitSet limits, string name = "chunk-follower")
    {
        Follower = new ChunkTrajectoryFollower(limits);
        Name = name;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>The follower inside (for its counters).</summary>
    public ChunkTrajectoryFollower Follower { get; }

    /// <inheritdoc />
    public void Activate(in CycleTime time, in JointState measured) => Follower.Reset(measured);

    /// <inheritdoc />
    public void Update(in CycleTime time, in JointState measured, ref JointCommand command) => Follower.Update(time, ref command);

    /// <inheritdoc />
    public ChunkRejection Accept(in ActionChunk chunk, long nowNs) => Follower.Accept(chunk, nowNs);
}
