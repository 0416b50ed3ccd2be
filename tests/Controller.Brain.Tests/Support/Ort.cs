using Controller.Brain.Onnx;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Controller.Brain.Tests.Support;

/// <summary>Runs a written model once through ONNX Runtime (allocating API; tests only).</summary>
internal static class Ort
{
    public static float[] RunFloat(OnnxModel model, params (string Name, float[] Values, int[] Shape)[] inputs)
    {
        using var session = new InferenceSession(model.ToBytes());
        var named = inputs.Select(i => NamedOnnxValue.CreateFromTensor(i.Name, new DenseTensor<float>(i.Values, i.Shape))).ToList();
        using var results = session.Run(named);
        return results[0].AsEnumerable<float>().ToArray();
    }

    public static long[] RunInt64(OnnxModel model, params (string Name, float[] Values, int[] Shape)[] inputs)
    {
        using var session = new InferenceSession(model.ToBytes());
        var named = inputs.Select(i => NamedOnnxValue.CreateFromTensor(i.Name, new DenseTensor<float>(i.Values, i.Shape))).ToList();
        using var results = session.Run(named);
        return results[0].AsEnumerable<long>().ToArray();
    }
}
