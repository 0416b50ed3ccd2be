namespace Controller.Brain.Manifests;

/// <summary>A planner output tensor holding a skill argument, e.g. a target position in metres.</summary>
/// <param name="Name">The argument's name for the skill dispatcher (e.g. <c>target_position_m</c>).</param>
/// <param name="Tensor">Model output name.</param>
/// <param name="Shape">Its shape.</param>
/// <param name="YamlPath">Where in the manifest it was declared.</param>
public sealed record PlannerArgument(string Name, string Tensor, long[] Shape, string YamlPath);
