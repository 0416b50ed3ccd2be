namespace Controller.Brain.Perception;

/// <summary>
/// The demo scene's colours. The planner's colour filters are derived from these values
/// (<see cref="Demo.DemoPlannerGraph"/>): each cube colour has a positive "chroma" in its own channel
/// (own − mean of the other two), every grey has none, and no other palette entry has a positive chroma
/// in that channel, so a pixel's filter response is exactly its coverage by a cube of that colour.
/// </summary>
public static class ScenePalette
{
    /// <summary>The table top (light grey).</summary>
    public static readonly (byte R, byte G, byte B) Table = (200, 200, 200);

    /// <summary>Red cubes.</summary>
    public static readonly (byte R, byte G, byte B) Red = (200, 40, 40);

    /// <summary>Green cubes.</summary>
    public static readonly (byte R, byte G, byte B) Green = (40, 170, 60);

    /// <summary>Blue cubes.</summary>
    public static readonly (byte R, byte G, byte B) Blue = (40, 80, 210);

    /// <summary>Everything else (bin walls, obstacles): dark grey.</summary>
    public static readonly (byte R, byte G, byte B) Other = (70, 70, 70);

    /// <summary>The colour names the planner knows, in its channel order (red, green, blue).</summary>
    public static IReadOnlyList<string> ColourNames { get; } = ["red", "green", "blue"];

    /// <summary>Colour for a box name: names containing red, green or blue (any case) get that colour; others <see cref="Other"/>.</summary>
    public static (byte R, byte G, byte B) ColourOf(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Contains("red", StringComparison.OrdinalIgnoreCase)) return Red;
        if (name.Contains("green", StringComparison.OrdinalIgnoreCase)) return Green;
        if (name.Contains("blue", StringComparison.OrdinalIgnoreCase)) return Blue;
        return Other;
    }

    /// <summary>The palette colour of channel <paramref name="colour"/> (0 red, 1 green, 2 blue).</summary>
    public static (byte R, byte G, byte B) OfChannel(int colour) => colour switch
    {
        0 => Red,
        1 => Green,
        2 => Blue,
        _ => throw new ArgumentOutOfRangeException(nameof(colour), colour, "Colour channel must be 0 (red), 1 (green) or 2 (blue)."),
    };
}
