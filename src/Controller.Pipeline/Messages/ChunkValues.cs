using System.Runtime.CompilerServices;

namespace Controller.Pipeline.Messages;

/// <summary>Action-chunk storage, inline: <see cref="MessageLimits.MaxChunkValues"/> float32 values, step-major.</summary>
[InlineArray(MessageLimits.MaxChunkValues)]
public struct ChunkValues
{
    private float _element0;
}
