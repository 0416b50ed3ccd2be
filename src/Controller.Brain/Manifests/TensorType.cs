namespace Controller.Brain.Manifests;

/// <summary>Element types a manifest may declare (spelled float32, int64, uint8 in YAML).</summary>
public enum TensorType
{
    /// <summary>float32.</summary>
    Float32,

    /// <summary>int64 (token ids).</summary>
    Int64,

    /// <summary>uint8 (raw pixels).</summary>
    UInt8,
}
