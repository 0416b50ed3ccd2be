namespace Controller.Brain.Manifests;

/// <summary>A planner's outputs: skill logits over a vocabulary, and argument tensors.</summary>
/// <param name="SkillTensor">Model output holding one logit per skill (last dimension = vocabulary size).</param>
/// <param name="SkillShape">Its shape.</param>
/// <param name="Skills">Skill names in logit order (e.g. move_to, grasp, release, place, home).</param>
/// <param name="Arguments">Argument tensors.</param>
/// <param name="YamlPath">Where in the manifest it was declared.</param>
public sealed record PlannerOutput(string SkillTensor, long[] SkillShape, string[] Skills, IReadOnlyList<PlannerArgument> Arguments, string YamlPath);
