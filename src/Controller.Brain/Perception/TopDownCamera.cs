using Controller.Brain.Hosting;

namespace Controller.Brain.Perception;

/// <summary>
/// A simulated orthographic camera above the table, looking straight down: renders the top faces of the scene's
/// boxes over the light-grey table into an RGB8 image (<see cref="TopDownCameraOptions"/> gives the rectangle and
/// size). Edges are anti-aliased by area: a pixel a box covers by a fraction a is blended a of the way to the
/// box's colour, so a colour's coverage-weighted centroid is the box's centre to well below a pixel. Higher boxes
/// are painted over lower ones. The robot arm is not drawn (the camera sees through it).
/// <see cref="Render"/> writes into the caller's buffer and allocates nothing once the scene size has been seen.
/// </summary>
public sealed class TopDownCamera
{
    private int[] _order = new int[16];

    /// <summary>A camera with <paramref name="options"/> (defaults: x ∈ [0, 0.40] m, y ∈ [−0.20, 0.30] m, 64×64).</summary>
    /// <exception cref="ArgumentException">When the options are invalid.</exception>
    public TopDownCamera(TopDownCameraOptions? options = null)
    {
        Options = options ?? new TopDownCameraOptions();
        Options.Validate();
    }

    /// <summary>The geometry.</summary>
    public TopDownCameraOptions Options { get; }

    /// <summary>Image columns.</summary>
    public int Width => Options.Width;

    /// <summary>Image rows.</summary>
    public int Height => Options.Height;

    /// <summary>Bytes of one RGB8 frame (width × height × 3).</summary>
    public int FrameBytes => Options.Width * Options.Height * 3;

    /// <summary>Frames rendered so far.</summary>
    public long FramesRendered { get; private set; }

    /// <summary>
    /// Renders <paramref name="scene"/> into <paramref name="pixels"/> (at least <see cref="FrameBytes"/>) and returns
    /// the frame over that buffer, stamped <paramref name="timestampNs"/>.
    /// </summary>
    /// <exception cref="ArgumentException">When the buffer is too small (a programmer error).</exception>
    public CameraFrame Render(IReadOnlyList<SceneBox> scene, Span<byte> pixels, long timestampNs)
    {
        ArgumentNullException.ThrowIfNull(scene);
        if (pixels.Length < FrameBytes)
            throw new ArgumentException($"A {Width}×{Height} RGB8 frame needs {FrameBytes} bytes; the buffer has {pixels.Length}.", nameof(pixels));
        var table = ScenePalette.Table;
        for (int i = 0; i < FrameBytes; i += 3)
        {
            pixels[i] = table.R;
            pixels[i + 1] = table.G;
            pixels[i + 2] = table.B;
        }
        int count = SortByTop(scene);
        for (int k = 0; k < count; k++) Paint(scene[_order[k]], pixels);
        FramesRendered++;
        return new CameraFrame(pixels[..FrameBytes], Width, Height, 3, timestampNs);
    }

    // Painter's order: lowest top face first. Insertion sort of indices, in a buffer grown only for a larger scene.
    private int SortByTop(IReadOnlyList<SceneBox> scene)
    {
        int count = scene.Count;
        if (_order.Length < count) _order = new int[Math.Max(count, 2 * _order.Length)];
        for (int i = 0; i < count; i++)
        {
            int j = i;
            double top = scene[i].Max[2];
            while (j > 0 && scene[_order[j - 1]].Max[2] > top)
            {
                _order[j] = _order[j - 1];
                j--;
            }
            _order[j] = i;
        }
        return count;
    }

    private void Paint(SceneBox box, Span<byte> pixels)
    {
        var o = Options;
        // Rows grow towards −x and columns towards −y, so the box's max corner gives the first row and column.
        double v0 = Math.Max(0, o.RowOfX(box.Max[0])), v1 = Math.Min(Height, o.RowOfX(box.Min[0]));
        double u0 = Math.Max(0, o.ColumnOfY(box.Max[1])), u1 = Math.Min(Width, o.ColumnOfY(box.Min[1]));
        if (v1 <= v0 || u1 <= u0) return;
        int rowFirst = (int)Math.Floor(v0), rowEnd = (int)Math.Ceiling(v1);
        int columnFirst = (int)Math.Floor(u0), columnEnd = (int)Math.Ceiling(u1);
        for (int row = rowFirst; row < rowEnd; row++)
        {
            double coverRow = Math.Min(row + 1, v1) - Math.Max(row, v0);
            for (int column = columnFirst; column < columnEnd; column++)
            {
                double cover = coverRow * (Math.Min(column + 1, u1) - Math.Max(column, u0));
                if (cover <= 0) continue;
                int at = (row * Width + column) * 3;
                pixels[at] = Blend(pixels[at], box.R, cover);
                pixels[at + 1] = Blend(pixels[at + 1], box.G, cover);
                pixels[at + 2] = Blend(pixels[at + 2], box.B, cover);
            }
        }
    }

    private static byte Blend(byte under, byte over, double cover) =>
        (byte)Math.Clamp(Math.Round(under + cover * (over - under)), 0, 255);
}
