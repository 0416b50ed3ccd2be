namespace Controller.Robotics.Urdf;

/// <summary>
/// A URDF text that is malformed or describes no valid robot tree. The message names the source, the
/// line, the element and (where one is at fault) the attribute, and says what is wrong.
/// </summary>
public sealed class UrdfException : Exception
{
    /// <summary>Creates the exception and composes its message.</summary>
    /// <param name="source">The name of the text (usually a file name).</param>
    /// <param name="line">The 1-based line, or 0 where unknown.</param>
    /// <param name="element">The element at fault, e.g. <c>limit</c>, or empty where the XML is unreadable.</param>
    /// <param name="attribute">The attribute at fault, or null.</param>
    /// <param name="problem">What is wrong.</param>
    /// <param name="inner">The underlying exception, if any.</param>
    public UrdfException(string source, int line, string element, string? attribute, string problem, Exception? inner = null)
        : base(Compose(source, line, element, attribute, problem), inner)
    {
        Source = source;
        Line = line;
        Element = element;
        Attribute = attribute;
        Problem = problem;
    }

    /// <summary>The name of the text that failed to parse.</summary>
    public new string Source { get; }

    /// <summary>The 1-based line of the fault, or 0 where unknown.</summary>
    public int Line { get; }

    /// <summary>The element at fault (its tag name), or empty where the XML itself is unreadable.</summary>
    public string Element { get; }

    /// <summary>The attribute at fault, or null where the fault is not in one attribute.</summary>
    public string? Attribute { get; }

    /// <summary>What is wrong, without the location.</summary>
    public string Problem { get; }

    private static string Compose(string source, int line, string element, string? attribute, string problem)
    {
        string where = line > 0 ? $"{source}({line})" : source;
        string what = element.Length == 0 ? "" : attribute is null ? $" <{element}>" : $" <{element}> attribute '{attribute}'";
        return $"{where}:{what}: {problem}";
    }
}
