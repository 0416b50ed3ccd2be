using System.Text.Json.Serialization;
using Parquet.Serialization.Attributes;

namespace Controller.Runtime.Recording.Export;

/// <summary>One row of <c>meta/episodes/chunk-000/file-000.parquet</c>: where an episode's frames are and what it was asked to do.</summary>
public sealed class LeRobotEpisodeRow
{
    /// <summary>The episode's number.</summary>
    [JsonPropertyName("episode_index")]
    public long EpisodeIndex { get; set; }

    /// <summary>The instructions followed during the episode.</summary>
    [JsonPropertyName("tasks")]
    [ParquetListElementRequired]
    public string[] Tasks { get; set; } = [];

    /// <summary>Frames in the episode.</summary>
    [JsonPropertyName("length")]
    public long Length { get; set; }

    /// <summary>Chunk of the data file holding the frames.</summary>
    [JsonPropertyName("data/chunk_index")]
    public long DataChunkIndex { get; set; }

    /// <summary>Data file within the chunk.</summary>
    [JsonPropertyName("data/file_index")]
    public long DataFileIndex { get; set; }

    /// <summary>Dataset index of the episode's first frame.</summary>
    [JsonPropertyName("dataset_from_index")]
    public long DatasetFromIndex { get; set; }

    /// <summary>Dataset index one past the episode's last frame.</summary>
    [JsonPropertyName("dataset_to_index")]
    public long DatasetToIndex { get; set; }

    /// <summary>Chunk of the episodes file holding this row.</summary>
    [JsonPropertyName("meta/episodes/chunk_index")]
    public long MetaChunkIndex { get; set; }

    /// <summary>Episodes file within the chunk.</summary>
    [JsonPropertyName("meta/episodes/file_index")]
    public long MetaFileIndex { get; set; }
}
