namespace Controller.Runtime.Configuration;

/// <summary>The brain's models (<c>brain:</c>); paths are relative to the configuration file.</summary>
/// <param name="Policy">Policy model manifest, or null.</param>
/// <param name="Planner">Planner model manifest, or null.</param>
/// <param name="Task">Default instruction when <c>--task</c> is not given.</param>
public sealed record BrainConfig(string? Policy, string? Planner, string? Task);
