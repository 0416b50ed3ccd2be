using System.Text.Json.Nodes;
using Parquet.Schema;
using Parquet.Serialization;

namespace Controller.Runtime.Recording.Export;

/// <summary>
/// The camera images of an export: LeRobot's <c>dtype: image</c> features (<c>observation.images.&lt;camera&gt;</c>),
/// stored in the data parquet as a struct <c>{bytes: binary, path: string}</c> holding the PNG file (as LeRobot's
/// <c>datasets.Image</c> column does) and declared in <c>meta/info.json</c> with shape [height, width, channels].
/// Each frame gets the latest image at or before its time (the first image for frames before it).
/// </summary>
internal static class LeRobotImages
{
    /// <summary>The image features every recording has (PNG images only), with their first image's shape; empty when any recording lacks them.</summary>
    public static IReadOnlyList<(string Feature, int Height, int Width, int Channels)> Features(IReadOnlyList<(string Name, EpisodeReadResult Episode)> recordings)
    {
        List<(string, int, int, int)>? common = null;
        foreach ((_, EpisodeReadResult episode) in recordings)
        {
            var here = episode.Of<ModelCallRecord>().SelectMany(c => c.Images).Where(i => i.Encoding == ModelCallImage.PngEncoding && i.Feature.StartsWith("observation.images.", StringComparison.Ordinal))
                .GroupBy(i => i.Feature).Select(g => (g.Key, g.First().Height, g.First().Width, g.First().Channels)).ToList();
            common = common is null ? here : common.Where(f => here.Any(h => h.Key == f.Item1)).ToList();
        }

        return common ?? [];
    }

    /// <summary>Per frame of <paramref name="episode"/>, the PNG of <paramref name="feature"/> to show (times in ns, frame order).</summary>
    public static byte[][] ForFrames(EpisodeReadResult episode, string feature, IReadOnlyList<long> frameTimesNs)
    {
        var images = episode.Of<ModelCallRecord>().SelectMany(c => c.Images.Where(i => i.Feature == feature && i.Encoding == ModelCallImage.PngEncoding).Select(i => (c.TimeNs, i.Data))).ToArray();
        var result = new byte[frameTimesNs.Count][];
        int k = 0;
        for (int f = 0; f < result.Length; f++)
        {
            while (k + 1 < images.Length && images[k + 1].TimeNs <= frameTimesNs[f])
            {
                k++;
            }

            result[f] = images.Length == 0 ? [] : images[k].Data;
        }

        return result;
    }

    /// <summary>Writes the frames with their image columns through Parquet.Net's untyped serializer (the column names depend on the cameras).</summary>
    public static async Task WriteAsync<TFrame>(IReadOnlyList<TFrame> frames, IReadOnlyList<string> features, IReadOnlyList<byte[][]> imagesPerFeature, string path, CancellationToken cancel)
        where TFrame : LeRobotFrame
    {
        ParquetSchema frameSchema = typeof(TFrame).GetParquetSchema(false);
        var fields = frameSchema.Fields.ToList();
        foreach (string feature in features)
        {
            fields.Add(new StructField(feature, new DataField<byte[]>("bytes"), new DataField<string>("path")));
        }

        var rows = new List<IDictionary<string, object?>>(frames.Count);
        for (int i = 0; i < frames.Count; i++)
        {
            TFrame frame = frames[i];
            var row = new Dictionary<string, object?>
            {
                ["observation.state"] = frame.ObservationState,
                ["action"] = frame.Action,
                ["timestamp"] = frame.Timestamp,
                ["frame_index"] = frame.FrameIndex,
                ["episode_index"] = frame.EpisodeIndex,
                ["index"] = frame.Index,
                ["task_index"] = frame.TaskIndex,
            };
            if (frame is LeRobotWrenchFrame wrench)
            {
                row["observation.wrench"] = wrench.ObservationWrench;
            }

            for (int f = 0; f < features.Count; f++)
            {
                // The untyped serializer takes a binary value as ReadOnlyMemory<byte>, not byte[].
                row[features[f]] = new Dictionary<string, object?> { ["bytes"] = new ReadOnlyMemory<byte>(imagesPerFeature[f][i]), ["path"] = $"frame_{frame.Index:D6}.png" };
            }

            rows.Add(row);
        }

        await using FileStream stream = File.Create(path);
        await ParquetSerializer.SerializeUntypedAsync(rows, new ParquetSchema(fields), stream, cancellationToken: cancel).ConfigureAwait(false);
    }

    /// <summary>The <c>info.json</c> feature entry of an image.</summary>
    public static JsonObject Info(int height, int width, int channels) => new()
    {
        ["dtype"] = "image",
        ["shape"] = new JsonArray(height, width, channels),
        ["names"] = new JsonArray("height", "width", "channels"),
    };
}
