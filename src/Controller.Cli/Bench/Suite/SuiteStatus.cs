using System.Text.Json.Serialization;

namespace Controller.Cli.Bench.Suite;

/// <summary>How a suite's run ended.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SuiteStatus>))]
public enum SuiteStatus
{
    /// <summary>It ran; its figures stand (some may still be null, with a note).</summary>
    [JsonStringEnumMemberName("ok")] Ok,

    /// <summary>It does not apply here (no brain in the config, no cyclictest): not a failure; the notes say why.</summary>
    [JsonStringEnumMemberName("skipped")] Skipped,

    /// <summary>It threw or could not bring its device up: the run fails; the notes hold the message.</summary>
    [JsonStringEnumMemberName("failed")] Failed,
}
