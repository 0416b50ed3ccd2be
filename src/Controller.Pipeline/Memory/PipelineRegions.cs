using System.Numerics;
using System.Runtime.CompilerServices;

namespace Controller.Pipeline.Memory;

/// <summary>Creates and attaches the regions rings and mailboxes live in, in-process or in a shared file.</summary>
internal static unsafe class PipelineRegions
{
    /// <summary>
    /// Allocates a zeroed region for <paramref name="capacity"/> slots of <paramref name="slotStride"/> bytes.
    /// The caller prepares its slots, then calls <see cref="RegionLayout.Initialize"/> so that the header is
    /// published last.
    /// </summary>
    public static NativeRegion Create(long capacity, int slotStride, string? sharedPath)
    {
        long length = RegionHeader.Size + capacity * slotStride;
        return sharedPath is null ? new AlignedNativeRegion(length) : MappedFileRegion.Create(sharedPath, length);
    }

    /// <summary>Publishes the header of a freshly created region.</summary>
    public static void Publish<T>(NativeRegion region, RegionKind kind, long capacity, int slotStride) where T : unmanaged
    {
        RegionLayout.Initialize((RegionHeader*)region.Pointer, kind, capacity, Unsafe.SizeOf<T>(), slotStride,
            MessageTypeHash.Of<T>(), region.Length);
    }

    /// <summary>
    /// Maps <paramref name="path"/> and validates it holds a <paramref name="kind"/> of <typeparamref name="T"/>
    /// laid out with <paramref name="slotStride"/>-byte slots (and, for rings, a power-of-two capacity).
    /// </summary>
    /// <exception cref="PipelineAttachException">When the layout does not match; the mapping is released.</exception>
    public static NativeRegion Open<T>(string path, RegionKind kind, int slotStride, out long capacity) where T : unmanaged
    {
        var region = MappedFileRegion.Open(path);
        try
        {
            var header = (RegionHeader*)region.Pointer;
            capacity = RegionLayout.Validate(header, region, kind, Unsafe.SizeOf<T>(), MessageTypeHash.Of<T>(), typeof(T).Name);
            if (header->SlotStride != slotStride)
                throw new PipelineAttachException(path, "slot stride", $"{slotStride} bytes", $"{header->SlotStride} bytes");
            if (kind != RegionKind.LatestValue && !BitOperations.IsPow2(capacity))
                throw new PipelineAttachException(path, "capacity", "a power of two", capacity.ToString());
            return region;
        }
        catch
        {
            region.Dispose();
            throw;
        }
    }
}
