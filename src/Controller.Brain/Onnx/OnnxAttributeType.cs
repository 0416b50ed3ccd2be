namespace Controller.Brain.Onnx;

/// <summary>Attribute kinds, numbered as <c>AttributeProto.AttributeType</c> in onnx.proto.</summary>
public enum OnnxAttributeType
{
    /// <summary>One float (FLOAT = 1).</summary>
    Float = 1,

    /// <summary>One int64 (INT = 2).</summary>
    Int = 2,

    /// <summary>One UTF-8 string (STRING = 3).</summary>
    String = 3,

    /// <summary>One tensor (TENSOR = 4).</summary>
    Tensor = 4,

    /// <summary>A list of floats (FLOATS = 6).</summary>
    Floats = 6,

    /// <summary>A list of int64 (INTS = 7).</summary>
    Ints = 7,
}
