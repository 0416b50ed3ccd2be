using System.Text.Json.Serialization;

namespace Controller.Runtime.Recording.Export;

/// <summary>One row of <c>meta/tasks.parquet</c>: an instruction and its number.</summary>
public sealed class LeRobotTaskRow
{
    /// <summary>The task's number (the frames' <c>task_index</c>).</summary>
    [JsonPropertyName("task_index")]
    public long TaskIndex { get; set; }

    /// <summary>The instruction, in words (pandas metadata in the file makes it the table's index, as LeRobot reads it).</summary>
    [JsonPropertyName("task")]
    public string Task { get; set; } = "";
}
