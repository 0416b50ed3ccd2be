namespace Controller.Pipeline.Memory;

/// <summary>
/// A block of unmanaged memory that a ring or mailbox lives in. The garbage collector never moves or
/// scans it, and the same code path serves in-process blocks and memory-mapped files shared between
/// processes. The region owns its memory and frees or unmaps it in <see cref="Dispose()"/>.
/// </summary>
public abstract unsafe class NativeRegion : IDisposable
{
    private int _disposed;

    /// <summary>Start of the region, aligned to at least 128 bytes.</summary>
    public byte* Pointer { get; protected init; }

    /// <summary>Length of the region in bytes.</summary>
    public long Length { get; protected init; }

    /// <summary>Where the memory comes from: <c>"process"</c> or the shared file's path. Used in error messages.</summary>
    public abstract string Name { get; }

    /// <summary>True once the region has been released.</summary>
    public bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    /// <summary>Releases the memory. Any ring still using it must not be touched afterwards.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        Release();
        GC.SuppressFinalize(this);
    }

    /// <summary>Frees or unmaps the memory; called once.</summary>
    protected abstract void Release();

    /// <summary>Safety net for a region that was never disposed.</summary>
    ~NativeRegion()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0) Release();
    }
}
