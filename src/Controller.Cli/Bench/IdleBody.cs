using Controller.Cerebellum.Loop;

namespace Controller.Cli.Bench;

/// <summary>A cycle that does nothing: the loop's own overhead, comparable with cyclictest's empty wake-up.</summary>
public struct IdleBody : ICycleBody
{
    /// <inheritdoc />
    public readonly void Read(in CycleTime time) { }

    /// <inheritdoc />
    public readonly void Update(in CycleTime time) { }

    /// <inheritdoc />
    public readonly void Write(in CycleTime time) { }
}
