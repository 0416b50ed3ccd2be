namespace Controller.Brain.Perception;

/// <summary>
/// Geometry of the <see cref="TopDownCamera"/>: the table rectangle it sees (robot root frame, m) and the image
/// size. Image rows run from <see cref="XMaxM"/> (row 0, far from the robot) to <see cref="XMinM"/>; columns from
/// <see cref="YMaxM"/> (column 0, the robot's left) to <see cref="YMinM"/>, as a camera above the table looking
/// down with the image's top towards +x sees it.
/// </summary>
public sealed record TopDownCameraOptions
{
    /// <summary>Near edge of the view (m).</summary>
    public double XMinM { get; init; } = 0.0;

    /// <summary>Far edge of the view (m).</summary>
    public double XMaxM { get; init; } = 0.40;

    /// <summary>Right edge of the view (m).</summary>
    public double YMinM { get; init; } = -0.20;

    /// <summary>Left edge of the view (m).</summary>
    public double YMaxM { get; init; } = 0.30;

    /// <summary>Image columns.</summary>
    public int Width { get; init; } = 64;

    /// <summary>Image rows.</summary>
    public int Height { get; init; } = 64;

    /// <summary>Metres of x per image row.</summary>
    public double MetresPerRow => (XMaxM - XMinM) / Height;

    /// <summary>Metres of y per image column.</summary>
    public double MetresPerColumn => (YMaxM - YMinM) / Width;

    /// <summary>Throws unless the rectangle is finite and non-empty and the size is 1..4096 pixels per side.</summary>
    /// <exception cref="ArgumentException">Naming the bad value and the allowed range.</exception>
    public void Validate()
    {
        if (!double.IsFinite(XMinM) || !double.IsFinite(XMaxM) || XMaxM <= XMinM)
            throw new ArgumentException($"Camera x range [{XMinM}, {XMaxM}] m must be finite with XMinM < XMaxM.");
        if (!double.IsFinite(YMinM) || !double.IsFinite(YMaxM) || YMaxM <= YMinM)
            throw new ArgumentException($"Camera y range [{YMinM}, {YMaxM}] m must be finite with YMinM < YMaxM.");
        if (Width is < 1 or > 4096 || Height is < 1 or > 4096)
            throw new ArgumentException($"Camera image {Width}×{Height} must be between 1 and 4096 pixels per side.");
    }

    /// <summary>Root-frame x (m) of continuous image row coordinate <paramref name="row"/> (pixel centres at i + 0.5).</summary>
    public double XOfRow(double row) => XMaxM - row * MetresPerRow;

    /// <summary>Root-frame y (m) of continuous column coordinate <paramref name="column"/>.</summary>
    public double YOfColumn(double column) => YMaxM - column * MetresPerColumn;

    /// <summary>Continuous row coordinate of root-frame x (m).</summary>
    public double RowOfX(double xM) => (XMaxM - xM) / MetresPerRow;

    /// <summary>Continuous column coordinate of root-frame y (m).</summary>
    public double ColumnOfY(double yM) => (YMaxM - yM) / MetresPerColumn;
}
