using System.CommandLine;
using Controller.Brain.Cameras;
using Controller.Brain.Hosting;
using Controller.Brain.Manifests;

namespace Controller.Cli.Commands;

/// <summary>
/// Feeds a model's image inputs from recorded frames for <c>robotctl brain run --images DIR | --video FILE</c>:
/// one <see cref="ICameraSource"/> per image feature — <c>DIR/&lt;camera&gt;/</c> when the folder has a subfolder named
/// after the feature's camera (<c>observation.images.top</c> → <c>top</c>), else <c>DIR</c> itself; a video feeds every
/// feature. Before each call the newest frame of each source is written into the model's input; the frames used
/// are reported.
/// </summary>
internal sealed class BrainImageFeed : IDisposable
{
    private const string ImagePrefix = "observation.images.";
    private readonly List<Feed> _feeds = [];

    private BrainImageFeed()
    {
    }

    /// <summary>The <c>--images</c> option.</summary>
    public static Option<DirectoryInfo?> ImagesOption() =>
        new("--images") { Description = "Feed the model's camera input(s) from a folder of PNG/JPEG/PPM/PGM images (sorted by name; a subfolder per camera if present)." };

    /// <summary>The <c>--video</c> option.</summary>
    public static Option<FileInfo?> VideoOption() =>
        new("--video") { Description = "Feed the model's camera input(s) from a video file (.y4m, MJPEG .avi)." };

    /// <summary>The <c>--fps</c> option.</summary>
    public static Option<double?> FpsOption() =>
        new("--fps") { Description = "Playback rate of --images/--video in frames per second (default: the video's own rate; 30 for a folder). Recordings loop." };

    /// <summary>
    /// Builds and opens the feed, or returns null when neither <paramref name="images"/> nor <paramref name="video"/> is given.
    /// Waits for every source's first frame.
    /// </summary>
    /// <exception cref="CameraException">A source cannot be opened, or produced no frame (the message says why).</exception>
    /// <exception cref="ArgumentException">Both are given, or the model has no image input.</exception>
    public static BrainImageFeed? Open(ModelManifest manifest, DirectoryInfo? images, FileInfo? video, double? fps)
    {
        if (images is null && video is null) return null;
        if (images is not null && video is not null) throw new ArgumentException("give --images or --video, not both.");
        var features = manifest.Inputs.Where(i => i.Image is not null).ToList();
        if (features.Count == 0)
            throw new ArgumentException($"'{manifest.ManifestPath}' has no image input (observation.images.<camera>) to feed from {(images is not null ? "--images" : "--video")}.");
        var playback = new PlaybackOptions { FramesPerSecond = fps, Loop = true };
        var feed = new BrainImageFeed();
        try
        {
            foreach (FeatureInput f in features)
            {
                string camera = f.Feature.StartsWith(ImagePrefix, StringComparison.Ordinal) ? f.Feature[ImagePrefix.Length..] : f.Feature;
                ICameraSource source;
                string kind, path;
                if (images is not null)
                {
                    string perCamera = Path.Combine(images.FullName, camera);
                    path = Directory.Exists(perCamera) ? perCamera : images.FullName;
                    (kind, source) = ("folder", new FolderCameraSource(camera, path, playback));
                }
                else
                {
                    path = video!.FullName;
                    (kind, source) = ("video", VideoFiles.Create(camera, path, playback));
                }

                feed._feeds.Add(new Feed(f.Feature, kind, path, source));
                source.Open();
            }

            foreach (Feed f in feed._feeds) f.WaitForFirstFrame();
            return feed;
        }
        catch
        {
            feed.Dispose();
            throw;
        }
    }

    /// <summary>Frames fed so far (fresh ones, over all features).</summary>
    public long FramesUsed => _feeds.Sum(f => f.Used.Count);

    /// <summary>Writes the newest frame of every source into <paramref name="observation"/>.</summary>
    public void Write(ObservationAssembler observation)
    {
        foreach (Feed f in _feeds) f.Write(observation);
    }

    /// <summary>One line per feature for the console.</summary>
    public IEnumerable<string> Summary() => _feeds.Select(f =>
        $"{f.Feature}: {f.Used.Count} frame(s) used from {f.Kind} {f.Path} ({f.Reads} reads, {f.Source.FramesDropped} dropped, {f.Source.FramesFailed} failed{(f.Source.LastError is { } e ? $"; last failure: {e}" : "")})");

    /// <summary>The JSON report: per feature, the source and the frames used (their indices in the recording).</summary>
    public List<Dictionary<string, object>> Report() => _feeds.Select(f => new Dictionary<string, object>
    {
        ["feature"] = f.Feature,
        ["source"] = f.Kind,
        ["path"] = f.Path,
        ["width"] = f.Source.Width,
        ["height"] = f.Source.Height,
        ["frames_used"] = f.Used.Count,
        ["frame_indices"] = f.Used,
        ["reads"] = f.Reads,
        ["frames_dropped"] = f.Source.FramesDropped,
        ["frames_failed"] = f.Source.FramesFailed,
        ["status_mismatches"] = f.Mismatches,
    }).ToList();

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (Feed f in _feeds) f.Source.Dispose();
    }

    private sealed class Feed(string feature, string kind, string path, ICameraSource source)
    {
        private byte[] _rgb = [];
        private long _lastFedSequence = -1;

        public string Feature { get; } = feature;

        public string Kind { get; } = kind;

        public string Path { get; } = path;

        public ICameraSource Source { get; } = source;

        public List<long> Used { get; } = [];

        public long Reads { get; private set; }

        public long Mismatches { get; private set; }

        public void WaitForFirstFrame()
        {
            _rgb = new byte[Source.FrameBytes];
            var until = DateTime.UtcNow.AddSeconds(10);
            while (Source.ReadLatest(_rgb, out _) == CameraReadStatus.NoFrameYet)
            {
                if (DateTime.UtcNow > until || (Source is CapturingCameraSource { IsFinished: true }))
                    throw new CameraException($"Camera '{Source.Name}' ({Kind} {Path}) delivered no frame{(Source.LastError is { } e ? $": {e}" : "")}.");
                Thread.Sleep(5);
            }
        }

        public void Write(ObservationAssembler observation)
        {
            CameraReadStatus status = Source.ReadLatest(_rgb, out CameraFrameInfo info);
            Reads++;
            if (status is not (CameraReadStatus.Fresh or CameraReadStatus.Repeated)) return;
            if (info.Sequence != _lastFedSequence) Used.Add(info.SourceIndex);
            _lastFedSequence = info.Sequence;
            if (observation.SetImage(Feature, new CameraFrame(_rgb, Source.Width, Source.Height, 3, info.TimestampNs)) != AssemblyStatus.Ok) Mismatches++;
        }
    }
}
