using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Controller.Robotics.Urdf;

/// <summary>
/// Reads attributes and child elements of one URDF text, turning every fault into a
/// <see cref="UrdfException"/> that names the source, line, element and attribute.
/// </summary>
internal sealed class UrdfElementReader(string source)
{
    private static readonly char[] Separators = [' ', '\t', '\r', '\n'];

    /// <summary>The name of the text being read.</summary>
    public string Source => source;

    /// <summary>The 1-based line of a node, or 0 where unknown.</summary>
    public static int LineOf(XObject node) =>
        node is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : 0;

    /// <summary>An exception located at an element (and optionally one of its attributes).</summary>
    public UrdfException Error(XElement element, string? attribute, string problem)
    {
        XObject at = attribute is not null && element.Attribute(attribute) is { } a ? a : element;
        return new UrdfException(source, LineOf(at), element.Name.LocalName, attribute, problem);
    }

    /// <summary>A required, non-empty attribute.</summary>
    public string Required(XElement element, string attribute, string owner)
    {
        string? value = element.Attribute(attribute)?.Value;
        if (value is null) throw Error(element, attribute, $"missing required attribute in {owner}");
        if (value.Trim().Length == 0) throw Error(element, attribute, $"empty value in {owner}");
        return value;
    }

    /// <summary>The only child element of that name, or null; two or more are an error.</summary>
    public XElement? OptionalChild(XElement element, string name, string owner)
    {
        XElement? found = null;
        foreach (XElement child in element.Elements(name))
        {
            if (found is not null) throw Error(child, null, $"{owner} has more than one <{name}>");
            found = child;
        }
        return found;
    }

    /// <summary>The only child element of that name; none, or two or more, are an error.</summary>
    public XElement RequiredChild(XElement element, string name, string owner) =>
        OptionalChild(element, name, owner) ?? throw Error(element, null, $"{owner} has no <{name}>");

    /// <summary>A finite number, or <paramref name="fallback"/> where the attribute is absent (null: required).</summary>
    public double Number(XElement element, string attribute, string owner, double? fallback)
    {
        string? text = element.Attribute(attribute)?.Value;
        if (text is null)
            return fallback ?? throw Error(element, attribute, $"missing required attribute in {owner}");
        return ParseNumber(element, attribute, owner, text.Trim());
    }

    /// <summary>Three space-separated finite numbers, or <paramref name="fallback"/> where the attribute is absent.</summary>
    public Vector3d Triple(XElement element, string attribute, string owner, Vector3d fallback)
    {
        string? text = element.Attribute(attribute)?.Value;
        if (text is null) return fallback;
        string[] parts = text.Split(Separators, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 3)
            throw Error(element, attribute, $"expected 3 numbers in {owner}, found {parts.Length} in '{Clip(text)}'");
        return new Vector3d(
            ParseNumber(element, attribute, owner, parts[0]),
            ParseNumber(element, attribute, owner, parts[1]),
            ParseNumber(element, attribute, owner, parts[2]));
    }

    /// <summary>An <c>&lt;origin&gt;</c> child as a pose; identity where absent.</summary>
    public UrdfPose Origin(XElement parent, string owner)
    {
        XElement? origin = OptionalChild(parent, "origin", owner);
        if (origin is null) return UrdfPose.Identity;
        Vector3d xyz = Triple(origin, "xyz", owner, Vector3d.Zero);
        Vector3d rpy = Triple(origin, "rpy", owner, Vector3d.Zero);
        return new UrdfPose(xyz, new Rpy(rpy.X, rpy.Y, rpy.Z));
    }

    private double ParseNumber(XElement element, string attribute, string owner, string text)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
            throw Error(element, attribute, $"'{Clip(text)}' is not a number in {owner}");
        if (!double.IsFinite(value))
            throw Error(element, attribute, $"'{Clip(text)}' is not a finite number in {owner}");
        return value;
    }

    private static string Clip(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
