namespace Controller.Brain.Perception;

/// <summary>
/// An axis-aligned box of the scene as a camera sees it: corners in the robot's root frame (m) and an RGB8 colour.
/// <see cref="Named"/> picks the colour from the name (red, green, blue cubes; anything else dark grey), as the
/// demo scene in <c>hardware/sim-arm6/robot.yaml</c> names its boxes.
/// </summary>
public sealed record SceneBox
{
    /// <summary>A box from <paramref name="min"/> to <paramref name="max"/> (x, y, z in m) with colour (r, g, b).</summary>
    /// <exception cref="ArgumentException">When a corner does not hold three finite values or min exceeds max.</exception>
    public SceneBox(string name, double[] min, double[] max, byte r, byte g, byte b)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(min);
        ArgumentNullException.ThrowIfNull(max);
        if (min.Length != 3 || max.Length != 3)
            throw new ArgumentException($"Box '{name}': min and max are [x, y, z]; they have {min.Length} and {max.Length} values.", nameof(min));
        for (int i = 0; i < 3; i++)
        {
            if (!double.IsFinite(min[i]) || !double.IsFinite(max[i]) || min[i] > max[i])
                throw new ArgumentException($"Box '{name}': axis {"xyz"[i]} runs from {min[i]} to {max[i]}; both must be finite with min ≤ max.", nameof(min));
        }
        Name = name;
        Min = (double[])min.Clone();
        Max = (double[])max.Clone();
        R = r;
        G = g;
        B = b;
    }

    /// <summary>The box's name (e.g. <c>red_cube</c>).</summary>
    public string Name { get; }

    /// <summary>Lower corner x, y, z (m, root frame). Do not modify.</summary>
    public double[] Min { get; }

    /// <summary>Upper corner x, y, z (m, root frame). Do not modify.</summary>
    public double[] Max { get; }

    /// <summary>Red.</summary>
    public byte R { get; }

    /// <summary>Green.</summary>
    public byte G { get; }

    /// <summary>Blue.</summary>
    public byte B { get; }

    /// <summary>Centre of the box (m).</summary>
    public (double X, double Y, double Z) Centre => ((Min[0] + Max[0]) / 2, (Min[1] + Max[1]) / 2, (Min[2] + Max[2]) / 2);

    /// <summary>A box coloured by its name: see <see cref="ScenePalette.ColourOf"/>.</summary>
    public static SceneBox Named(string name, double[] min, double[] max)
    {
        var (r, g, b) = ScenePalette.ColourOf(name);
        return new SceneBox(name, min, max, r, g, b);
    }

    /// <summary>A copy moved by (dx, dy, dz) metres (scenes whose cubes are carried).</summary>
    public SceneBox MovedBy(double dxM, double dyM, double dzM) =>
        new(Name, [Min[0] + dxM, Min[1] + dyM, Min[2] + dzM], [Max[0] + dxM, Max[1] + dyM, Max[2] + dzM], R, G, B);
}
