using System.Buffers;
using MessagePack;

namespace Controller.Runtime.Recording;

/// <summary>
/// The header's MessagePack payload: a map with string keys (README.md lists them), so that fields can be added
/// without breaking readers. Unknown keys are skipped; a missing one is an error naming it.
/// </summary>
public static class HeaderCodec
{
    /// <summary>Appends <paramref name="header"/>'s payload to <paramref name="output"/>.</summary>
    public static void Encode(EpisodeHeader header, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(header);
        var w = new MessagePackWriter(output);
        w.WriteMapHeader(13);
        w.Write("version");
        w.Write(header.FormatVersion);
        w.Write("robot");
        w.Write(header.RobotName);
        w.Write("config");
        w.Write(header.ConfigText);
        w.Write("config_sha256");
        w.Write(header.ConfigSha256);
        w.Write("urdf");
        w.Write(header.UrdfName);
        w.Write("joints");
        w.WriteArrayHeader(header.JointNames.Count);
        foreach (string joint in header.JointNames)
        {
            w.Write(joint);
        }

        w.Write("models");
        w.WriteArrayHeader(header.Models.Count);
        foreach (ModelFile model in header.Models)
        {
            w.WriteArrayHeader(3);
            w.Write(model.Role);
            w.Write(model.ManifestPath);
            w.Write(model.ManifestSha256);
        }

        w.Write("start_unix_ns");
        w.Write(header.StartUnixNs);
        w.Write("start_monotonic_ns");
        w.Write(header.StartMonotonicNs);
        w.Write("loop_rate_hz");
        w.Write(header.LoopRateHz);
        w.Write("state_rate_hz");
        w.Write(header.StateRateHz);
        w.Write("task");
        w.Write(header.Task);
        w.Write("mode");
        w.Write(header.Mode);
        w.Flush();
    }

    /// <summary>Decodes a header payload.</summary>
    /// <exception cref="RecordingFormatException">The payload is not a header map, or a field is missing or of the wrong type.</exception>
    public static EpisodeHeader Decode(ReadOnlyMemory<byte> payload)
    {
        try
        {
            var r = new MessagePackReader(payload);
            int entries = r.ReadMapHeader();
            if (entries < 0 || entries > payload.Length)
            {
                throw new RecordingFormatException($"header map claims {entries} entries in {payload.Length} bytes");
            }

            int? version = null;
            string? robot = null, config = null, sha = null, urdf = null, task = null, mode = null;
            List<string>? joints = null;
            List<ModelFile>? models = null;
            long? startUnix = null, startMono = null;
            double? loopRate = null, stateRate = null;
            for (int i = 0; i < entries; i++)
            {
                string key = RecordCodec.ReadText(ref r);
                switch (key)
                {
                    case "version": version = r.ReadInt32(); break;
                    case "robot": robot = RecordCodec.ReadText(ref r); break;
                    case "config": config = RecordCodec.ReadText(ref r); break;
                    case "config_sha256": sha = RecordCodec.ReadText(ref r); break;
                    case "urdf": urdf = RecordCodec.ReadText(ref r); break;
                    case "task": task = RecordCodec.ReadText(ref r); break;
                    case "mode": mode = RecordCodec.ReadText(ref r); break;
                    case "start_unix_ns": startUnix = r.ReadInt64(); break;
                    case "start_monotonic_ns": startMono = r.ReadInt64(); break;
                    case "loop_rate_hz": loopRate = r.ReadDouble(); break;
                    case "state_rate_hz": stateRate = r.ReadDouble(); break;
                    case "joints":
                        joints = [];
                        for (int j = RecordCodec.ReadCount(ref r); j > 0; j--)
                        {
                            joints.Add(RecordCodec.ReadText(ref r));
                        }

                        break;
                    case "models":
                        models = [];
                        for (int m = RecordCodec.ReadCount(ref r); m > 0; m--)
                        {
                            int fields = RecordCodec.ReadCount(ref r);
                            if (fields < 3)
                            {
                                throw new RecordingFormatException($"header field 'models' has an entry of {fields} elements; it needs 3 (role, path, sha256)");
                            }

                            models.Add(new ModelFile(RecordCodec.ReadText(ref r), RecordCodec.ReadText(ref r), RecordCodec.ReadText(ref r)));
                            for (int extra = 3; extra < fields; extra++)
                            {
                                r.Skip();
                            }
                        }

                        break;
                    default: r.Skip(); break;
                }
            }

            return new EpisodeHeader(
                version ?? throw Missing("version"),
                robot ?? throw Missing("robot"),
                config ?? throw Missing("config"),
                sha ?? throw Missing("config_sha256"),
                urdf ?? throw Missing("urdf"),
                joints ?? throw Missing("joints"),
                models ?? throw Missing("models"),
                startUnix ?? throw Missing("start_unix_ns"),
                startMono ?? throw Missing("start_monotonic_ns"),
                loopRate ?? throw Missing("loop_rate_hz"),
                stateRate ?? throw Missing("state_rate_hz"),
                task ?? "") { Mode = mode ?? EpisodeHeader.PolicyMode };
        }
        catch (Exception e) when (RecordCodec.IsDecodeFailure(e))
        {
            throw new RecordingFormatException($"header payload is not a valid MessagePack header map: {e.Message}", e);
        }
    }

    private static RecordingFormatException Missing(string key) => new($"header has no '{key}' field");
}
