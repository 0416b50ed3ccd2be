namespace Controller.Hardware.Protocols.Slcan;

/// <summary>
/// The <c>Sn</c> bit-rate codes. Lawicel: S0..S8 = 10k, 20k, 50k, 100k, 125k, 250k, 500k, 800k, 1M. The CANable
/// firmwares (normaldotcom canable-fw and canable2-fw READMEs) use 750k for S7 and add S9 = 83.3k, so the same
/// code means different rates on different adapters: the dialect decides.
/// </summary>
public static class SlcanBitrates
{
    private static readonly int[] Lawicel = [10_000, 20_000, 50_000, 100_000, 125_000, 250_000, 500_000, 800_000, 1_000_000];
    private static readonly int[] Canable = [10_000, 20_000, 50_000, 100_000, 125_000, 250_000, 500_000, 750_000, 1_000_000, 83_333];

    /// <summary>The bit rates the dialect can set with <c>Sn</c>, indexed by n.</summary>
    public static IReadOnlyList<int> Supported(SlcanDialect dialect) => dialect == SlcanDialect.Canable ? Canable : Lawicel;

    /// <summary>The digit n of the <c>Sn</c> command for <paramref name="bitsPerSecond"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When the dialect has no code for that rate; the message lists those it has.</exception>
    public static int CodeFor(int bitsPerSecond, SlcanDialect dialect)
    {
        var table = Supported(dialect);
        for (int i = 0; i < table.Count; i++)
            if (table[i] == bitsPerSecond) return i;
        throw new ArgumentOutOfRangeException(nameof(bitsPerSecond), bitsPerSecond,
            $"an SLCAN adapter of dialect {dialect} cannot set {bitsPerSecond} bit/s with Sn; it supports {string.Join(", ", table)}.");
    }

    /// <summary>The bit rate code <paramref name="code"/> sets, or 0 when the dialect has no such code.</summary>
    public static int BitrateFor(int code, SlcanDialect dialect)
    {
        var table = Supported(dialect);
        return (uint)code < (uint)table.Count ? table[code] : 0;
    }
}
