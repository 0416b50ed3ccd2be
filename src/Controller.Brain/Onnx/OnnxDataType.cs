namespace Controller.Brain.Onnx;

/// <summary>Element types, numbered as <c>TensorProto.DataType</c> in onnx.proto (the subset the brain uses).</summary>
public enum OnnxDataType
{
    /// <summary>IEEE 754 float32 (FLOAT = 1).</summary>
    Float = 1,

    /// <summary>Unsigned byte (UINT8 = 2), e.g. raw camera pixels.</summary>
    UInt8 = 2,

    /// <summary>Signed 32-bit integer (INT32 = 6).</summary>
    Int32 = 6,

    /// <summary>Signed 64-bit integer (INT64 = 7): token ids, shapes, indices.</summary>
    Int64 = 7,

    /// <summary>Boolean, one byte per element (BOOL = 9).</summary>
    Bool = 9,

    /// <summary>IEEE 754 float64 (DOUBLE = 11).</summary>
    Double = 11,
}
