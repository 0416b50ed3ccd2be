using System.Text.Json.Serialization;
using Parquet.Serialization.Attributes;

namespace Controller.Runtime.Recording.Export;

/// <summary>One row of <c>data/chunk-000/file-000.parquet</c>: a frame of a LeRobotDataset v3.0 (column names as LeRobot spells them).</summary>
public class LeRobotFrame
{
    /// <summary>Measured joint positions (rad or m), model joint order.</summary>
    [JsonPropertyName("observation.state")]
    [ParquetListElementRequired]
    public float[] ObservationState { get; set; } = [];

    /// <summary>Commanded joint positions (rad or m): what the cerebellum wrote after the safety supervisor.</summary>
    [JsonPropertyName("action")]
    [ParquetListElementRequired]
    public float[] Action { get; set; } = [];

    /// <summary>Seconds since the episode's first frame: <c>frame_index / fps</c>, as LeRobot's own recorder stamps frames.</summary>
    [JsonPropertyName("timestamp")]
    public float Timestamp { get; set; }

    /// <summary>Frame number within the episode, from 0.</summary>
    [JsonPropertyName("frame_index")]
    public long FrameIndex { get; set; }

    /// <summary>Episode number within the dataset, from 0.</summary>
    [JsonPropertyName("episode_index")]
    public long EpisodeIndex { get; set; }

    /// <summary>Frame number within the dataset, from 0.</summary>
    [JsonPropertyName("index")]
    public long Index { get; set; }

    /// <summary>Row of <c>meta/tasks.parquet</c> naming the instruction being followed.</summary>
    [JsonPropertyName("task_index")]
    public long TaskIndex { get; set; }
}
