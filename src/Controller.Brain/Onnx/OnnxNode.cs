using Google.Protobuf;

namespace Controller.Brain.Onnx;

/// <summary>One operator application (<c>NodeProto</c>): op type, input and output value names, attributes.</summary>
public sealed class OnnxNode
{
    // NodeProto field numbers (onnx.proto).
    private const int InputField = 1;
    private const int OutputField = 2;
    private const int NameField = 3;
    private const int OpTypeField = 4;
    private const int AttributeField = 5;
    private const int DomainField = 7;

    /// <summary>Creates a node in the default ONNX domain.</summary>
    public OnnxNode(string opType, IReadOnlyList<string> inputs, IReadOnlyList<string> outputs, string? name = null, IReadOnlyList<OnnxAttribute>? attributes = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(opType);
        OpType = opType;
        Inputs = inputs.ToArray();
        Outputs = outputs.ToArray();
        Name = name;
        Attributes = attributes?.ToArray() ?? [];
    }

    /// <summary>The operator, e.g. "MatMul".</summary>
    public string OpType { get; }

    /// <summary>Input value names, in the operator's order ("" for an omitted optional input).</summary>
    public IReadOnlyList<string> Inputs { get; }

    /// <summary>Output value names.</summary>
    public IReadOnlyList<string> Outputs { get; }

    /// <summary>Optional node name.</summary>
    public string? Name { get; }

    /// <summary>Attributes.</summary>
    public IReadOnlyList<OnnxAttribute> Attributes { get; }

    internal void WriteTo(CodedOutputStream output)
    {
        foreach (string i in Inputs) ProtoFields.WriteString(output, InputField, i);
        foreach (string o in Outputs) ProtoFields.WriteString(output, OutputField, o);
        ProtoFields.WriteString(output, NameField, Name);
        ProtoFields.WriteString(output, OpTypeField, OpType);
        foreach (var a in Attributes) ProtoFields.WriteMessage(output, AttributeField, a.WriteTo);
        ProtoFields.WriteString(output, DomainField, "");
    }
}
