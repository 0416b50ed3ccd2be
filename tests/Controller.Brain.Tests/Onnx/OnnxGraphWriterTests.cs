using Controller.Brain.Onnx;
using Controller.Brain.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.ML.OnnxRuntime;

namespace Controller.Brain.Tests.Onnx;

public class OnnxGraphWriterTests
{
    private const float Tolerance = 1e-5f;

    // y = W2·relu(W1·x + b1) + b2 with W1 [3×2], W2 [2×3], by hand below.
    private static readonly float[] W1 = [1, -1, 0.5f, 2, -2, 0.25f];
    private static readonly float[] B1 = [0.1f, -0.2f, 0.3f];
    private static readonly float[] W2 = [1, 0, -1, 0.5f, 0.5f, 0.5f];
    private static readonly float[] B2 = [0.05f, -0.05f];

    private static OnnxModel Mlp(float[] w1, float[] b1, float[] w2, float[] b2, int inputs, int hidden, int outputs)
    {
        var b = new OnnxGraphBuilder("mlp");
        var x = b.Input("x", OnnxDataType.Float, 1, inputs);
        var h = b.Relu(b.Gemm(x, b.Weights("w1", w1, hidden, inputs), b.Weights("b1", b1, hidden), transB: true));
        var y = b.Add(b.MatMul(h, b.Weights("w2t", Transpose(w2, outputs, hidden), hidden, outputs)), b.Weights("b2", b2, outputs));
        b.Output(y, "y", OnnxDataType.Float, 1, outputs);
        return b.Build();
    }

    private static float[] Transpose(float[] m, int rows, int cols)
    {
        var t = new float[m.Length];
        for (int r = 0; r < rows; r++) for (int c = 0; c < cols; c++) t[c * rows + r] = m[r * cols + c];
        return t;
    }

    private static float[] MlpByHand(float[] x, float[] w1, float[] b1, float[] w2, float[] b2, int hidden, int outputs)
    {
        var h = new float[hidden];
        for (int i = 0; i < hidden; i++)
        {
            float s = b1[i];
            for (int j = 0; j < x.Length; j++) s += w1[i * x.Length + j] * x[j];
            h[i] = MathF.Max(0, s);
        }
        var y = new float[outputs];
        for (int i = 0; i < outputs; i++)
        {
            float s = b2[i];
            for (int j = 0; j < hidden; j++) s += w2[i * hidden + j] * h[j];
            y[i] = s;
        }
        return y;
    }

    [Fact]
    public void Build_TwoLayerMlp_OrtComputesTheHandValues()
    {
        // h = relu([1·1 - 1·2 + .1, .5·1 + 2·2 - .2, -2·1 + .25·2 + .3]) = [0, 4.3, 0]
        // y = [1·0 + 0·4.3 - 1·0 + .05, .5·(0 + 4.3 + 0) - .05] = [.05, 2.1]
        float[] y = Ort.RunFloat(Mlp(W1, B1, W2, B2, 2, 3, 2), ("x", [1, 2], [1, 2]));
        Assert.Equal(0.05f, y[0], Tolerance);
        Assert.Equal(0.5f * 4.3f - 0.05f, y[1], Tolerance);
    }

    [Fact]
    public void Build_RandomMlp_OrtAgreesWithReference()
    {
        Prop.ForAll(Gen.Choose(0, int.MaxValue - 1).ToArbitrary(), seed =>
        {
            var rng = new Random(seed);
            int n = rng.Next(1, 6), hidden = rng.Next(1, 9), m = rng.Next(1, 5);
            float[] R(int k) => Enumerable.Range(0, k).Select(_ => (float)(rng.NextDouble() * 4 - 2)).ToArray();
            float[] w1 = R(hidden * n), b1 = R(hidden), w2 = R(m * hidden), b2 = R(m), x = R(n);
            float[] ort = Ort.RunFloat(Mlp(w1, b1, w2, b2, n, hidden, m), ("x", x, [1, n]));
            float[] hand = MlpByHand(x, w1, b1, w2, b2, hidden, m);
            return ort.Zip(hand).All(p => MathF.Abs(p.First - p.Second) <= 1e-4f * (1 + MathF.Abs(p.Second)));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Build_ElementwiseChain_MatchesHand()
    {
        var b = new OnnxGraphBuilder("elementwise");
        var x = b.Input("x", OnnxDataType.Float, 1, 3);
        var c = b.Weights("c", [2, 4, 8], 1, 3);
        var y = b.Tanh(b.Div(b.Mul(b.Sub(x, c), c), c)); // tanh(x - c)
        b.Output(y, "y", OnnxDataType.Float, 1, 3);
        float[] r = Ort.RunFloat(b.Build(), ("x", [2.5f, 3, 8], [1, 3]));
        Assert.Equal([MathF.Tanh(0.5f), MathF.Tanh(-1), 0], r, new Tol(Tolerance));
    }

    [Fact]
    public void Build_ReshapeConcatFlattenReduceMean_MatchesHand()
    {
        var b = new OnnxGraphBuilder("shapes");
        var x = b.Input("x", OnnxDataType.Float, 2, 3);
        var r = b.Reshape(x, 3, 2);                       // [[1,2],[3,4],[5,6]]
        var m = b.ReduceMean(r, keepDims: true, 1);       // [[1.5],[3.5],[5.5]]
        var cat = b.Concat(1, r, m);                      // [3,3]
        b.Output(b.Flatten(cat, 0), "y", OnnxDataType.Float, 1, 9);
        float[] y = Ort.RunFloat(b.Build(), ("x", [1, 2, 3, 4, 5, 6], [2, 3]));
        Assert.Equal([1, 2, 1.5f, 3, 4, 3.5f, 5, 6, 5.5f], y, new Tol(Tolerance));
    }

    [Fact]
    public void Build_SoftmaxAndArgMax_MatchHand()
    {
        var b = new OnnxGraphBuilder("heads");
        var x = b.Input("x", OnnxDataType.Float, 1, 3);
        b.Output(b.Softmax(x), "p", OnnxDataType.Float, 1, 3);
        float[] p = Ort.RunFloat(b.Build(), ("x", [0, 1, 2], [1, 3]));
        float z = 1 + MathF.E + MathF.E * MathF.E;
        Assert.Equal([1 / z, MathF.E / z, MathF.E * MathF.E / z], p, new Tol(Tolerance));

        var a = new OnnxGraphBuilder("argmax");
        var xa = a.Input("x", OnnxDataType.Float, 1, 4);
        a.Output(a.ArgMax(xa), "i", OnnxDataType.Int64, 1);
        Assert.Equal([2L], Ort.RunInt64(a.Build(), ("x", [0.1f, -3, 7, 6.9f], [1, 4])));
    }

    [Fact]
    public void Build_Conv3x3_MatchesHand()
    {
        var b = new OnnxGraphBuilder("conv");
        var x = b.Input("x", OnnxDataType.Float, 1, 1, 3, 3);
        var w = b.Weights("w", [0, 0, 0, 0, 1, 0, 0, 0, 1], 1, 1, 3, 3); // centre + bottom-right
        var y = b.Conv(x, w, b.Weights("bias", [0.5f], 1), stride: 1, pad: 1);
        b.Output(y, "y", OnnxDataType.Float, 1, 1, 3, 3);
        float[] r = Ort.RunFloat(b.Build(), ("x", [1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 1, 3, 3]));
        Assert.Equal([1 + 5 + .5f, 2 + 6 + .5f, 3 + .5f, 4 + 8 + .5f, 5 + 9 + .5f, 6 + .5f, 7 + .5f, 8 + .5f, 9 + .5f], r, new Tol(Tolerance));
    }

    [Fact]
    public void Build_SymbolicBatch_SignatureIsVisibleToOrt()
    {
        var b = new OnnxGraphBuilder("sig");
        var x = b.Input("obs", OnnxDataType.Float, "batch", 5);
        b.Output(b.Relu(x), "act", OnnxDataType.Float, "batch", 5);
        using var session = new InferenceSession(b.Build().ToBytes());
        var meta = session.InputMetadata["obs"];
        Assert.Equal(typeof(float), meta.ElementType);
        Assert.Equal([-1, 5], meta.Dimensions);
        Assert.Equal("batch", meta.SymbolicDimensions[0]);
        Assert.Equal([-1, 5], session.OutputMetadata["act"].Dimensions);
    }

    [Fact]
    public void Input_DuplicateName_Throws()
    {
        var b = new OnnxGraphBuilder("dup");
        b.Input("x", OnnxDataType.Float, 1);
        var e = Assert.Throws<ArgumentException>(() => b.Weights("x", [1f], 1));
        Assert.Contains("'x'", e.Message);
    }

    [Fact]
    public void Weights_CountDoesNotMatchShape_ThrowsNamingBoth()
    {
        var e = Assert.Throws<ArgumentException>(() => OnnxTensor.FromFloats("w", [1f, 2f, 3f], 2, 2));
        Assert.Contains("[2, 2] holds 4 values but 3", e.Message);
    }

    private sealed class Tol(float tolerance) : IEqualityComparer<float>
    {
        public bool Equals(float a, float b) => MathF.Abs(a - b) <= tolerance;
        public int GetHashCode(float f) => 0;
    }
}
