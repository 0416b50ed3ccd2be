namespace Controller.Brain.Cameras;

/// <summary>
/// A folder of still images played as a camera: the <c>.png</c>, <c>.jpg</c>/<c>.jpeg</c> (decoded by Skia) and binary
/// <c>.ppm</c>/<c>.pgm</c> (decoded by <see cref="PnmDecoder"/>) files in it, sorted by name (ordinal), one per frame
/// at <see cref="PlaybackOptions.FramesPerSecond"/> (default 30). The first image sets the frame size; a later
/// image of another size, or one that does not decode, is counted as failed and skipped. Other files are ignored.
/// </summary>
public sealed class FolderCameraSource : RecordingCameraSource
{
    /// <summary>The file extensions read (lower case).</summary>
    public static readonly IReadOnlyList<string> Extensions = [".png", ".jpg", ".jpeg", ".ppm", ".pgm"];

    private readonly SkiaFrameDecoder _skia = new();
    private string[] _files = [];
    private int _next;

    /// <summary>A camera called <paramref name="name"/> playing the images in <paramref name="folder"/>.</summary>
    public FolderCameraSource(string name, string folder, PlaybackOptions? playback = null) : base(name, playback)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        Folder = Path.GetFullPath(folder);
    }

    /// <summary>The folder.</summary>
    public string Folder { get; }

    /// <summary>The images played, in order (known after open).</summary>
    public IReadOnlyList<string> Files => _files;

    /// <summary>Lists the images of <paramref name="folder"/> in playback order.</summary>
    public static string[] ListImages(string folder) =>
        Directory.EnumerateFiles(folder)
            .Where(f => Extensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
            .Order(StringComparer.Ordinal)
            .ToArray();

    /// <summary>Reads the size of the image file at <paramref name="path"/>.</summary>
    /// <exception cref="FrameDecodeException">The file is not a readable image.</exception>
    public static (int Width, int Height) ReadSize(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        if (IsPnm(path))
        {
            PnmHeader h = PnmDecoder.ReadHeader(bytes);
            return (h.Width, h.Height);
        }

        return SkiaFrameDecoder.ReadSize(bytes, Path.GetFileName(path));
    }

    /// <inheritdoc />
    protected override (int Width, int Height, double? FramesPerSecond) OpenRecording()
    {
        if (!Directory.Exists(Folder))
            throw new CameraException($"Camera '{Name}': image folder '{Folder}' does not exist.");
        try
        {
            _files = ListImages(Folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CameraException($"Camera '{Name}': image folder '{Folder}' cannot be listed: {e.Message}", e);
        }

        if (_files.Length == 0)
            throw new CameraException($"Camera '{Name}': image folder '{Folder}' has no images ({string.Join(", ", Extensions)}).");
        (int width, int height) size;
        try
        {
            size = ReadSize(_files[0]);
        }
        catch (Exception e) when (e is FrameDecodeException or IOException or UnauthorizedAccessException)
        {
            throw new CameraException($"Camera '{Name}': the first image '{_files[0]}' sets the frame size but cannot be read: {e.Message}", e);
        }

        Playback.CheckSize($"Camera '{Name}': '{Path.GetFileName(_files[0])}'", size.width, size.height);
        _next = 0;
        return (size.width, size.height, null);
    }

    /// <inheritdoc />
    protected override bool ReadNextFrame(Span<byte> rgb, out long sourceIndex)
    {
        sourceIndex = _next;
        if (_next >= _files.Length) return false;
        string file = _files[_next++];
        byte[] bytes = File.ReadAllBytes(file);
        string what = Path.GetFileName(file);
        if (IsPnm(file))
        {
            PnmHeader h;
            try
            {
                h = PnmDecoder.ReadHeader(bytes);
            }
            catch (FrameDecodeException e)
            {
                throw new FrameDecodeException($"{what}: {e.Message}");
            }

            if (h.Width != Width || h.Height != Height)
                throw new FrameDecodeException($"{what}: the image is {h.Width}×{h.Height}; this source's frames are {Width}×{Height}.");
            PnmDecoder.DecodeRgb(bytes, rgb);
        }
        else
        {
            _skia.DecodeRgb(bytes, rgb, Width, Height, what);
        }

        return true;
    }

    /// <inheritdoc />
    protected override void Rewind() => _next = 0;

    /// <inheritdoc />
    protected override void CloseCore()
    {
    }

    private static bool IsPnm(string path) => Path.GetExtension(path).ToLowerInvariant() is ".ppm" or ".pgm";
}
