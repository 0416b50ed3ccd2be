using Google.Protobuf;

namespace Controller.Brain.Onnx;

/// <summary>A node attribute (<c>AttributeProto</c>): exactly one of float, int, string, tensor, floats, ints.</summary>
public sealed class OnnxAttribute
{
    // AttributeProto field numbers (onnx.proto).
    private const int NameField = 1;
    private const int FField = 2;
    private const int IField = 3;
    private const int SField = 4;
    private const int TField = 5;
    private const int FloatsField = 7;
    private const int IntsField = 8;
    private const int TypeField = 20;

    private OnnxAttribute(string name, OnnxAttributeType type)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        Type = type;
    }

    /// <summary>The attribute's name, as the operator's schema spells it (e.g. "transB").</summary>
    public string Name { get; }

    /// <summary>Which value is present.</summary>
    public OnnxAttributeType Type { get; }

    private float F { get; init; }
    private long I { get; init; }
    private string? S { get; init; }
    private OnnxTensor? T { get; init; }
    private float[] Floats { get; init; } = [];
    private long[] Ints { get; init; } = [];

    /// <summary>A float attribute (e.g. Gemm's alpha).</summary>
    public static OnnxAttribute Float(string name, float value) => new(name, OnnxAttributeType.Float) { F = value };

    /// <summary>An int attribute (e.g. an axis).</summary>
    public static OnnxAttribute Int(string name, long value) => new(name, OnnxAttributeType.Int) { I = value };

    /// <summary>A string attribute (e.g. Conv's auto_pad).</summary>
    public static OnnxAttribute String(string name, string value) => new(name, OnnxAttributeType.String) { S = value };

    /// <summary>A tensor attribute (e.g. Constant's value).</summary>
    public static OnnxAttribute Tensor(string name, OnnxTensor value) => new(name, OnnxAttributeType.Tensor) { T = value };

    /// <summary>A list of floats.</summary>
    public static OnnxAttribute FloatList(string name, params float[] values) => new(name, OnnxAttributeType.Floats) { Floats = (float[])values.Clone() };

    /// <summary>A list of ints (e.g. axes, pads, strides).</summary>
    public static OnnxAttribute IntList(string name, params long[] values) => new(name, OnnxAttributeType.Ints) { Ints = (long[])values.Clone() };

    internal void WriteTo(CodedOutputStream output)
    {
        ProtoFields.WriteString(output, NameField, Name);
        ProtoFields.WriteInt64(output, TypeField, (long)Type);
        switch (Type)
        {
            case OnnxAttributeType.Float: ProtoFields.WriteFloat(output, FField, F); break;
            case OnnxAttributeType.Int: ProtoFields.WriteInt64(output, IField, I); break;
            case OnnxAttributeType.String: ProtoFields.WriteBytes(output, SField, System.Text.Encoding.UTF8.GetBytes(S!)); break;
            case OnnxAttributeType.Tensor: ProtoFields.WriteMessage(output, TField, T!.WriteTo); break;
            // proto2 repeated scalars without [packed=true]: one tag per element.
            case OnnxAttributeType.Floats: foreach (float f in Floats) ProtoFields.WriteFloat(output, FloatsField, f); break;
            case OnnxAttributeType.Ints: foreach (long i in Ints) ProtoFields.WriteInt64(output, IntsField, i); break;
        }
    }
}
