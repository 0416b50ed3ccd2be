using Google.Protobuf;

namespace Controller.Brain.Onnx;

/// <summary>
/// A graph input or output (<c>ValueInfoProto</c>) with a tensor type (<c>TypeProto.Tensor</c>) and shape
/// (<c>TensorShapeProto</c>).
/// </summary>
public sealed class OnnxValueInfo
{
    // ValueInfoProto: name = 1, type = 2. TypeProto: tensor_type = 1. TypeProto.Tensor: elem_type = 1, shape = 2.
    // TensorShapeProto: dim = 1. Dimension: dim_value = 1, dim_param = 2.
    private const int NameField = 1;
    private const int TypeField = 2;
    private const int TensorTypeField = 1;
    private const int ElemTypeField = 1;
    private const int ShapeField = 2;
    private const int DimField = 1;
    private const int DimValueField = 1;
    private const int DimParamField = 2;

    /// <summary>Creates a value description.</summary>
    public OnnxValueInfo(string name, OnnxDataType elementType, IReadOnlyList<OnnxDimension> shape)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        ElementType = elementType;
        Shape = shape.ToArray();
    }

    /// <summary>The value's name.</summary>
    public string Name { get; }

    /// <summary>Element type.</summary>
    public OnnxDataType ElementType { get; }

    /// <summary>Shape, outermost first.</summary>
    public IReadOnlyList<OnnxDimension> Shape { get; }

    internal void WriteTo(CodedOutputStream output)
    {
        ProtoFields.WriteString(output, NameField, Name);
        ProtoFields.WriteMessage(output, TypeField, type =>
            ProtoFields.WriteMessage(type, TensorTypeField, tensor =>
            {
                ProtoFields.WriteInt64(tensor, ElemTypeField, (long)ElementType);
                ProtoFields.WriteMessage(tensor, ShapeField, shape =>
                {
                    foreach (var d in Shape)
                    {
                        ProtoFields.WriteMessage(shape, DimField, dim =>
                        {
                            if (d.Symbol is null) ProtoFields.WriteInt64(dim, DimValueField, d.Size);
                            else ProtoFields.WriteString(dim, DimParamField, d.Symbol);
                        });
                    }
                });
            }));
    }
}
