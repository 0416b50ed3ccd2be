using Controller.Brain.Manifests;
using Microsoft.ML.OnnxRuntime;

namespace Controller.Brain.Hosting;

/// <summary>
/// One preallocated model input or output: an array on the pinned object heap (never moved by the GC) and
/// an <see cref="OrtValue"/> over the same memory, bound to the session once. Writing the span changes
/// what the next run sees; no copy, no allocation.
/// </summary>
public sealed class HostTensor : IDisposable
{
    private readonly float[]? _floats;
    private readonly long[]? _int64s;
    private readonly byte[]? _bytes;

    internal HostTensor(string name, TensorType type, long[] shape)
    {
        Name = name;
        Type = type;
        var dims = (long[])shape.Clone();
        Shape = dims;
        int count = checked((int)shape.Aggregate(1L, (a, d) => a * d));
        switch (type)
        {
            case TensorType.Float32:
                _floats = GC.AllocateArray<float>(count, pinned: true);
                Value = OrtValue.CreateTensorValueFromMemory(_floats, dims);
                break;
            case TensorType.Int64:
                _int64s = GC.AllocateArray<long>(count, pinned: true);
                Value = OrtValue.CreateTensorValueFromMemory(_int64s, dims);
                break;
            default:
                _bytes = GC.AllocateArray<byte>(count, pinned: true);
                Value = OrtValue.CreateTensorValueFromMemory(_bytes, dims);
                break;
        }
        ElementCount = count;
    }

    /// <summary>The model's name for it.</summary>
    public string Name { get; }

    /// <summary>Element type.</summary>
    public TensorType Type { get; }

    /// <summary>Shape.</summary>
    public IReadOnlyList<long> Shape { get; }

    /// <summary>Elements.</summary>
    public int ElementCount { get; }

    /// <summary>The float32 elements (empty for other types).</summary>
    public Span<float> Floats => _floats;

    /// <summary>The int64 elements (empty for other types).</summary>
    public Span<long> Int64s => _int64s;

    /// <summary>The uint8 elements (empty for other types).</summary>
    public Span<byte> Bytes => _bytes;

    internal OrtValue Value { get; }

    /// <summary>Releases the native tensor wrapper (the array is the GC's).</summary>
    public void Dispose() => Value.Dispose();
}
