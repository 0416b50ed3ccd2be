using System.Text.Json;

namespace Controller.Brain.Manifests;

/// <summary>
/// Reads LeRobot's <c>meta/stats.json</c>: <c>{"observation.state": {"mean": [...], "std": [...], "min": [...],
/// "max": [...]}, ...}</c>. Nested lists (image stats are [3, 1, 1]) are flattened row-major; other keys
/// (count, quantiles) are ignored.
/// </summary>
public static class LeRobotStats
{
    /// <summary>Parses stats JSON; problems are appended to <paramref name="problems"/> prefixed with <paramref name="where"/>.</summary>
    public static Dictionary<string, FeatureStats> Parse(string json, string where, List<string> problems)
    {
        var result = new Dictionary<string, FeatureStats>(StringComparer.Ordinal);
        try
        {
            using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 16 });
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                problems.Add($"{where}: expected a JSON object of features, found {doc.RootElement.ValueKind}");
                return result;
            }
            foreach (var feature in doc.RootElement.EnumerateObject())
            {
                if (feature.Value.ValueKind != JsonValueKind.Object)
                {
                    problems.Add($"{where}: '{feature.Name}' should be an object with mean/std/min/max, found {feature.Value.ValueKind}");
                    continue;
                }
                float[]? Read(string key)
                {
                    if (!feature.Value.TryGetProperty(key, out var v)) return null;
                    var values = new List<float>();
                    if (Flatten(v, values)) return values.ToArray();
                    problems.Add($"{where}: '{feature.Name}.{key}' must be a number or nested lists of finite numbers");
                    return null;
                }
                result[feature.Name] = new FeatureStats(Read("mean"), Read("std"), Read("min"), Read("max"));
            }
        }
        catch (JsonException e)
        {
            problems.Add($"{where}: not valid JSON ({e.Message})");
        }
        return result;
    }

    private static bool Flatten(JsonElement e, List<float> into)
    {
        if (e.ValueKind == JsonValueKind.Number)
        {
            if (!e.TryGetDouble(out double d) || !double.IsFinite(d) || Math.Abs(d) > float.MaxValue) return false;
            into.Add((float)d);
            return true;
        }
        if (e.ValueKind != JsonValueKind.Array) return false;
        foreach (var child in e.EnumerateArray())
        {
            if (!Flatten(child, into)) return false;
        }
        return true;
    }
}
