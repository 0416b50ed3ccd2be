using System.Text.Json.Serialization;

namespace Controller.Cli.Commands.Doctor;

/// <summary>One hardware-readiness finding of <c>robotctl doctor</c>: what was checked, how it stands, what was seen, how to fix it.</summary>
/// <param name="Check">What was checked, e.g. <c>ftdi latency_timer ttyUSB0</c>.</param>
/// <param name="Status">How it stands.</param>
/// <param name="Value">What was seen, in words (<c>16 ms</c>, <c>isolcpus=3 nohz_full=3</c>).</param>
/// <param name="Fix">The commands or steps that fix it; null when nothing needs fixing.</param>
public sealed record DoctorFinding(
    [property: JsonPropertyName("check")] string Check,
    [property: JsonIgnore] DoctorStatus Status,
    [property: JsonPropertyName("value")] string Value,
    [property: JsonPropertyName("fix")] string? Fix = null)
{
    /// <summary><see cref="Status"/> as the JSON and the table write it: <c>ok</c>, <c>warn</c> or <c>fail</c>.</summary>
    [JsonPropertyName("status")]
    public string StatusText => Status switch { DoctorStatus.Ok => "ok", DoctorStatus.Warn => "warn", _ => "fail" };
}
