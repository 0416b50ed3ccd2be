namespace Controller.Cerebellum.Tests.Realtime;

/// <summary>Tests that change the whole process (memory locking) run alone, after the parallel ones.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideCollection
{
    public const string Name = "process-wide realtime settings";
}
