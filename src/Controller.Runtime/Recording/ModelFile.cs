namespace Controller.Runtime.Recording;

/// <summary>A model the brain ran during the episode, identified by its manifest and the manifest's hash.</summary>
/// <param name="Role">"planner" or "policy".</param>
/// <param name="ManifestPath">The manifest's path as the configuration resolved it.</param>
/// <param name="ManifestSha256">Lower-case hex SHA-256 of the manifest file ("" when it could not be read).</param>
public sealed record ModelFile(string Role, string ManifestPath, string ManifestSha256);
