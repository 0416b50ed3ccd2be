using YamlDotNet.RepresentationModel;

namespace Controller.Runtime.Configuration;

/// <summary>
/// Reads and validates the <c>cameras:</c> list of a robot configuration: every entry's keys, type, path or device,
/// size and rate, names unique. Problems are collected on the reader like every other section's.
/// </summary>
internal static class CameraRules
{
    /// <summary>The camera types.</summary>
    public static readonly IReadOnlyDictionary<string, string> Types = new Dictionary<string, string>
    {
        ["scene"] = "scene", ["folder"] = "folder", ["video"] = "video", ["v4l2"] = "v4l2",
    };

    private static readonly Dictionary<string, string> Formats = new() { ["yuyv"] = "yuyv", ["mjpeg"] = "mjpeg" };
    private static readonly string[] VideoExtensions = [".y4m", ".avi"];

    /// <summary>Reads <c>cameras:</c> of <paramref name="root"/>; paths resolve from <paramref name="directory"/>.</summary>
    public static IReadOnlyList<CameraConfig> Read(YamlConfigReader r, YamlMappingNode root, string directory)
    {
        var cameras = new List<CameraConfig>();
        foreach (var (m, at) in r.MappingList(root, "", "cameras", required: false))
        {
            r.RejectUnknownKeys(m, at, "name", "type", "path", "device", "width", "height", "fps", "loop", "format");
            string name = r.String(m, at, "name", required: true) ?? "?";
            if (name != "?" && !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
                r.Error(r.Child(m, "name"), $"{at}.name", $"'{name}' may hold only letters, digits, '_' and '-' (it names the feature observation.images.<name>)");
            string type = r.Choice(m, at, "type", "scene", Types, required: true);
            string? path = r.String(m, at, "path", required: type is "folder" or "video");
            string? device = r.String(m, at, "device", required: false);
            int? width = r.Child(m, "width") is null ? null : r.Int(m, at, "width", 0, 1, 16384);
            int? height = r.Child(m, "height") is null ? null : r.Int(m, at, "height", 0, 1, 16384);
            double? fps = r.Child(m, "fps") is null ? null : r.Double(m, at, "fps", 0, 0.01, 1000);
            bool loop = r.Bool(m, at, "loop", true);
            string? format = r.Child(m, "format") is null ? null : r.Choice(m, at, "format", "yuyv", Formats);

            string? full = path is null ? null : System.IO.Path.GetFullPath(System.IO.Path.Combine(directory, path));
            if (path is not null && type is not ("folder" or "video"))
                r.Error(r.Child(m, "path"), $"{at}.path", $"'{path}': only folder and video cameras take a path; this one is {type}");
            if (device is not null && type != "v4l2")
                r.Error(r.Child(m, "device"), $"{at}.device", $"'{device}': only v4l2 cameras take a device; this one is {type}");
            if (format is not null && type != "v4l2")
                r.Error(r.Child(m, "format"), $"{at}.format", $"'{format}': only v4l2 cameras take a pixel format; this one is {type}");
            if (fps is not null && type is not ("folder" or "video"))
                r.Error(r.Child(m, "fps"), $"{at}.fps", $"{fps}: only folder and video cameras take a playback rate; this one is {type}");
            if (type == "folder" && full is not null && !Directory.Exists(full))
                r.Error(r.Child(m, "path"), $"{at}.path", $"image folder '{path}' does not exist (relative to {directory})");
            if (type == "video" && full is not null)
            {
                if (!File.Exists(full))
                    r.Error(r.Child(m, "path"), $"{at}.path", $"video '{path}' does not exist (relative to {directory})");
                else if (!VideoExtensions.Contains(System.IO.Path.GetExtension(full).ToLowerInvariant()))
                    r.Error(r.Child(m, "path"), $"{at}.path", $"'{path}' is not a video read here; allowed extensions: {string.Join(", ", VideoExtensions)}");
            }

            if (type == "v4l2")
            {
                device ??= "/dev/video0";
                if (!device.StartsWith("/dev/", StringComparison.Ordinal))
                    r.Error(r.Child(m, "device"), $"{at}.device", $"'{device}' is not a device node; allowed: /dev/videoN (or a udev link under /dev/v4l/)");
                width ??= 640;
                height ??= 480;
                if (width % 2 != 0)
                    r.Error(r.Child(m, "width"), $"{at}.width", $"{width} is odd; a V4L2 YUYV/MJPEG width must be even");
                format ??= "yuyv";
            }

            cameras.Add(new CameraConfig(name, type, type is "folder" or "video" ? full : null, device, width, height, fps, loop, format));
        }

        foreach (var duplicate in cameras.GroupBy(c => c.Name).Where(g => g.Count() > 1))
            r.Error(r.Child(root, "cameras"), "cameras", $"name '{duplicate.Key}' is used {duplicate.Count()} times; camera names must differ");
        return cameras;
    }
}
