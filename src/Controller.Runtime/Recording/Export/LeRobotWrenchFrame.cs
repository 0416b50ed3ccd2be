using System.Text.Json.Serialization;
using Parquet.Serialization.Attributes;

namespace Controller.Runtime.Recording.Export;

/// <summary>A frame with the wrist wrench, for datasets whose every recording has a force/torque sensor.</summary>
public sealed class LeRobotWrenchFrame : LeRobotFrame
{
    /// <summary>Fx, Fy, Fz (N), Tx, Ty, Tz (N·m) in the sensor frame: the latest sample at or before the frame.</summary>
    [JsonPropertyName("observation.wrench")]
    [ParquetListElementRequired]
    public float[] ObservationWrench { get; set; } = [];
}
