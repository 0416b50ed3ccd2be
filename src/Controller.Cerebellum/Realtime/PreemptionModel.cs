using System.Text.Json.Serialization;

namespace Controller.Cerebellum.Realtime;

/// <summary>How preemptible the running kernel is: the bound on how long kernel code can delay the loop thread.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PreemptionModel>))]
public enum PreemptionModel
{
    /// <summary>The version text could not be read or understood.</summary>
    [JsonStringEnumMemberName("unknown")]
    Unknown,

    /// <summary>No PREEMPT marker: a server (none) or desktop (voluntary) kernel; latencies of milliseconds are possible.</summary>
    [JsonStringEnumMemberName("none_or_voluntary")]
    NoneOrVoluntary,

    /// <summary><c>PREEMPT_DYNAMIC</c>: the model (none, voluntary, full, lazy) is chosen at boot with <c>preempt=</c>.</summary>
    [JsonStringEnumMemberName("PREEMPT_DYNAMIC")]
    PreemptDynamic,

    /// <summary><c>PREEMPT_LAZY</c>: fully preemptible for real-time tasks, lazily for normal ones.</summary>
    [JsonStringEnumMemberName("PREEMPT_LAZY")]
    PreemptLazy,

    /// <summary><c>PREEMPT</c>: fully preemptible except in spinlocked and interrupt sections.</summary>
    [JsonStringEnumMemberName("PREEMPT")]
    Preempt,

    /// <summary><c>PREEMPT_RT</c>: spinlocks and interrupt handlers become preemptible threads; tens of microseconds worst case.</summary>
    [JsonStringEnumMemberName("PREEMPT_RT")]
    PreemptRt,
}
