namespace Controller.Runtime.Configuration;

/// <summary>Recording settings (<c>recording:</c>).</summary>
/// <param name="Enabled">Record every run.</param>
/// <param name="Directory">Where recordings go, relative to the configuration file.</param>
public sealed record RecordingConfig(bool Enabled, string Directory);
