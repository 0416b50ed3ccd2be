using Controller.Brain.Onnx;
using Controller.Brain.Perception;

namespace Controller.Brain.Demo;

/// <summary>
/// The demo planner as an ONNX graph whose weights are derived, not trained: top camera image [1, 3, H, W]
/// (0..1) and instruction tokens [1, 16] → <c>target_xy</c> [1, 2] (m, root frame) and <c>skill_logits</c>
/// [1, 2] over (pick_and_place, hold).
/// <list type="number">
/// <item>Colour masks: a 1×1 convolution per colour with filter (own − ½ others)/chroma, derived from
/// <see cref="ScenePalette"/> so that the table gives 0, the pure colour 1, other palette colours ≤ 0; clamped to
/// [0, 1] by Relu(s) − Relu(s − 1). On the table a pixel's mask is its coverage by a cube of that colour.</item>
/// <item>Centroids: Σ mask·column / Σ mask and Σ mask·row / Σ mask (Mul by constant grids of pixel-centre
/// coordinates, ReduceSum, Div); visibility = clamp(area / <see cref="FullyVisibleAreaPixels"/>).</item>
/// <item>Words: tokens → one-hot (Equal against 0..V−1, Cast) → bag of words (ReduceSum) → colour words named
/// (MatMul with a V×3 selector, clamped).</item>
/// <item>Target: the named-and-visible colours' centroid (weights g = named · visible), mapped to metres by the
/// camera's affine map (Gemm: x = XMax − row·dx, y = YMax − column·dy).</item>
/// <item>Skills: pick = 4·Σg − 8·Relu(Σnamed − 1), hold = 2: pick wins only when exactly one colour is named and
/// that colour is visible (at least half of <see cref="FullyVisibleAreaPixels"/>).</item>
/// </list>
/// </summary>
public static class DemoPlannerGraph
{
    /// <summary>Area (pixels) from which a colour counts as fully visible; a 3 cm cube covers about 18 in the default view.</summary>
    public const float FullyVisibleAreaPixels = 8f;

    /// <summary>Model input: the image.</summary>
    public const string ImageInput = "image";

    /// <summary>Model input: token ids.</summary>
    public const string TokensInput = "tokens";

    /// <summary>Model output: the target (m).</summary>
    public const string TargetOutput = "target_xy";

    /// <summary>Model output: skill logits.</summary>
    public const string SkillOutput = "skill_logits";

    /// <summary>Skill names in logit order.</summary>
    public static IReadOnlyList<string> Skills { get; } = ["pick_and_place", "hold"];

    /// <summary>
    /// The 1×1 filter of colour <paramref name="colour"/> (0 red, 1 green, 2 blue) over 0..1 RGB: weights for
    /// R, G, B. Throws if the palette no longer separates the colours (someone edited <see cref="ScenePalette"/>).
    /// </summary>
    public static float[] ColourFilter(int colour)
    {
        var weights = new float[3];
        var pure = ScenePalette.OfChannel(colour);
        double chroma = Chroma(colour, pure);
        for (int ch = 0; ch < 3; ch++) weights[ch] = (float)((ch == colour ? 1.0 : -0.5) / chroma);
        (byte R, byte G, byte B)[] others = [ScenePalette.Table, ScenePalette.Other, .. Enumerable.Range(0, 3).Where(c => c != colour).Select(ScenePalette.OfChannel)];
        foreach (var o in others)
        {
            if (Chroma(colour, o) > 1e-9)
                throw new InvalidOperationException($"ScenePalette colour {o} responds to the {ScenePalette.ColourNames[colour]} filter; the palette must keep cube colours apart.");
        }
        return weights;
    }

    /// <summary>Builds the graph for a camera with <paramref name="camera"/>'s geometry and the vocabulary <paramref name="words"/>.</summary>
    public static OnnxModel Build(TopDownCameraOptions camera, IReadOnlyList<string> words)
    {
        camera.Validate();
        int h = camera.Height, w = camera.Width, v = words.Count;
        var b = new OnnxGraphBuilder("demo_planner");
        var image = b.Input(ImageInput, OnnxDataType.Float, 1, 3, h, w);
        var tokens = b.Input(TokensInput, OnnxDataType.Int64, 1, DemoVocabulary.MaxTokens);
        var one = b.Weights("one", [1f], 1);
        var spatialAxes = b.Int64s("spatial_axes", [2, 3], 2);
        var colourAxis = b.Int64s("colour_axis", [1], 1);

        // Colour masks [1, 3, H, W] in [0, 1].
        var filters = new float[9];
        for (int c = 0; c < 3; c++) ColourFilter(c).CopyTo(filters, c * 3);
        var score = b.Conv(image, b.Weights("colour_filters", filters, 3, 3, 1, 1), b.Weights("colour_bias", new float[3], 3));
        var mask = Clamp01(b, score, one);

        // Centroids in pixel coordinates [1, 3].
        var columns = new float[h * w];
        var rows = new float[h * w];
        for (int i = 0; i < h; i++)
            for (int j = 0; j < w; j++)
            {
                columns[i * w + j] = j + 0.5f;
                rows[i * w + j] = i + 0.5f;
            }
        var area = ReduceSum(b, mask, spatialAxes, keepDims: false);
        var denominator = b.Add(area, b.Weights("epsilon_pixels", [1e-3f], 1));
        var centroidColumn = b.Div(ReduceSum(b, b.Mul(mask, b.Weights("column_grid", columns, 1, 1, h, w)), spatialAxes, false), denominator);
        var centroidRow = b.Div(ReduceSum(b, b.Mul(mask, b.Weights("row_grid", rows, 1, 1, h, w)), spatialAxes, false), denominator);
        var visible = Clamp01(b, b.Mul(area, b.Weights("per_visible_area", [1f / FullyVisibleAreaPixels], 1)), one);

        // Bag of words [1, V] → colours named [1, 3].
        var ids = new long[v];
        for (int i = 0; i < v; i++) ids[i] = i;
        var oneHot = b.Node("Cast", [b.Node("Equal", [b.Reshape(tokens, 1, DemoVocabulary.MaxTokens, 1), b.Int64s("word_ids", ids, 1, 1, v)])],
            OnnxAttribute.Int("to", (long)OnnxDataType.Float));
        var bag = ReduceSum(b, oneHot, colourAxis, keepDims: false);
        var selector = new float[v * 3];
        for (int c = 0; c < 3; c++) selector[IndexOf(words, ScenePalette.ColourNames[c]) * 3 + c] = 1;
        var named = Clamp01(b, b.MatMul(bag, b.Weights("colour_words", selector, v, 3)), one);

        // Target: weighted centroid of the named, visible colours → metres.
        var g = b.Mul(named, visible);
        var gSum = ReduceSum(b, g, colourAxis, keepDims: true);
        var gDenominator = b.Add(gSum, b.Weights("epsilon_weight", [1e-6f], 1));
        var targetRow = b.Div(ReduceSum(b, b.Mul(g, centroidRow), colourAxis, true), gDenominator);
        var targetColumn = b.Div(ReduceSum(b, b.Mul(g, centroidColumn), colourAxis, true), gDenominator);
        float[] affine = [(float)-camera.MetresPerRow, 0, 0, (float)-camera.MetresPerColumn];
        var target = b.Gemm(b.Concat(1, targetRow, targetColumn), b.Weights("pixel_to_metres", affine, 2, 2),
            b.Weights("view_origin_m", [(float)camera.XMaxM, (float)camera.YMaxM], 2));
        b.Output(target, TargetOutput, OnnxDataType.Float, 1, 2);

        // Skills: pick_and_place when exactly one colour is named and it is visible, else hold.
        var extraColours = b.Relu(b.Sub(ReduceSum(b, named, colourAxis, keepDims: true), one));
        var logits = b.Gemm(b.Concat(1, gSum, extraColours), b.Weights("skill_weights", [4f, 0f, -8f, 0f], 2, 2), b.Weights("skill_bias", [0f, 2f], 2));
        b.Output(logits, SkillOutput, OnnxDataType.Float, 1, Skills.Count);
        return b.Build(docString: "Demo planner (Controller.Brain.Demo.DemoPlannerGraph): colour masks, centroids, instruction colour → target_xy (m) and skill logits (pick_and_place, hold). Weights derived, not trained.");
    }

    // Own channel minus the mean of the other two, 0..1 scale.
    private static double Chroma(int colour, (byte R, byte G, byte B) rgb)
    {
        Span<double> c = [rgb.R / 255.0, rgb.G / 255.0, rgb.B / 255.0];
        double others = 0;
        for (int ch = 0; ch < 3; ch++) if (ch != colour) others += c[ch];
        return c[colour] - others / 2;
    }

    private static OnnxValue Clamp01(OnnxGraphBuilder b, OnnxValue x, OnnxValue one) => b.Sub(b.Relu(x), b.Relu(b.Sub(x, one)));

    private static OnnxValue ReduceSum(OnnxGraphBuilder b, OnnxValue x, OnnxValue axes, bool keepDims) =>
        b.Node("ReduceSum", [x, axes], OnnxAttribute.Int("keepdims", keepDims ? 1 : 0));

    private static int IndexOf(IReadOnlyList<string> words, string word)
    {
        for (int i = 0; i < words.Count; i++) if (words[i] == word) return i;
        throw new ArgumentException($"The vocabulary lacks the colour word '{word}'.", nameof(words));
    }
}
