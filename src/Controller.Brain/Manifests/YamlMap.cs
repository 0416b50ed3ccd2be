using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Controller.Brain.Manifests;

/// <summary>
/// Reads one YAML mapping of a manifest, collecting problems instead of stopping at the first: every getter
/// names the field by its path (e.g. <c>inputs[1].shape</c>) and what was expected. Keys not read by the
/// parser are reported by <see cref="ReportUnknownKeys"/>, so a typo never passes silently.
/// </summary>
internal sealed class YamlMap
{
    private readonly YamlMappingNode _node;
    private readonly List<string> _problems;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public YamlMap(YamlMappingNode node, string path, List<string> problems)
    {
        _node = node;
        Path = path;
        _problems = problems;
    }

    public string Path { get; }

    public bool Has(string key) => Find(key) is not null;

    public void Problem(string key, string message) => _problems.Add($"{Name(key)}: {message}");

    public string Name(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    public string? String(string key, bool required = true)
    {
        var node = Find(key);
        if (node is null) { if (required) Problem(key, "missing (a string is required)"); return null; }
        if (node is YamlScalarNode s && !string.IsNullOrEmpty(s.Value)) return s.Value;
        Problem(key, $"expected a non-empty string, found {Describe(node)}");
        return null;
    }

    public double? Number(string key, bool required, double min, double max)
    {
        var node = Find(key);
        if (node is null) { if (required) Problem(key, $"missing (a number in [{min}, {max}] is required)"); return null; }
        if (node is YamlScalarNode s && double.TryParse(s.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v))
        {
            if (v >= min && v <= max) return v;
            Problem(key, $"must be in [{min}, {max}]; it is {v}");
            return null;
        }
        Problem(key, $"expected a number, found {Describe(node)}");
        return null;
    }

    public int? Int(string key, bool required, int min, int max)
    {
        double? v = Number(key, required, min, max);
        if (v is null) return null;
        if (v.Value == Math.Floor(v.Value)) return (int)v.Value;
        Problem(key, $"must be a whole number; it is {v}");
        return null;
    }

    public T? Enum<T>(string key, IReadOnlyDictionary<string, T> spellings, bool required, T? fallback = null) where T : struct
    {
        var node = Find(key);
        if (node is null) { if (required) Problem(key, $"missing (one of {string.Join(", ", spellings.Keys)})"); return fallback; }
        if (node is YamlScalarNode s && s.Value is not null && spellings.TryGetValue(s.Value, out T v)) return v;
        Problem(key, $"expected one of {string.Join(", ", spellings.Keys)}, found {Describe(node)}");
        return null;
    }

    public long[]? Shape(string key, bool required = true)
    {
        var list = Scalars(key, required, "a list of positive whole numbers, e.g. [1, 14]");
        if (list is null) return null;
        var dims = new long[list.Count];
        for (int i = 0; i < list.Count; i++)
        {
            if (!long.TryParse(list[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out dims[i]) || dims[i] < 1 || dims[i] > 1L << 31)
            {
                Problem(key, $"element {i} must be a whole number in [1, 2147483648]; it is '{list[i]}'");
                return null;
            }
        }
        if (dims.Length is 0 or > 8) { Problem(key, $"expected 1 to 8 dimensions, found {dims.Length}"); return null; }
        return dims;
    }

    public float[]? Floats(string key, bool required)
    {
        var list = Scalars(key, required, "a list of numbers");
        if (list is null) return null;
        var values = new float[list.Count];
        for (int i = 0; i < list.Count; i++)
        {
            if (!float.TryParse(list[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) || !float.IsFinite(values[i]))
            {
                Problem(key, $"element {i} must be a finite number; it is '{list[i]}'");
                return null;
            }
        }
        return values;
    }

    public List<string>? Scalars(string key, bool required, string expected)
    {
        var node = Find(key);
        if (node is null) { if (required) Problem(key, $"missing ({expected})"); return null; }
        if (node is not YamlSequenceNode seq) { Problem(key, $"expected {expected}, found {Describe(node)}"); return null; }
        var values = new List<string>(seq.Children.Count);
        foreach (var child in seq.Children)
        {
            if (child is not YamlScalarNode s || string.IsNullOrEmpty(s.Value)) { Problem(key, $"expected {expected}, found an element that is {Describe(child)}"); return null; }
            values.Add(s.Value);
        }
        return values;
    }

    public YamlMap? Map(string key, bool required)
    {
        var node = Find(key);
        if (node is null) { if (required) Problem(key, "missing (a mapping is required)"); return null; }
        if (node is YamlMappingNode m) return new YamlMap(m, Name(key), _problems);
        Problem(key, $"expected a mapping, found {Describe(node)}");
        return null;
    }

    public List<YamlMap> Maps(string key, bool required)
    {
        var result = new List<YamlMap>();
        var node = Find(key);
        if (node is null) { if (required) Problem(key, "missing (a list of mappings is required)"); return result; }
        if (node is not YamlSequenceNode seq) { Problem(key, $"expected a list of mappings, found {Describe(node)}"); return result; }
        for (int i = 0; i < seq.Children.Count; i++)
        {
            if (seq.Children[i] is YamlMappingNode m) result.Add(new YamlMap(m, $"{Name(key)}[{i}]", _problems));
            else _problems.Add($"{Name(key)}[{i}]: expected a mapping, found {Describe(seq.Children[i])}");
        }
        return result;
    }

    /// <summary>Every key of this mapping and its values, for free-form maps (inline stats).</summary>
    public IEnumerable<(string Key, YamlMap Value)> Entries()
    {
        foreach (var (k, v) in _node.Children)
        {
            if (k is not YamlScalarNode ks || string.IsNullOrEmpty(ks.Value)) { _problems.Add($"{Path}: keys must be plain strings, found {Describe(k)}"); continue; }
            _read.Add(ks.Value);
            if (v is YamlMappingNode m) yield return (ks.Value, new YamlMap(m, Name(ks.Value), _problems));
            else Problem(ks.Value, $"expected a mapping, found {Describe(v)}");
        }
    }

    public void ReportUnknownKeys()
    {
        foreach (var k in _node.Children.Keys)
        {
            string key = (k as YamlScalarNode)?.Value ?? "";
            if (!_read.Contains(key)) Problem(key, "unknown key (check the spelling against the manifest README)");
        }
    }

    private YamlNode? Find(string key)
    {
        _read.Add(key);
        foreach (var (k, v) in _node.Children)
        {
            if (k is YamlScalarNode s && s.Value == key) return v;
        }
        return null;
    }

    private static string Describe(YamlNode node) => node switch
    {
        YamlScalarNode s => string.IsNullOrEmpty(s.Value) ? "an empty value" : $"'{Truncate(s.Value)}'",
        YamlSequenceNode => "a list",
        YamlMappingNode => "a mapping",
        _ => "an alias",
    };

    private static string Truncate(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
