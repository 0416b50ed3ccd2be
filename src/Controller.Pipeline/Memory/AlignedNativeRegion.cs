using System.Runtime.InteropServices;

namespace Controller.Pipeline.Memory;

/// <summary>Zeroed, cache-line aligned memory private to this process (<see cref="NativeMemory.AlignedAlloc"/>).</summary>
public sealed unsafe class AlignedNativeRegion : NativeRegion
{
    /// <summary>Alignment of every region: two cache lines, so adjacent-line prefetch cannot couple neighbours.</summary>
    public const int Alignment = 128;

    /// <summary>Allocates <paramref name="length"/> zeroed bytes.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="length"/> is not positive.</exception>
    public AlignedNativeRegion(long length)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        Pointer = (byte*)NativeMemory.AlignedAlloc((nuint)length, Alignment);
        NativeMemory.Clear(Pointer, (nuint)length);
        Length = length;
    }

    /// <inheritdoc />
    public override string Name => "process";

    /// <inheritdoc />
    protected override void Release() => NativeMemory.AlignedFree(Pointer);
}
