using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Controller.Brain.Manifests;

/// <summary>An ONNX model's inputs and outputs by name, as <see cref="InferenceSession"/> reports them.</summary>
/// <param name="Inputs">Inputs by name.</param>
/// <param name="Outputs">Outputs by name.</param>
public sealed record ModelSignature(IReadOnlyDictionary<string, TensorSignature> Inputs, IReadOnlyDictionary<string, TensorSignature> Outputs)
{
    /// <summary>Reads the signature of a loaded session (<c>InputMetadata</c>/<c>OutputMetadata</c>).</summary>
    public static ModelSignature Of(InferenceSession session) => new(Convert(session.InputMetadata), Convert(session.OutputMetadata));

    private static Dictionary<string, TensorSignature> Convert(IReadOnlyDictionary<string, NodeMetadata> metadata) =>
        metadata.ToDictionary(kv => kv.Key, kv => kv.Value.OnnxValueType != OnnxValueType.ONNX_TYPE_TENSOR
            ? new TensorSignature(null, kv.Value.OnnxValueType.ToString(), [])
            : new TensorSignature(TypeOf(kv.Value.ElementDataType), kv.Value.ElementDataType.ToString().ToLowerInvariant(),
                kv.Value.Dimensions.Select(d => (long)d).ToArray()), StringComparer.Ordinal);

    private static TensorType? TypeOf(TensorElementType t) => t switch
    {
        TensorElementType.Float => TensorType.Float32,
        TensorElementType.Int64 => TensorType.Int64,
        TensorElementType.UInt8 => TensorType.UInt8,
        _ => null,
    };
}
