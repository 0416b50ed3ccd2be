namespace Controller.Brain.Manifests;

/// <summary>A recurrent state tensor: the output of one call fed back as the input of the next (zeros at start).</summary>
/// <param name="Input">Model input name.</param>
/// <param name="Output">Model output name.</param>
/// <param name="Shape">Shape of both.</param>
/// <param name="YamlPath">Where in the manifest it was declared.</param>
public sealed record RecurrentState(string Input, string Output, long[] Shape, string YamlPath);
