using System.Numerics;

namespace Controller.Pipeline.Rings;

/// <summary>The capacity rule shared by every ring: a power of two, so a slot index is one AND with a mask.</summary>
public static class RingCapacity
{
    /// <summary>Smallest capacity a ring accepts.</summary>
    public const int Min = 2;

    /// <summary>Largest capacity a ring accepts (2^30 slots).</summary>
    public const int Max = 1 << 30;

    /// <summary>Throws unless <paramref name="capacity"/> is a power of two in [<see cref="Min"/>, <see cref="Max"/>].</summary>
    /// <exception cref="ArgumentOutOfRangeException">With the value, the rule and the nearest valid capacity.</exception>
    public static void Validate(long capacity, string paramName = "capacity")
    {
        if (capacity < Min || capacity > Max || !BitOperations.IsPow2(capacity))
        {
            long suggestion = capacity < Min ? Min : capacity > Max ? Max : (long)BitOperations.RoundUpToPowerOf2((ulong)capacity);
            throw new ArgumentOutOfRangeException(paramName, capacity,
                $"A ring's {paramName} must be a power of two between {Min} and {Max}; {capacity} is not (use {suggestion}).");
        }
    }
}
