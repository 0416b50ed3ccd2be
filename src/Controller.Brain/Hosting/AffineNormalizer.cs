using Controller.Brain.Manifests;

namespace Controller.Brain.Hosting;

/// <summary>
/// A feature's normalisation folded into y = x·scale + offset per element (or per channel), computed once
/// from the stats. Mean/std and min/max both take this form; LeRobot's epsilon (1e-8) guards zero spreads.
/// </summary>
internal sealed class AffineNormalizer
{
    private const float Epsilon = 1e-8f;
    private readonly float[] _scale;
    private readonly float[] _offset;

    private AffineNormalizer(float[] scale, float[] offset)
    {
        _scale = scale;
        _offset = offset;
    }

    public static AffineNormalizer Create(NormalizationMode mode, FeatureStats? stats, int width)
    {
        var scale = new float[width];
        var offset = new float[width];
        for (int i = 0; i < width; i++)
        {
            scale[i] = 1;
            if (mode == NormalizationMode.MeanStd)
            {
                float mean = Pick(stats!.Mean!, i), std = Pick(stats.Std!, i);
                scale[i] = 1 / (std + Epsilon);
                offset[i] = -mean * scale[i];
            }
            else if (mode == NormalizationMode.MinMax)
            {
                float min = Pick(stats!.Min!, i), max = Pick(stats.Max!, i);
                scale[i] = 2 / (max - min + Epsilon);
                offset[i] = -1 - min * scale[i];
            }
        }
        return new AffineNormalizer(scale, offset);
    }

    public float Apply(float x, int i) => x * _scale[i] + _offset[i];

    public float Invert(float y, int i) => (y - _offset[i]) / _scale[i];

    private static float Pick(float[] values, int i) => values.Length == 1 ? values[0] : values[i];
}
