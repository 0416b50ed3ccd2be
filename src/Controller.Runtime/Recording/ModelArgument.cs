namespace Controller.Runtime.Recording;

/// <summary>One named output of a planner besides its skill (e.g. <c>target</c>: x, y in metres), as the model produced it.</summary>
/// <param name="Name">The manifest's argument name.</param>
/// <param name="Values">The argument tensor's values, in order.</param>
public sealed record ModelArgument(string Name, double[] Values);
