using System.Runtime.CompilerServices;

namespace Controller.Pipeline.Tests.Support;

/// <summary>A 12-byte message: its slot stride (16) differs from its size, which the ring must respect.</summary>
public readonly record struct Triple(int A, int B, int C)
{
    public static Triple From(long n) => new((int)n, (int)(n * 7), (int)~n);
}

/// <summary>Two longs named First and Second; same size as <see cref="HashProbeRenamed"/>.</summary>
public struct HashProbe
{
    public long First;
    public long Second;
}

/// <summary>Same size and field types as <see cref="HashProbe"/>, one field renamed.</summary>
public struct HashProbeRenamed
{
    public long First;
    public long Other;
}

/// <summary>32 longs inline (256 bytes): a mailbox value a torn copy would visibly mix.</summary>
[InlineArray(Length)]
public struct Longs32
{
    public const int Length = 32;

    private long _element0;

    public static Longs32 Filled(long value)
    {
        var block = default(Longs32);
        ((Span<long>)block).Fill(value);
        return block;
    }
}
