using Controller.Pipeline.Messages;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Controller.Brain.Manifests;

/// <summary>
/// Parses a model manifest (YAML, format in the Manifests README) and loads the files it names (stats,
/// tokenizer vocabulary: <see cref="TokenizerSection"/>). Every problem is collected and thrown together as one <see cref="ManifestException"/>;
/// nothing else escapes, whatever the text.
/// </summary>
public static class ManifestParser
{
    private static readonly Dictionary<string, ManifestKind> Kinds = new() { ["policy"] = ManifestKind.Policy, ["planner"] = ManifestKind.Planner };
    private static readonly Dictionary<string, TensorType> Types = new() { ["float32"] = TensorType.Float32, ["int64"] = TensorType.Int64, ["uint8"] = TensorType.UInt8 };
    private static readonly Dictionary<string, ImageLayout> Layouts = new() { ["nchw"] = ImageLayout.Nchw, ["nhwc"] = ImageLayout.Nhwc };
    private static readonly Dictionary<string, NormalizationMode> Norms = new() { ["none"] = NormalizationMode.None, ["mean_std"] = NormalizationMode.MeanStd, ["min_max"] = NormalizationMode.MinMax };
    private static readonly Dictionary<string, ActionKind> Meanings = new()
    {
        ["absolute_joint_position"] = ActionKind.AbsoluteJointPosition,
        ["delta_joint_position"] = ActionKind.DeltaJointPosition,
        ["end_effector_pose"] = ActionKind.EndEffectorPose,
    };
    private static readonly Dictionary<string, ChunkStrategyKind> Strategies = new()
    {
        ["replace"] = ChunkStrategyKind.Replace,
        ["queue"] = ChunkStrategyKind.Queue,
        ["temporal_ensemble"] = ChunkStrategyKind.TemporalEnsemble,
        ["real_time_chunking"] = ChunkStrategyKind.RealTimeChunking,
    };

    /// <summary>Reads and parses the manifest at <paramref name="path"/>; relative paths inside resolve against its folder.</summary>
    /// <exception cref="ManifestException">With every problem found.</exception>
    public static ModelManifest Load(string path)
    {
        string full = Path.GetFullPath(path);
        string text;
        try { text = File.ReadAllText(full); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new ManifestException(full, [$"cannot read the manifest: {e.Message}"]);
        }
        return Parse(text, full, Path.GetDirectoryName(full) ?? ".");
    }

    /// <summary>Parses manifest text; <paramref name="baseDirectory"/> anchors the relative paths it names.</summary>
    /// <exception cref="ManifestException">With every problem found.</exception>
    public static ModelManifest Parse(string yaml, string manifestPath, string baseDirectory)
    {
        var problems = new List<string>();
        var root = LoadRoot(yaml, problems);
        ModelManifest? manifest = root is null ? null : Read(new YamlMap(root, "", problems), manifestPath, baseDirectory, problems);
        if (problems.Count > 0 || manifest is null) throw new ManifestException(manifestPath, problems.Count > 0 ? problems : ["the manifest is empty"]);
        return manifest;
    }

    private static YamlMappingNode? LoadRoot(string yaml, List<string> problems)
    {
        var stream = new YamlStream();
        try { stream.Load(new StringReader(yaml)); }
        catch (YamlException e) { problems.Add($"YAML syntax at line {e.Start.Line}, column {e.Start.Column}: {e.Message}"); return null; }
        // Anything else from the YAML library (it has thrown ArgumentException on duplicate keys) is still a bad document.
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException or OverflowException)
        {
            problems.Add($"YAML: {e.Message}");
            return null;
        }
        if (stream.Documents.Count != 1) { problems.Add($"expected exactly one YAML document, found {stream.Documents.Count}"); return null; }
        if (stream.Documents[0].RootNode is YamlMappingNode m) return m;
        problems.Add("the top level must be a mapping (kind:, model:, inputs:, …)");
        return null;
    }

    private static ModelManifest? Read(YamlMap root, string manifestPath, string baseDirectory, List<string> problems)
    {
        var kind = root.Enum("kind", Kinds, required: true);
        string? model = root.String("model");
        double? rate = root.Number("rate_hz", required: true, 0.01, 1000);
        var inputs = root.Maps("inputs", required: true).Select(ReadInput).OfType<FeatureInput>().ToList();
        var recurrent = root.Maps("recurrent", required: false).Select(ReadRecurrent).OfType<RecurrentState>().ToList();
        var stats = ReadStats(root.Map("stats", required: false), baseDirectory, problems);
        var text = TokenizerSection.Read(root, root.Map("tokenizer", required: false), inputs, baseDirectory);
        var actionMap = root.Map("action", required: kind == ManifestKind.Policy);
        var plannerMap = root.Map("planner", required: kind == ManifestKind.Planner);
        var action = actionMap is null ? null : ReadAction(actionMap);
        var planner = plannerMap is null ? null : ReadPlanner(plannerMap);
        root.ReportUnknownKeys();

        if (kind == ManifestKind.Planner && actionMap is not null) root.Problem("action", "a planner has no action output (use planner:)");
        if (kind == ManifestKind.Policy && plannerMap is not null) root.Problem("planner", "a policy has no planner output (use action:)");
        if (root.Has("inputs") && inputs.Count == 0 && problems.Count == 0) root.Problem("inputs", "at least one input is required");
        CheckUnique(inputs.Select(i => (i.Feature, i.YamlPath)), "feature", problems);
        CheckUnique(inputs.Select(i => (i.Tensor, i.YamlPath)).Concat(recurrent.Select(r => (r.Input, r.YamlPath))), "input tensor", problems);
        CheckStats(inputs, action, stats, problems);

        if (kind is null || model is null || rate is null) return null;
        string modelPath = Path.GetFullPath(Path.Combine(baseDirectory, model));
        if (!File.Exists(modelPath)) root.Problem("model", $"file '{modelPath}' does not exist");
        return new ModelManifest(manifestPath, kind.Value, modelPath, rate.Value, inputs, recurrent, action, planner, stats, text);
    }

    private static FeatureInput? ReadInput(YamlMap m)
    {
        string? feature = m.String("feature");
        string? tensor = m.String("tensor");
        long[]? shape = m.Shape("shape");
        FeatureKind? kind = feature is null ? null : KindOf(feature, m);
        bool text = kind is FeatureKind.Task or FeatureKind.TaskAttentionMask;
        var type = m.Enum("dtype", Types, required: false, text ? TensorType.Int64 : TensorType.Float32);
        var norm = m.Enum("normalize", Norms, required: false, NormalizationMode.None);
        ImageInput? image = null;
        if (kind == FeatureKind.Image && shape is not null) image = ReadImage(m, shape);
        else foreach (string key in new[] { "layout", "crop", "pixel_scale" }) if (m.Has(key)) m.Problem(key, $"only image features ({feature}) take '{key}'");
        m.ReportUnknownKeys();
        if (feature is null || tensor is null || shape is null || kind is null || type is null || norm is null) return null;

        if (text)
        {
            string what = kind == FeatureKind.Task ? "token ids" : "an attention mask";
            if (type != TensorType.Int64) m.Problem("dtype", $"{what} must be int64");
            if (shape.Length != 2 || shape[0] != 1) m.Problem("shape", $"{what} must be [1, max_length]; found [{string.Join(", ", shape)}]");
            if (norm != NormalizationMode.None) m.Problem("normalize", "text is not normalised");
        }
        else if (kind != FeatureKind.Image && type != TensorType.Float32) m.Problem("dtype", $"{feature} must be float32; found {type}");
        if (kind == FeatureKind.Wrench && shape[^1] != 6) m.Problem("shape", $"observation.wrench has 6 values (Fx, Fy, Fz, Tx, Ty, Tz); the last dimension is {shape[^1]}");
        if (kind == FeatureKind.State && shape[^1] > 3 * MessageLimits.MaxJoints)
            m.Problem("shape", $"observation.state holds at most {3 * MessageLimits.MaxJoints} values (positions, velocities, efforts of {MessageLimits.MaxJoints} joints); the last dimension is {shape[^1]}");
        if (kind == FeatureKind.Goal && shape[^1] > MessageLimits.MaxJoints)
            m.Problem("shape", $"observation.goal holds at most {MessageLimits.MaxJoints} joint positions; the last dimension is {shape[^1]}");
        if (kind != FeatureKind.Image && shape.Length == 2 && shape[0] != 1) m.Problem("shape", $"batch dimension must be 1; found {shape[0]}");
        return new FeatureInput(feature, kind.Value, tensor, shape, type.Value, norm.Value, image, m.Path);
    }

    private static FeatureKind? KindOf(string feature, YamlMap m)
    {
        const string images = "observation.images.";
        if (feature == "observation.state") return FeatureKind.State;
        if (feature == "observation.wrench") return FeatureKind.Wrench;
        if (feature == "task") return FeatureKind.Task;
        if (feature == "task.attention_mask") return FeatureKind.TaskAttentionMask;
        if (feature == "observation.goal") return FeatureKind.Goal;
        if (feature.StartsWith(images, StringComparison.Ordinal) && feature.Length > images.Length
            && feature[images.Length..].All(c => char.IsAsciiLetterOrDigit(c) || c == '_')) return FeatureKind.Image;
        m.Problem("feature", $"'{feature}' is not a known feature (observation.state, observation.images.<camera>, observation.wrench, task.attention_mask, observation.goal, task)");
        return null;
    }

    private static ImageInput? ReadImage(YamlMap m, long[] shape)
    {
        var layout = m.Enum("layout", Layouts, required: false, ImageLayout.Nchw);
        double? scale = m.Number("pixel_scale", required: false, 1e-9, 1e9);
        ImageCrop? crop = null;
        var c = m.Map("crop", required: false);
        if (c is not null)
        {
            int? top = c.Int("top", true, 0, 1 << 16), left = c.Int("left", true, 0, 1 << 16), h = c.Int("height", true, 1, 1 << 16), w = c.Int("width", true, 1, 1 << 16);
            c.ReportUnknownKeys();
            if (top is not null && left is not null && h is not null && w is not null) crop = new ImageCrop(top.Value, left.Value, h.Value, w.Value);
        }
        if (layout is null) return null;
        if (shape.Length != 4 || shape[0] != 1) { m.Problem("shape", $"an image tensor is [1, C, H, W] or [1, H, W, C]; found [{string.Join(", ", shape)}]"); return null; }
        long channels = layout == ImageLayout.Nchw ? shape[1] : shape[3];
        long height = layout == ImageLayout.Nchw ? shape[2] : shape[1], width = layout == ImageLayout.Nchw ? shape[3] : shape[2];
        if (channels is not (1 or 3)) { m.Problem("shape", $"{layout} image with {channels} channels; 1 or 3 expected (check layout:)"); return null; }
        if (height > 8192 || width > 8192) { m.Problem("shape", $"image {height}×{width} is larger than 8192×8192"); return null; }
        return new ImageInput(layout.Value, (int)channels, (int)height, (int)width, crop, (float)(scale ?? 1.0 / 255.0));
    }

    private static RecurrentState? ReadRecurrent(YamlMap m)
    {
        string? input = m.String("input"), output = m.String("output");
        long[]? shape = m.Shape("shape");
        m.ReportUnknownKeys();
        return input is null || output is null || shape is null ? null : new RecurrentState(input, output, shape, m.Path);
    }

    private static ActionOutput? ReadAction(YamlMap m)
    {
        string? tensor = m.String("tensor");
        long[]? shape = m.Shape("shape");
        var meaning = m.Enum("meaning", Meanings, required: true);
        double? stepHz = m.Number("step_hz", required: true, 0.1, 10_000);
        int? execute = m.Int("execute_steps", required: false, 1, MessageLimits.MaxChunkSteps);
        var norm = m.Enum("normalize", Norms, required: false, NormalizationMode.None);
        float[]? min = m.Floats("min", required: false), max = m.Floats("max", required: false);
        double? jump = m.Number("max_jump", required: false, 1e-9, 1e9);
        var strategy = m.Enum("strategy", Strategies, required: false, ChunkStrategyKind.Replace);
        double? maxVelocity = m.Number("max_velocity", required: false, 1e-6, 1e6);
        double? maxAcceleration = m.Number("max_acceleration", required: false, 1e-6, 1e9);
        m.ReportUnknownKeys();
        if (tensor is null || shape is null || meaning is null || norm is null || stepHz is null) return null;
        if (shape.Length is < 2 or > 3 || (shape.Length == 3 && shape[0] != 1))
        {
            m.Problem("shape", $"an action chunk is [horizon, dim] or [1, horizon, dim]; found [{string.Join(", ", shape)}]");
            return null;
        }
        var a = new ActionOutput(tensor, shape, meaning.Value, stepHz.Value, execute ?? (int)Math.Min(shape[^2], MessageLimits.MaxChunkSteps), norm.Value, min, max, (float?)jump, m.Path)
        {
            Strategy = strategy ?? ChunkStrategyKind.Replace,
            MaxVelocity = (float?)maxVelocity,
            MaxAcceleration = (float?)maxAcceleration,
        };
        if (meaning != ActionKind.AbsoluteJointPosition && (strategy is not (null or ChunkStrategyKind.Replace) || maxVelocity is not null))
            m.Problem("strategy", $"chunk strategies and max_velocity shape absolute joint positions only; this action is {meaning}");
        if (maxAcceleration is not null && maxVelocity is null) m.Problem("max_acceleration", "needs max_velocity too (the limiter bounds both)");
        if (a.Horizon > MessageLimits.MaxChunkSteps) m.Problem("shape", $"horizon {a.Horizon} exceeds the chunk capacity {MessageLimits.MaxChunkSteps}");
        if (a.Dimension > MessageLimits.MaxJoints) m.Problem("shape", $"dimension {a.Dimension} exceeds the chunk capacity {MessageLimits.MaxJoints}");
        if (execute > a.Horizon) m.Problem("execute_steps", $"must be between 1 and the horizon {a.Horizon}; it is {execute}");
        if (min is not null && min.Length != a.Dimension) m.Problem("min", $"expected {a.Dimension} values (one per action dimension), found {min.Length}");
        if (max is not null && max.Length != a.Dimension) m.Problem("max", $"expected {a.Dimension} values (one per action dimension), found {max.Length}");
        if (min is not null && max is not null && min.Length == max.Length)
            for (int i = 0; i < min.Length; i++) if (min[i] > max[i]) m.Problem("min", $"element {i} ({min[i]}) is above max ({max[i]})");
        return a;
    }

    private static PlannerOutput? ReadPlanner(YamlMap m)
    {
        string? tensor = m.String("tensor");
        long[]? shape = m.Shape("shape");
        var skills = m.Scalars("skills", required: true, "a list of skill names");
        var args = m.Maps("arguments", required: false).Select(a =>
        {
            string? name = a.String("name"), t = a.String("tensor");
            long[]? s = a.Shape("shape");
            a.ReportUnknownKeys();
            return name is null || t is null || s is null ? null : new PlannerArgument(name, t, s, a.Path);
        }).OfType<PlannerArgument>().ToList();
        m.ReportUnknownKeys();
        if (tensor is null || shape is null || skills is null) return null;
        if (skills.Count == 0) m.Problem("skills", "at least one skill is required");
        if (skills.Distinct(StringComparer.Ordinal).Count() != skills.Count) m.Problem("skills", "skill names must be unique");
        if (shape[^1] != skills.Count) m.Problem("shape", $"the last dimension ({shape[^1]}) must equal the number of skills ({skills.Count})");
        return new PlannerOutput(tensor, shape, skills.ToArray(), args, m.Path);
    }

    private static Dictionary<string, FeatureStats> ReadStats(YamlMap? m, string baseDirectory, List<string> problems)
    {
        var stats = new Dictionary<string, FeatureStats>(StringComparer.Ordinal);
        if (m is null) return stats;
        string? file = m.String("file", required: false);
        if (file is not null)
        {
            string path = Path.GetFullPath(Path.Combine(baseDirectory, file));
            try { foreach (var (k, v) in LeRobotStats.Parse(File.ReadAllText(path), $"stats.file '{path}'", problems)) stats[k] = v; }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
            {
                m.Problem("file", $"cannot read '{path}': {e.Message}");
            }
        }
        var features = m.Map("features", required: false);
        if (features is not null)
        {
            foreach (var (name, f) in features.Entries())
            {
                stats[name] = new FeatureStats(f.Floats("mean", false), f.Floats("std", false), f.Floats("min", false), f.Floats("max", false));
                f.ReportUnknownKeys();
            }
        }
        m.ReportUnknownKeys();
        return stats;
    }

    private static void CheckStats(List<FeatureInput> inputs, ActionOutput? action, Dictionary<string, FeatureStats> stats, List<string> problems)
    {
        foreach (var i in inputs)
        {
            int width = i.Image is not null ? i.Image.Channels : (int)i.Shape[^1];
            // Image stats may be per channel (LeRobot: [3, 1, 1]) or one value for all channels.
            CheckFeatureStats(i.Feature, i.Normalization, width, i.Image is not null, $"{i.YamlPath}.normalize", stats, problems);
        }
        if (action is not null) CheckFeatureStats("action", action.Normalization, action.Dimension, false, $"{action.YamlPath}.normalize", stats, problems);
    }

    private static void CheckFeatureStats(string feature, NormalizationMode mode, int width, bool allowOne, string where, Dictionary<string, FeatureStats> stats, List<string> problems)
    {
        if (mode == NormalizationMode.None) return;
        if (!stats.TryGetValue(feature, out var s)) { problems.Add($"{where}: {mode} needs stats for '{feature}' (stats.file or stats.features), none found"); return; }
        (string Name, float[]? Values)[] needed = mode == NormalizationMode.MeanStd ? [("mean", s.Mean), ("std", s.Std)] : [("min", s.Min), ("max", s.Max)];
        foreach (var (name, values) in needed)
        {
            if (values is null) problems.Add($"{where}: {mode} needs '{feature}.{name}', which is missing");
            else if (values.Length != width && !(allowOne && values.Length == 1)) problems.Add($"{where}: '{feature}.{name}' has {values.Length} values; {width} expected");
        }
    }

    private static void CheckUnique(IEnumerable<(string Name, string Where)> items, string what, List<string> problems)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, where) in items) if (!seen.Add(name)) problems.Add($"{where}: {what} '{name}' is declared twice");
    }
}
