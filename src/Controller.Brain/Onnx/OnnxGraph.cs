using Google.Protobuf;

namespace Controller.Brain.Onnx;

/// <summary>A computation graph (<c>GraphProto</c>): nodes in topological order, initializers, inputs, outputs.</summary>
public sealed class OnnxGraph
{
    // GraphProto field numbers (onnx.proto).
    private const int NodeField = 1;
    private const int NameField = 2;
    private const int InitializerField = 5;
    private const int DocStringField = 10;
    private const int InputField = 11;
    private const int OutputField = 12;

    /// <summary>Creates a graph.</summary>
    public OnnxGraph(string name, IReadOnlyList<OnnxNode> nodes, IReadOnlyList<OnnxTensor> initializers,
        IReadOnlyList<OnnxValueInfo> inputs, IReadOnlyList<OnnxValueInfo> outputs, string? docString = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        Nodes = nodes.ToArray();
        Initializers = initializers.ToArray();
        Inputs = inputs.ToArray();
        Outputs = outputs.ToArray();
        DocString = docString;
    }

    /// <summary>The graph's name.</summary>
    public string Name { get; }

    /// <summary>Nodes, topologically sorted.</summary>
    public IReadOnlyList<OnnxNode> Nodes { get; }

    /// <summary>Constant tensors (weights).</summary>
    public IReadOnlyList<OnnxTensor> Initializers { get; }

    /// <summary>Graph inputs (initializers are not listed here: IR version 4 and later allow that).</summary>
    public IReadOnlyList<OnnxValueInfo> Inputs { get; }

    /// <summary>Graph outputs.</summary>
    public IReadOnlyList<OnnxValueInfo> Outputs { get; }

    /// <summary>Optional documentation.</summary>
    public string? DocString { get; }

    internal void WriteTo(CodedOutputStream output)
    {
        foreach (var n in Nodes) ProtoFields.WriteMessage(output, NodeField, n.WriteTo);
        ProtoFields.WriteString(output, NameField, Name);
        foreach (var t in Initializers) ProtoFields.WriteMessage(output, InitializerField, t.WriteTo);
        ProtoFields.WriteString(output, DocStringField, DocString);
        foreach (var i in Inputs) ProtoFields.WriteMessage(output, InputField, i.WriteTo);
        foreach (var o in Outputs) ProtoFields.WriteMessage(output, OutputField, o.WriteTo);
    }
}
