using System.IO.MemoryMappedFiles;

namespace Controller.Pipeline.Memory;

/// <summary>
/// A memory-mapped file shared with other processes. On Linux, put it under <c>/dev/shm</c> so it lives
/// in RAM; the page cache makes any other path work too, at the cost of write-back.
/// </summary>
public sealed unsafe class MappedFileRegion : NativeRegion
{
    private readonly MemoryMappedFile _file;
    private readonly MemoryMappedViewAccessor _view;
    private readonly string _path;
    private readonly bool _deleteOnDispose;

    private MappedFileRegion(string path, MemoryMappedFile file, long length, bool deleteOnDispose)
    {
        _path = path;
        _file = file;
        _deleteOnDispose = deleteOnDispose;
        _view = file.CreateViewAccessor(0, length, MemoryMappedFileAccess.ReadWrite);
        byte* p = null;
        _view.SafeMemoryMappedViewHandle.AcquirePointer(ref p);
        Pointer = p + _view.PointerOffset;
        Length = length;
    }

    /// <summary>The file's path.</summary>
    public override string Name => _path;

    /// <summary>
    /// Creates (or truncates) the file at <paramref name="path"/> with <paramref name="length"/> zeroed bytes and maps it.
    /// </summary>
    /// <param name="path">File path, typically under <c>/dev/shm</c>.</param>
    /// <param name="length">Size in bytes.</param>
    /// <param name="deleteOnDispose">Whether disposing this region deletes the file (the creator usually owns it).</param>
    public static MappedFileRegion Create(string path, long length, bool deleteOnDispose = true)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        var stream = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.ReadWrite);
        stream.SetLength(length);
        var file = MemoryMappedFile.CreateFromFile(stream, null, length, MemoryMappedFileAccess.ReadWrite,
            HandleInheritability.None, leaveOpen: false);
        return new MappedFileRegion(path, file, length, deleteOnDispose);
    }

    /// <summary>Maps an existing file created by another process (or by this one).</summary>
    /// <exception cref="FileNotFoundException">When no file exists at <paramref name="path"/>.</exception>
    /// <exception cref="PipelineAttachException">When the file is too small to hold a header.</exception>
    public static MappedFileRegion Open(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"No shared pipeline file at '{path}': start the side that creates it first.", path);
        }
        var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
        long length = stream.Length;
        if (length < RegionHeader.Size)
        {
            stream.Dispose();
            throw new PipelineAttachException(path, "file length", $">= {RegionHeader.Size} bytes", $"{length} bytes");
        }
        var file = MemoryMappedFile.CreateFromFile(stream, null, length, MemoryMappedFileAccess.ReadWrite,
            HandleInheritability.None, leaveOpen: false);
        return new MappedFileRegion(path, file, length, deleteOnDispose: false);
    }

    /// <inheritdoc />
    protected override void Release()
    {
        try
        {
            _view.SafeMemoryMappedViewHandle.ReleasePointer();
            _view.Dispose();
            _file.Dispose();
        }
        finally
        {
            // Delete even if unmapping failed: a creator must not leave files behind in /dev/shm. Unlinking a
            // file that a peer still maps is fine on Linux; the memory goes when the last mapping does.
            if (_deleteOnDispose)
            {
                try { File.Delete(_path); }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
            }
        }
    }
}
