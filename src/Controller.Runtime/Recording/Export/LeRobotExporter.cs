using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Parquet.Serialization;

namespace Controller.Runtime.Recording.Export;

/// <summary>
/// Turns episode recordings into a LeRobotDataset v3.0 folder (README.md in this folder lists what is written and
/// what is not): every recording is one episode, one frame per recorded state sample that has a command, all frames
/// in <c>data/chunk-000/file-000.parquet</c>, with <c>meta/info.json</c>, <c>meta/stats.json</c>,
/// <c>meta/tasks.parquet</c> and <c>meta/episodes/chunk-000/file-000.parquet</c>. The planner's camera images, when
/// recorded, become <c>observation.images.*</c> image columns (PNG in the parquet); no videos.
/// </summary>
public static class LeRobotExporter
{
    /// <summary>The dataset format version written to <c>info.json</c>.</summary>
    public const string CodebaseVersion = "v3.0";

    /// <summary>The data file's path inside the dataset.</summary>
    public const string DataPath = "data/chunk-000/file-000.parquet";

    /// <summary>The episodes file's path inside the dataset.</summary>
    public const string EpisodesPath = "meta/episodes/chunk-000/file-000.parquet";

    /// <summary>The tasks file's path inside the dataset.</summary>
    public const string TasksPath = "meta/tasks.parquet";

    private static readonly string[] WrenchNames = ["fx", "fy", "fz", "tx", "ty", "tz"];

    /// <summary>Reads the recordings and writes the dataset into <paramref name="outDir"/> (created; existing dataset files are replaced).</summary>
    /// <exception cref="RecordingFormatException">A recording's header is damaged.</exception>
    /// <exception cref="ArgumentException">No recordings, or recordings of different joints or rates, or none with a frame.</exception>
    public static Task<LeRobotExportSummary> ExportAsync(IReadOnlyList<string> recordings, string outDir, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(recordings);
        return ExportAsync(recordings.Select(path => (path, EpisodeReader.Read(path))).ToArray(), outDir, cancel);
    }

    /// <summary>Writes the dataset from recordings already read (name, content).</summary>
    /// <exception cref="ArgumentException">No recordings, or recordings of different joints or rates, or none with a frame.</exception>
    public static async Task<LeRobotExportSummary> ExportAsync(IReadOnlyList<(string Name, EpisodeReadResult Episode)> recordings, string outDir, CancellationToken cancel = default)
    {
        if (recordings.Count == 0)
        {
            throw new ArgumentException("export needs at least one recording", nameof(recordings));
        }

        EpisodeHeader first = recordings[0].Episode.Header;
        int fps = (int)Math.Round(first.StateRateHz);
        var notes = new List<string>();
        foreach ((string name, EpisodeReadResult episode) in recordings)
        {
            if (!episode.Header.JointNames.SequenceEqual(first.JointNames))
            {
                throw new ArgumentException($"recording '{name}' has joints [{string.Join(", ", episode.Header.JointNames)}]; '{recordings[0].Name}' has [{string.Join(", ", first.JointNames)}]: one dataset holds one robot", nameof(recordings));
            }

            if ((int)Math.Round(episode.Header.StateRateHz) != fps)
            {
                throw new ArgumentException($"recording '{name}' was sampled at {episode.Header.StateRateHz} Hz; '{recordings[0].Name}' at {first.StateRateHz} Hz: one dataset has one fps", nameof(recordings));
            }

            if (!episode.Complete)
            {
                notes.Add($"{name}: damaged after {episode.Records.Count} records ({episode.StopDetail}); exported up to there");
            }
        }

        bool wrench = recordings.All(r => r.Episode.Of<WrenchRecord>().Any());
        var imageFeatures = LeRobotImages.Features(recordings);
        var images = imageFeatures.Select(_ => new List<byte[]>()).ToArray();
        var tasks = new List<string>();
        var frames = new List<LeRobotFrame>();
        var episodes = new List<LeRobotEpisodeRow>();
        foreach ((string name, EpisodeReadResult episode) in recordings)
        {
            int before = frames.Count;
            var episodeTasks = new List<string>();
            var frameTimesNs = AddFrames(episode, episodes.Count, fps, wrench, tasks, episodeTasks, frames);
            for (int f = 0; f < imageFeatures.Count; f++)
            {
                images[f].AddRange(LeRobotImages.ForFrames(episode, imageFeatures[f].Feature, frameTimesNs));
            }

            if (frames.Count == before)
            {
                notes.Add($"{name}: no state sample with a command; skipped");
                continue;
            }

            episodes.Add(new LeRobotEpisodeRow
            {
                EpisodeIndex = episodes.Count,
                Tasks = episodeTasks.ToArray(),
                Length = frames.Count - before,
                DatasetFromIndex = before,
                DatasetToIndex = frames.Count,
            });
        }

        if (frames.Count == 0)
        {
            throw new ArgumentException("no recording has a state sample with a command: nothing to export", nameof(recordings));
        }

        Directory.CreateDirectory(Path.Combine(outDir, "data", "chunk-000"));
        Directory.CreateDirectory(Path.Combine(outDir, "meta", "episodes", "chunk-000"));
        if (imageFeatures.Count > 0)
        {
            string[] names = imageFeatures.Select(f => f.Feature).ToArray();
            byte[][][] columns = images.Select(i => i.ToArray()).ToArray();
            await (wrench
                ? LeRobotImages.WriteAsync(frames.Cast<LeRobotWrenchFrame>().ToArray(), names, columns, Path.Combine(outDir, DataPath), cancel)
                : LeRobotImages.WriteAsync(frames, names, columns, Path.Combine(outDir, DataPath), cancel)).ConfigureAwait(false);
        }
        else if (wrench)
        {
            await ParquetSerializer.SerializeAsync(frames.Cast<LeRobotWrenchFrame>(), Path.Combine(outDir, DataPath), cancellationToken: cancel).ConfigureAwait(false);
        }
        else
        {
            await ParquetSerializer.SerializeAsync(frames, Path.Combine(outDir, DataPath), cancellationToken: cancel).ConfigureAwait(false);
        }

        await ParquetSerializer.SerializeAsync(episodes, Path.Combine(outDir, EpisodesPath), cancellationToken: cancel).ConfigureAwait(false);
        var taskRows = tasks.Select((t, i) => new LeRobotTaskRow { TaskIndex = i, Task = t }).ToArray();
        await ParquetSerializer.SerializeAsync(taskRows, Path.Combine(outDir, TasksPath), null, new Dictionary<string, string> { ["pandas"] = PandasTaskIndex() }, cancel)
            .ConfigureAwait(false);
        var json = new JsonSerializerOptions { WriteIndented = true };
        await File.WriteAllTextAsync(Path.Combine(outDir, "meta", "info.json"), Info(first, fps, wrench, imageFeatures, episodes.Count, frames.Count, tasks.Count).ToJsonString(json), cancel).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(outDir, "meta", "stats.json"), LeRobotStats.Compute(frames, wrench).ToJsonString(json), cancel).ConfigureAwait(false);
        return new LeRobotExportSummary(episodes.Count, frames.Count, tasks.Count, fps, wrench, notes);
    }

    /// <summary>Adds the episode's frames; returns each added frame's recorded time (ns), for the images.</summary>
    private static List<long> AddFrames(EpisodeReadResult episode, int episodeIndex, int fps, bool wrench, List<string> tasks, List<string> episodeTasks, List<LeRobotFrame> frames)
    {
        var times = new List<long>();
        // Skill and wrench records interleave with the states in time order; walk them alongside.
        var skills = episode.Of<SkillRecord>().Where(s => s.Task.Length > 0).ToArray();
        var wrenches = episode.Of<WrenchRecord>().ToArray();
        int skill = 0, w = 0;
        string task = episode.Header.Task;
        long frame = 0;
        foreach (StateRecord state in episode.Of<StateRecord>())
        {
            while (skill < skills.Length && skills[skill].TimeNs <= state.TimeNs)
            {
                task = skills[skill++].Task;
            }

            while (w + 1 < wrenches.Length && wrenches[w + 1].TimeNs <= state.TimeNs)
            {
                w++;
            }

            if (state.CommandRad.Length != state.PositionRad.Length || state.PositionRad.Length != episode.Header.JointNames.Count)
            {
                continue;
            }

            int taskIndex = tasks.IndexOf(task);
            if (taskIndex < 0)
            {
                tasks.Add(task);
                taskIndex = tasks.Count - 1;
            }

            if (!episodeTasks.Contains(task))
            {
                episodeTasks.Add(task);
            }

            LeRobotFrame row = wrench ? new LeRobotWrenchFrame { ObservationWrench = SixAxis(wrenches[w]) } : new LeRobotFrame();
            row.ObservationState = [.. state.PositionRad.Select(v => (float)v)];
            row.Action = [.. state.CommandRad.Select(v => (float)v)];
            row.FrameIndex = frame;
            row.Timestamp = (float)(frame / (double)fps);
            row.EpisodeIndex = episodeIndex;
            row.Index = frames.Count;
            row.TaskIndex = taskIndex;
            frames.Add(row);
            times.Add(state.TimeNs);
            frame++;
        }

        return times;
    }

    /// <summary>Fx Fy Fz Tx Ty Tz; an axis a (damaged or foreign) record lacks is NaN, so every row has six values.</summary>
    private static float[] SixAxis(WrenchRecord w)
    {
        var v = new float[6];
        for (int i = 0; i < 3; i++)
        {
            v[i] = i < w.ForceN.Length ? (float)w.ForceN[i] : float.NaN;
            v[i + 3] = i < w.TorqueNm.Length ? (float)w.TorqueNm[i] : float.NaN;
        }

        return v;
    }

    private static JsonObject Info(EpisodeHeader header, int fps, bool wrench, IReadOnlyList<(string Feature, int Height, int Width, int Channels)> images, int episodes, long frames, int tasks)
    {
        JsonObject Vector(string dtype, IEnumerable<string> names) =>
            new() { ["dtype"] = dtype, ["shape"] = new JsonArray(names.Count()), ["names"] = new JsonArray(names.Select(n => (JsonNode)n).ToArray()) };
        JsonObject Scalar(string dtype) => new() { ["dtype"] = dtype, ["shape"] = new JsonArray(1), ["names"] = null };

        var features = new JsonObject
        {
            ["observation.state"] = Vector("float32", header.JointNames),
            ["action"] = Vector("float32", header.JointNames),
        };
        if (wrench)
        {
            features["observation.wrench"] = Vector("float32", WrenchNames);
        }

        foreach (var image in images)
        {
            features[image.Feature] = LeRobotImages.Info(image.Height, image.Width, image.Channels);
        }

        features["timestamp"] = Scalar("float32");
        features["frame_index"] = Scalar("int64");
        features["episode_index"] = Scalar("int64");
        features["index"] = Scalar("int64");
        features["task_index"] = Scalar("int64");
        return new JsonObject
        {
            ["codebase_version"] = CodebaseVersion,
            ["robot_type"] = header.RobotName,
            ["total_episodes"] = episodes,
            ["total_frames"] = frames,
            ["total_tasks"] = tasks,
            ["chunks_size"] = 1000,
            ["data_files_size_in_mb"] = 100,
            ["video_files_size_in_mb"] = 500,
            ["fps"] = fps,
            ["splits"] = new JsonObject { ["train"] = string.Create(CultureInfo.InvariantCulture, $"0:{episodes}") },
            ["data_path"] = "data/chunk-{chunk_index:03d}/file-{file_index:03d}.parquet",
            ["video_path"] = null,
            ["features"] = features,
        };
    }

    /// <summary>The pandas schema note that makes <c>task</c> the index when LeRobot reads the file with pandas.</summary>
    private static string PandasTaskIndex() => new JsonObject
    {
        ["index_columns"] = new JsonArray("task"),
        ["column_indexes"] = new JsonArray(),
        ["columns"] = new JsonArray(
            new JsonObject { ["name"] = "task_index", ["field_name"] = "task_index", ["pandas_type"] = "int64", ["numpy_type"] = "int64", ["metadata"] = null },
            new JsonObject { ["name"] = "task", ["field_name"] = "task", ["pandas_type"] = "unicode", ["numpy_type"] = "object", ["metadata"] = null }),
        ["pandas_version"] = "2.2.0",
    }.ToJsonString();
}
