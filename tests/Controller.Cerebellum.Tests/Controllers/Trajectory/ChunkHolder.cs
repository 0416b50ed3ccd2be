using Controller.Pipeline.Messages;

namespace Controller.Cerebellum.Tests.Controllers.Trajectory;

/// <summary>Keeps a 32 KiB chunk on the heap, filled in place as a ring slot would be.</summary>
internal sealed class ChunkHolder
{
    public ActionChunk Chunk;
}
