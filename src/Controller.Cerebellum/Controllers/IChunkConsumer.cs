using Controller.Cerebellum.Controllers.Trajectory;
using Controller.Pipeline.Messages;

namespace Controller.Cerebellum.Controllers;

/// <summary>A controller that takes the brain's action chunks (the cycle hands each arriving chunk to the active one).</summary>
public interface IChunkConsumer
{
    /// <summary>Takes <paramref name="chunk"/> at <paramref name="nowNs"/>; loop thread; no allocation, no throw.</summary>
    ChunkRejection Accept(in ActionChunk chunk, long nowNs);
}
