using System.Runtime.InteropServices;
using Google.Protobuf;

namespace Controller.Brain.Onnx;

/// <summary>
/// A constant tensor (<c>TensorProto</c>): initializer weights or an attribute value. Values are stored
/// as <c>raw_data</c> (field 9), little-endian, row-major, as onnx.proto requires for raw data.
/// </summary>
public sealed class OnnxTensor
{
    // TensorProto field numbers (onnx.proto).
    private const int DimsField = 1;
    private const int DataTypeField = 2;
    private const int NameField = 8;
    private const int RawDataField = 9;

    private readonly byte[] _raw;
    private readonly long[] _dims;

    private OnnxTensor(string name, OnnxDataType dataType, long[] dims, byte[] raw)
    {
        Name = name;
        DataType = dataType;
        _dims = dims;
        _raw = raw;
    }

    /// <summary>The tensor's name (the value name nodes refer to when it is an initializer).</summary>
    public string Name { get; }

    /// <summary>Element type.</summary>
    public OnnxDataType DataType { get; }

    /// <summary>Shape, outermost first; empty for a scalar.</summary>
    public IReadOnlyList<long> Dims => _dims;

    /// <summary>A float32 tensor of the given shape.</summary>
    /// <exception cref="ArgumentException">When the element count does not match the shape.</exception>
    public static OnnxTensor FromFloats(string name, ReadOnlySpan<float> values, params long[] dims) =>
        new(name, OnnxDataType.Float, CheckCount(name, values.Length, dims), MemoryMarshal.AsBytes(values).ToArray());

    /// <summary>An int64 tensor of the given shape (shapes, axes, indices).</summary>
    /// <exception cref="ArgumentException">When the element count does not match the shape.</exception>
    public static OnnxTensor FromInt64s(string name, ReadOnlySpan<long> values, params long[] dims) =>
        new(name, OnnxDataType.Int64, CheckCount(name, values.Length, dims), MemoryMarshal.AsBytes(values).ToArray());

    internal void WriteTo(CodedOutputStream output)
    {
        ProtoFields.WritePackedInt64(output, DimsField, _dims);
        ProtoFields.WriteInt64(output, DataTypeField, (long)DataType);
        ProtoFields.WriteString(output, NameField, Name);
        // raw_data must be little-endian; MemoryMarshal gives the host's order.
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("The ONNX writer needs a little-endian host.");
        ProtoFields.WriteBytes(output, RawDataField, _raw);
    }

    private static long[] CheckCount(string name, int count, long[] dims)
    {
        long expected = 1;
        foreach (long d in dims)
        {
            if (d < 0) throw new ArgumentException($"Tensor '{name}': dimensions must be >= 0; got [{string.Join(", ", dims)}].", nameof(dims));
            expected *= d;
        }
        if (expected != count)
            throw new ArgumentException($"Tensor '{name}': shape [{string.Join(", ", dims)}] holds {expected} values but {count} were given.", nameof(dims));
        return (long[])dims.Clone();
    }
}
