using System.Text.Json.Serialization;

namespace Controller.Cerebellum.Realtime;

/// <summary>
/// The doctor's findings: the machine's capabilities and a trial of <see cref="RealtimeThreadSetup.Apply"/>.
/// A refused trial item counts as a problem: the loop would not get it either.
/// </summary>
public sealed class RealtimeReadiness
{
    /// <summary>Combines a probe and a trial.</summary>
    public RealtimeReadiness(RealtimeCapabilities capabilities, RealtimeSetupReport trial)
    {
        ArgumentNullException.ThrowIfNull(capabilities);
        ArgumentNullException.ThrowIfNull(trial);
        Capabilities = capabilities;
        Trial = trial;
    }

    /// <summary>The probe.</summary>
    [JsonPropertyName("capabilities")]
    public RealtimeCapabilities Capabilities { get; }

    /// <summary>What the kernel granted a trial thread.</summary>
    [JsonPropertyName("trial")]
    public RealtimeSetupReport Trial { get; }

    /// <summary>Capability problems plus refused trial items.</summary>
    [JsonPropertyName("problems")]
    public int Problems => Capabilities.Problems + Trial.RefusedCount;

    /// <summary>Capability warnings.</summary>
    [JsonPropertyName("warnings")]
    public int Warnings => Capabilities.Warnings;

    /// <summary>The closing line, e.g. <c>1 problems, 4 warnings</c> (fixed form, easy to grep).</summary>
    [JsonIgnore]
    public string Verdict => $"{Problems} problems, {Warnings} warnings";
}
