namespace Controller.Pipeline.Tests.Support;

/// <summary>
/// Tests that run several busy threads or processes. They run one at a time and apart from every other
/// test, so on a small (two-core) machine each end of a ring gets a core of its own.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConcurrencyCollection
{
    public const string Name = "Concurrency";
}
