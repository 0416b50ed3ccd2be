namespace Controller.Brain.Onnx;

/// <summary>
/// Builds a graph node by node with generated value names, e.g. a two-layer perceptron:
/// <code>
/// var b = new OnnxGraphBuilder("mlp");
/// var x = b.Input("x", OnnxDataType.Float, 1, 4);
/// var h = b.Relu(b.Gemm(x, b.Weights("w1", w1, 8, 4), b.Weights("b1", b1, 8), transB: true));
/// b.Output(b.Gemm(h, b.Weights("w2", w2, 2, 8), b.Weights("b2", b2, 2), transB: true), "y", OnnxDataType.Float, 1, 2);
/// OnnxModel model = b.Build();
/// </code>
/// Operators follow the default-domain schemas of <see cref="OnnxModel.DefaultOpsetVersion"/>.
/// </summary>
public sealed class OnnxGraphBuilder
{
    private readonly string _name;
    private readonly List<OnnxNode> _nodes = [];
    private readonly List<OnnxTensor> _initializers = [];
    private readonly List<OnnxValueInfo> _inputs = [];
    private readonly List<OnnxValueInfo> _outputs = [];
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private int _counter;

    /// <summary>Starts an empty graph called <paramref name="name"/>.</summary>
    public OnnxGraphBuilder(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        _name = name;
    }

    /// <summary>Declares a graph input.</summary>
    public OnnxValue Input(string name, OnnxDataType type, params OnnxDimension[] shape)
    {
        _inputs.Add(new OnnxValueInfo(Claim(name), type, shape));
        return new OnnxValue(name);
    }

    /// <summary>Adds a float32 initializer (weights) of the given shape.</summary>
    public OnnxValue Weights(string name, ReadOnlySpan<float> values, params long[] dims)
    {
        _initializers.Add(OnnxTensor.FromFloats(Claim(name), values, dims));
        return new OnnxValue(name);
    }

    /// <summary>Adds an int64 initializer (shapes, axes).</summary>
    public OnnxValue Int64s(string name, ReadOnlySpan<long> values, params long[] dims)
    {
        _initializers.Add(OnnxTensor.FromInt64s(Claim(name), values, dims));
        return new OnnxValue(name);
    }

    /// <summary>Declares <paramref name="value"/> a graph output under <paramref name="name"/> (an Identity node renames it).</summary>
    public OnnxValue Output(OnnxValue value, string name, OnnxDataType type, params OnnxDimension[] shape)
    {
        if (value.Name != name) _nodes.Add(new OnnxNode("Identity", [value.Name], [Claim(name)]));
        _outputs.Add(new OnnxValueInfo(name, type, shape));
        return new OnnxValue(name);
    }

    /// <summary>Any single-output operator; the output gets a fresh name.</summary>
    public OnnxValue Node(string opType, IReadOnlyList<OnnxValue> inputs, params OnnxAttribute[] attributes)
    {
        string output = Claim($"{opType.ToLowerInvariant()}_{_counter++}");
        _nodes.Add(new OnnxNode(opType, inputs.Select(i => i.Name).ToArray(), [output], output, attributes));
        return new OnnxValue(output);
    }

    /// <summary>Matrix product with NumPy broadcasting.</summary>
    public OnnxValue MatMul(OnnxValue a, OnnxValue b) => Node("MatMul", [a, b]);

    /// <summary>Element-wise sum with broadcasting.</summary>
    public OnnxValue Add(OnnxValue a, OnnxValue b) => Node("Add", [a, b]);

    /// <summary>Element-wise difference with broadcasting.</summary>
    public OnnxValue Sub(OnnxValue a, OnnxValue b) => Node("Sub", [a, b]);

    /// <summary>Element-wise product with broadcasting.</summary>
    public OnnxValue Mul(OnnxValue a, OnnxValue b) => Node("Mul", [a, b]);

    /// <summary>Element-wise quotient with broadcasting.</summary>
    public OnnxValue Div(OnnxValue a, OnnxValue b) => Node("Div", [a, b]);

    /// <summary>alpha·A'·B' + beta·C on 2-D A and B (A' = Aᵀ when transA, B' = Bᵀ when transB).</summary>
    public OnnxValue Gemm(OnnxValue a, OnnxValue b, OnnxValue c, bool transA = false, bool transB = false, float alpha = 1f, float beta = 1f) =>
        Node("Gemm", [a, b, c], OnnxAttribute.Float("alpha", alpha), OnnxAttribute.Float("beta", beta),
            OnnxAttribute.Int("transA", transA ? 1 : 0), OnnxAttribute.Int("transB", transB ? 1 : 0));

    /// <summary>max(x, 0).</summary>
    public OnnxValue Relu(OnnxValue x) => Node("Relu", [x]);

    /// <summary>Hyperbolic tangent.</summary>
    public OnnxValue Tanh(OnnxValue x) => Node("Tanh", [x]);

    /// <summary>Logistic sigmoid.</summary>
    public OnnxValue Sigmoid(OnnxValue x) => Node("Sigmoid", [x]);

    /// <summary>Reshape to <paramref name="shape"/> (0 copies the input's dimension, -1 is inferred).</summary>
    public OnnxValue Reshape(OnnxValue x, params long[] shape) =>
        Node("Reshape", [x, Int64s($"shape_{_counter++}", shape, shape.Length)]);

    /// <summary>Concatenation along <paramref name="axis"/>.</summary>
    public OnnxValue Concat(long axis, params OnnxValue[] values) => Node("Concat", values, OnnxAttribute.Int("axis", axis));

    /// <summary>Softmax along <paramref name="axis"/>.</summary>
    public OnnxValue Softmax(OnnxValue x, long axis = -1) => Node("Softmax", [x], OnnxAttribute.Int("axis", axis));

    /// <summary>Index of the largest element along <paramref name="axis"/> (int64 output).</summary>
    public OnnxValue ArgMax(OnnxValue x, long axis = -1, bool keepDims = false) =>
        Node("ArgMax", [x], OnnxAttribute.Int("axis", axis), OnnxAttribute.Int("keepdims", keepDims ? 1 : 0));

    /// <summary>Flattens to 2-D: dimensions before <paramref name="axis"/> form the rows.</summary>
    public OnnxValue Flatten(OnnxValue x, long axis = 1) => Node("Flatten", [x], OnnxAttribute.Int("axis", axis));

    /// <summary>Mean over <paramref name="axes"/> (attribute form, opset ≤ 17).</summary>
    public OnnxValue ReduceMean(OnnxValue x, bool keepDims, params long[] axes) =>
        Node("ReduceMean", [x], OnnxAttribute.IntList("axes", axes), OnnxAttribute.Int("keepdims", keepDims ? 1 : 0));

    /// <summary>2-D convolution, NCHW, weights [out, in, kH, kW], symmetric padding.</summary>
    public OnnxValue Conv(OnnxValue x, OnnxValue weights, OnnxValue bias, long stride = 1, long pad = 0) =>
        Node("Conv", [x, weights, bias], OnnxAttribute.IntList("strides", stride, stride), OnnxAttribute.IntList("pads", pad, pad, pad, pad));

    /// <summary>Builds the model; at least one input-free path or input and one output are required.</summary>
    /// <exception cref="InvalidOperationException">When the graph has no output.</exception>
    public OnnxModel Build(long opsetVersion = OnnxModel.DefaultOpsetVersion, string? docString = null)
    {
        if (_outputs.Count == 0) throw new InvalidOperationException($"Graph '{_name}' has no output; call Output(...) first.");
        return new OnnxModel(new OnnxGraph(_name, _nodes, _initializers, _inputs, _outputs, docString), opsetVersion);
    }

    private string Claim(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (!_names.Add(name)) throw new ArgumentException($"Value name '{name}' is already used in graph '{_name}'.", nameof(name));
        return name;
    }
}
