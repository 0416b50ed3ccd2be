using System.Globalization;
using System.Text.Json.Serialization;

namespace Controller.Cerebellum.Realtime;

/// <summary>A resource limit (<c>getrlimit</c>): the soft value in force and the hard ceiling; null means unlimited.</summary>
/// <param name="Soft">The limit in force; null when unlimited (<c>RLIM_INFINITY</c>).</param>
/// <param name="Hard">The most an unprivileged process may raise <paramref name="Soft"/> to; null when unlimited.</param>
public readonly record struct ResourceLimit(
    [property: JsonPropertyName("soft")] ulong? Soft,
    [property: JsonPropertyName("hard")] ulong? Hard)
{
    /// <summary>Whether the soft limit is unlimited.</summary>
    [JsonPropertyName("unlimited")]
    public bool IsUnlimited => Soft is null;

    /// <summary>Converts raw <c>rlim_t</c> values, mapping <c>RLIM_INFINITY</c> (all bits set) to null.</summary>
    public static ResourceLimit FromRaw(ulong soft, ulong hard, ulong infinity) =>
        new(soft == infinity ? null : soft, hard == infinity ? null : hard);

    /// <summary>The soft limit as text: a number, or <c>unlimited</c>.</summary>
    [JsonIgnore]
    public string SoftText => Soft?.ToString(CultureInfo.InvariantCulture) ?? "unlimited";
}
