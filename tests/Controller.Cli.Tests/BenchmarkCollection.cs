namespace Controller.Cli.Tests;

/// <summary>
/// Tests that run a benchmark pin threads to CPUs (one under SCHED_FIFO) and spin; two at once would
/// starve each other's peers, so they share one collection and run one after another.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BenchmarkCollection
{
    public const string Name = "Benchmarks";
}
