using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Controller.Runtime.Configuration;

/// <summary>
/// Typed, path-tracking access to a YAML document that collects problems instead of stopping at the first, so a
/// user fixing a configuration sees everything wrong at once.
/// </summary>
internal sealed class YamlConfigReader
{
    private readonly List<ConfigError> _errors = [];

    public YamlConfigReader(string file) => File = file;

    public string File { get; }

    public IReadOnlyList<ConfigError> Errors => _errors;

    /// <summary>Parses the text; a YAML syntax error becomes one problem and a null root.</summary>
    public YamlMappingNode? Parse(string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            _errors.Add(new ConfigError(File, (int)e.Start.Line, "(document)", $"not valid YAML: {e.Message}"));
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            _errors.Add(new ConfigError(File, 0, "(document)", $"not valid YAML: {e.Message}"));
            return null;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            _errors.Add(new ConfigError(File, 0, "(document)", "expected a mapping of keys (robot:, urdf:, loop:, buses: …) at the top"));
            return null;
        }

        return root;
    }

    public void Error(YamlNode? node, string path, string message) =>
        _errors.Add(new ConfigError(File, node is null ? 0 : (int)node.Start.Line, path, message));

    public static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    public YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out YamlNode? node) ? node : null;

    /// <summary>Reports every key not in <paramref name="allowed"/> (a typo must not silently fall back to a default).</summary>
    public void RejectUnknownKeys(YamlMappingNode map, string path, params string[] allowed)
    {
        foreach (var key in map.Children.Keys)
        {
            string name = (key as YamlScalarNode)?.Value ?? "?";
            if (!allowed.Contains(name, StringComparer.Ordinal))
            {
                Error(key, Join(path, name), $"unknown key '{name}'; allowed here: {string.Join(", ", allowed)}");
            }
        }
    }

    public YamlMappingNode? Mapping(YamlMappingNode parent, string path, string key, bool required)
    {
        YamlNode? node = Child(parent, key);
        if (node is null)
        {
            if (required)
            {
                Error(parent, Join(path, key), "missing (a mapping is required)");
            }

            return null;
        }

        if (node is YamlMappingNode map)
        {
            return map;
        }

        Error(node, Join(path, key), "expected a mapping of keys");
        return null;
    }

    public IReadOnlyList<(YamlMappingNode Node, string Path)> MappingList(YamlMappingNode parent, string path, string key, bool required)
    {
        YamlNode? node = Child(parent, key);
        string at = Join(path, key);
        if (node is null)
        {
            if (required)
            {
                Error(parent, at, "missing (a list is required)");
            }

            return [];
        }

        if (node is not YamlSequenceNode sequence)
        {
            Error(node, at, "expected a list");
            return [];
        }

        var items = new List<(YamlMappingNode, string)>();
        for (int i = 0; i < sequence.Children.Count; i++)
        {
            if (sequence.Children[i] is YamlMappingNode item)
            {
                items.Add((item, $"{at}[{i}]"));
            }
            else
            {
                Error(sequence.Children[i], $"{at}[{i}]", "expected a mapping of keys");
            }
        }

        return items;
    }

    public string? String(YamlMappingNode map, string path, string key, bool required)
    {
        YamlNode? node = Child(map, key);
        if (node is null)
        {
            if (required)
            {
                Error(map, Join(path, key), "missing");
            }

            return null;
        }

        if (node is YamlScalarNode { Value: { Length: > 0 } value })
        {
            return value;
        }

        Error(node, Join(path, key), "expected a non-empty text value");
        return null;
    }

    public double Double(YamlMappingNode map, string path, string key, double fallback, double min, double max, bool required = false)
    {
        YamlNode? node = Child(map, key);
        if (node is null)
        {
            if (required)
            {
                Error(map, Join(path, key), $"missing (a number in [{Format(min)}, {Format(max)}])");
            }

            return fallback;
        }

        return ParseDouble(node, Join(path, key), min, max) ?? fallback;
    }

    public double? ParseDouble(YamlNode node, string path, double min, double max)
    {
        if (node is YamlScalarNode { Value: { } text } && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value))
        {
            if (value >= min && value <= max)
            {
                return value;
            }

            Error(node, path, $"{text} is out of range; allowed [{Format(min)}, {Format(max)}]");
            return null;
        }

        Error(node, path, $"'{(node as YamlScalarNode)?.Value ?? node.NodeType.ToString()}' is not a number; allowed [{Format(min)}, {Format(max)}]");
        return null;
    }

    public int Int(YamlMappingNode map, string path, string key, int fallback, int min, int max, bool required = false)
    {
        YamlNode? node = Child(map, key);
        if (node is null)
        {
            if (required)
            {
                Error(map, Join(path, key), $"missing (an integer in [{min}, {max}])");
            }

            return fallback;
        }

        if (node is YamlScalarNode { Value: { } text } && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value))
        {
            if (value >= min && value <= max)
            {
                return value;
            }

            Error(node, Join(path, key), $"{text} is out of range; allowed [{min}, {max}]");
            return fallback;
        }

        Error(node, Join(path, key), $"'{(node as YamlScalarNode)?.Value}' is not an integer; allowed [{min}, {max}]");
        return fallback;
    }

    public bool Bool(YamlMappingNode map, string path, string key, bool fallback)
    {
        YamlNode? node = Child(map, key);
        if (node is null)
        {
            return fallback;
        }

        if (node is YamlScalarNode { Value: "true" or "false" } scalar)
        {
            return scalar.Value == "true";
        }

        Error(node, Join(path, key), $"'{(node as YamlScalarNode)?.Value}' is not true or false");
        return fallback;
    }

    public T Choice<T>(YamlMappingNode map, string path, string key, T fallback, IReadOnlyDictionary<string, T> allowed, bool required = false)
    {
        string? text = String(map, path, key, required);
        if (text is null)
        {
            return fallback;
        }

        if (allowed.TryGetValue(text, out T? value))
        {
            return value;
        }

        Error(Child(map, key), Join(path, key), $"'{text}' is not one of: {string.Join(", ", allowed.Keys)}");
        return fallback;
    }

    /// <summary>A list of three numbers (a point or a size in metres).</summary>
    public double[]? Vector3(YamlMappingNode map, string path, string key, bool required)
    {
        YamlNode? node = Child(map, key);
        string at = Join(path, key);
        if (node is null)
        {
            if (required)
            {
                Error(map, at, "missing (a list of three numbers [x, y, z])");
            }

            return null;
        }

        if (node is not YamlSequenceNode { Children.Count: 3 } sequence)
        {
            Error(node, at, "expected a list of three numbers [x, y, z]");
            return null;
        }

        var values = new double[3];
        for (int i = 0; i < 3; i++)
        {
            double? v = ParseDouble(sequence.Children[i], $"{at}[{i}]", -1e6, 1e6);
            if (v is null)
            {
                return null;
            }

            values[i] = v.Value;
        }

        return values;
    }

    private static string Format(double v) => v.ToString(CultureInfo.InvariantCulture);
}
