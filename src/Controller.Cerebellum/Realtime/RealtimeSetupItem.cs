using System.Text.Json.Serialization;

namespace Controller.Cerebellum.Realtime;

/// <summary>The outcome of one part of a <see cref="RealtimeRequest"/>.</summary>
/// <param name="Name">What was asked for: <c>SCHED_FIFO</c>, <c>CPU affinity</c> or <c>mlockall</c>.</param>
/// <param name="Requested">The value asked for, e.g. <c>80</c>, <c>cpu 1</c>, <c>MCL_CURRENT|MCL_FUTURE</c>.</param>
/// <param name="Granted">Whether the kernel granted it.</param>
/// <param name="Errno">The errno name of a refusal (<c>EPERM</c>, <c>EINVAL</c>, <c>ENOMEM</c>…); null when granted.</param>
/// <param name="Fix">One line saying how to get it granted; null when granted.</param>
public sealed record RealtimeSetupItem(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("requested")] string Requested,
    [property: JsonPropertyName("granted")] bool Granted,
    [property: JsonPropertyName("errno")] string? Errno,
    [property: JsonPropertyName("fix")] string? Fix)
{
    /// <summary>A granted item.</summary>
    public static RealtimeSetupItem GrantedItem(string name, string requested) => new(name, requested, true, null, null);

    /// <summary>A refused item with its errno name and fix.</summary>
    public static RealtimeSetupItem Refused(string name, string requested, string errno, string fix) =>
        new(name, requested, false, errno, fix);

    /// <summary>One line, e.g. <c>SCHED_FIFO 80: refused (EPERM) — fix: …</c> or <c>SCHED_FIFO 80: granted</c>.</summary>
    public string Describe() => Granted
        ? $"{Name} {Requested}: granted"
        : $"{Name} {Requested}: refused ({Errno}) — fix: {Fix}";
}
