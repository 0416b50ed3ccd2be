using System.Text.Json.Serialization;

namespace Controller.Cerebellum.Realtime;

/// <summary>How one capability of the machine bears on the loop's latency.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RealtimeCapabilityStatus>))]
public enum RealtimeCapabilityStatus
{
    /// <summary>Set up for a real-time loop.</summary>
    [JsonStringEnumMemberName("ok")]
    Ok,

    /// <summary>The loop runs, but with more jitter than the machine could give; or the value could not be checked.</summary>
    [JsonStringEnumMemberName("warning")]
    Warning,

    /// <summary>The loop cannot get this, or it will miss deadlines because of it.</summary>
    [JsonStringEnumMemberName("problem")]
    Problem,
}
