using Controller.Brain.Perception;
using FsCheck;
using FsCheck.Fluent;

namespace Controller.Brain.Tests.Perception;

public class TopDownCameraTests
{
    private static readonly TopDownCameraOptions View = new();
    private static readonly double Dx = View.MetresPerRow, Dy = View.MetresPerColumn;

    // A box covering rows [r0, r1) and columns [c0, c1) exactly.
    private static SceneBox PixelBox(string name, int r0, int r1, int c0, int c1, double top = 0.03) =>
        SceneBox.Named(name, [View.XMaxM - r1 * Dx, View.YMaxM - c1 * Dy, 0], [View.XMaxM - r0 * Dx, View.YMaxM - c0 * Dy, top]);

    private static (byte, byte, byte) Pixel(byte[] p, int row, int column) => (p[(row * 64 + column) * 3], p[(row * 64 + column) * 3 + 1], p[(row * 64 + column) * 3 + 2]);

    [Fact]
    public void Render_EmptyScene_AllTable()
    {
        var camera = new TopDownCamera();
        var pixels = new byte[camera.FrameBytes];
        var frame = camera.Render([], pixels, 42);
        Assert.Equal((64, 64, 3, 42L), (frame.Width, frame.Height, frame.Channels, frame.TimestampNs));
        for (int i = 0; i < 64 * 64; i++) Assert.Equal(ScenePalette.Table, Pixel(pixels, i / 64, i % 64));
    }

    [Fact]
    public void Render_BoxOnPixelEdges_FillsExactlyItsPixelsWithItsColour()
    {
        var camera = new TopDownCamera();
        var pixels = new byte[camera.FrameBytes];
        camera.Render([PixelBox("red_cube", 10, 14, 20, 25)], pixels, 0);
        for (int r = 0; r < 64; r++)
            for (int c = 0; c < 64; c++)
                Assert.Equal(r is >= 10 and < 14 && c is >= 20 and < 25 ? ScenePalette.Red : ScenePalette.Table, Pixel(pixels, r, c));
    }

    [Fact]
    public void Render_RowsRunTowardsMinusXAndColumnsTowardsMinusY()
    {
        var camera = new TopDownCamera();
        var pixels = new byte[camera.FrameBytes];
        // A cube near (x max, y max) lands at the top-left corner of the image.
        camera.Render([SceneBox.Named("blue_cube", [0.39, 0.29, 0], [0.40, 0.30, 0.03])], pixels, 0);
        Assert.Equal(ScenePalette.Blue, Pixel(pixels, 0, 0));
        Assert.Equal(ScenePalette.Table, Pixel(pixels, 63, 63));
    }

    [Fact]
    public void Render_HalfCoveredPixel_BlendsHalfway()
    {
        var camera = new TopDownCamera();
        var pixels = new byte[camera.FrameBytes];
        // Rows 30..31 fully and half of row 32; columns 5..6 fully.
        var box = SceneBox.Named("green_cube", [View.XMaxM - 32.5 * Dx, View.YMaxM - 7 * Dy, 0], [View.XMaxM - 30 * Dx, View.YMaxM - 5 * Dy, 0.03]);
        camera.Render([box], pixels, 0);
        Assert.Equal(ScenePalette.Green, Pixel(pixels, 31, 6));
        var half = Pixel(pixels, 32, 6);
        Assert.Equal((byte)Math.Round((ScenePalette.Table.G + ScenePalette.Green.G) / 2.0), half.Item2);
        Assert.Equal((byte)Math.Round((ScenePalette.Table.R + ScenePalette.Green.R) / 2.0), half.Item1);
    }

    [Fact]
    public void Render_OverlappingBoxes_HigherTopPaintedOverInAnyListOrder()
    {
        var camera = new TopDownCamera();
        var a = new byte[camera.FrameBytes];
        var b = new byte[camera.FrameBytes];
        var wall = PixelBox("bin_wall", 0, 20, 0, 20, top: 0.06);
        var cube = PixelBox("red_cube", 5, 10, 5, 10, top: 0.03);
        camera.Render([wall, cube], a, 0);
        camera.Render([cube, wall], b, 0);
        Assert.Equal(ScenePalette.Other, Pixel(a, 7, 7));
        Assert.Equal(a, b);
    }

    [Fact]
    public void Render_CoverageWeightedCentroid_IsTheBoxCentre()
    {
        // Property: for any cube inside the view, the coverage recovered from the pixels has its centroid at the
        // cube's centre to within 1 mm (area anti-aliasing; byte rounding is the only error).
        var camera = new TopDownCamera();
        var pixels = new byte[camera.FrameBytes];
        Prop.ForAll(Gen.Choose(0, int.MaxValue - 1).ToArbitrary(), seed =>
        {
            var random = new Random(seed);
            double x = 0.02 + random.NextDouble() * 0.36, y = -0.18 + random.NextDouble() * 0.46;
            camera.Render([SceneBox.Named("red_cube", [x - 0.015, y - 0.015, 0], [x + 0.015, y + 0.015, 0.03])], pixels, 0);
            double sum = 0, sumRow = 0, sumColumn = 0;
            for (int r = 0; r < 64; r++)
                for (int c = 0; c < 64; c++)
                {
                    double cover = (ScenePalette.Table.G - pixels[(r * 64 + c) * 3 + 1]) / (double)(ScenePalette.Table.G - ScenePalette.Red.G);
                    sum += cover; sumRow += cover * (r + 0.5); sumColumn += cover * (c + 0.5);
                }
            Assert.Equal(0.03 * 0.03 / (Dx * Dy), sum, 0.2);
            Assert.Equal(x, View.XOfRow(sumRow / sum), 0.001);
            Assert.Equal(y, View.YOfColumn(sumColumn / sum), 0.001);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Render_BoxPartlyOutsideView_IsClipped()
    {
        var camera = new TopDownCamera();
        var pixels = new byte[camera.FrameBytes];
        camera.Render([SceneBox.Named("red_cube", [-0.1, -0.5, 0], [0.01, 0.5, 0.03]), SceneBox.Named("far", [1, 1, 0], [2, 2, 1])], pixels, 0);
        Assert.Equal(ScenePalette.Red, Pixel(pixels, 63, 0));
        Assert.Equal(ScenePalette.Table, Pixel(pixels, 0, 0));
    }

    [Fact]
    public void Render_BufferTooSmall_ThrowsNamingSizes()
    {
        var camera = new TopDownCamera();
        var e = Assert.Throws<ArgumentException>(() => camera.Render([], new byte[100], 0));
        Assert.Contains("12288", e.Message);
    }

    [Fact]
    public void Render_SteadyState_AllocatesNothing()
    {
        var camera = new TopDownCamera();
        var pixels = new byte[camera.FrameBytes];
        IReadOnlyList<SceneBox> scene = Enumerable.Range(0, 20).Select(i => SceneBox.Named(i % 2 == 0 ? "red" : "wall", [0.01 * i, 0, 0], [0.01 * i + 0.03, 0.03, 0.01 * i])).ToArray();
        camera.Render(scene, pixels, 0);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 2000; i++) camera.Render(scene, pixels, i);
        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }

    [Theory]
    [InlineData("red_cube", 200, 40, 40)]
    [InlineData("Green_Block", 40, 170, 60)]
    [InlineData("blue", 40, 80, 210)]
    [InlineData("bin_wall_far", 70, 70, 70)]
    public void Named_ColourFollowsName(string name, byte r, byte g, byte b)
    {
        var box = SceneBox.Named(name, [0, 0, 0], [1, 1, 1]);
        Assert.Equal((r, g, b), (box.R, box.G, box.B));
    }

    [Fact]
    public void SceneBox_MinAboveMax_ThrowsNamingAxis()
    {
        var e = Assert.Throws<ArgumentException>(() => SceneBox.Named("red_cube", [0, 0.2, 0], [1, 0.1, 1]));
        Assert.Contains("axis y", e.Message);
    }

    [Fact]
    public void Options_EmptyRectangle_Throws()
    {
        Assert.Throws<ArgumentException>(() => new TopDownCamera(new TopDownCameraOptions { XMinM = 0.4, XMaxM = 0.4 }));
        Assert.Throws<ArgumentException>(() => new TopDownCamera(new TopDownCameraOptions { Width = 0 }));
    }
}
