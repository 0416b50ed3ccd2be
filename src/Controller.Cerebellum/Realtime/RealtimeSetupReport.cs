using System.Text.Json.Serialization;

namespace Controller.Cerebellum.Realtime;

/// <summary>What <see cref="RealtimeThreadSetup.Apply"/> got from the kernel, one item per requested setting.</summary>
public sealed class RealtimeSetupReport
{
    /// <summary>Creates a report over a copy of <paramref name="items"/>.</summary>
    public RealtimeSetupReport(IEnumerable<RealtimeSetupItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        Items = items.ToArray();
    }

    /// <summary>The requested settings in the order they were applied; settings not requested are absent.</summary>
    [JsonPropertyName("items")]
    public IReadOnlyList<RealtimeSetupItem> Items { get; }

    /// <summary>True when every requested setting was granted (also when nothing was requested).</summary>
    [JsonPropertyName("all_granted")]
    public bool AllGranted => Items.All(item => item.Granted);

    /// <summary>Number of refused settings.</summary>
    [JsonPropertyName("refused")]
    public int RefusedCount => Items.Count(item => !item.Granted);

    /// <summary>One line per item (see <see cref="RealtimeSetupItem.Describe"/>), joined with newlines.</summary>
    [JsonIgnore]
    public string Summary => Items.Count == 0
        ? "nothing requested"
        : string.Join(Environment.NewLine, Items.Select(item => item.Describe()));

    /// <inheritdoc/>
    public override string ToString() => Summary;
}
