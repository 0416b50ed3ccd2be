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
    private static readonly int[] CanableFdData = [1_000_000, 2_000_000, 4_000_000, 5_000_000];

    /// <summary>True when the dialect carries CAN FD frames (<c>d D b B</c>) and the data bit rate command <c>Yn</c>.</summary>
    public static bool SupportsFd(SlcanDialect dialect) => dialect == SlcanDialect.CanableFd;

    /// <summary>The CAN FD data bit rates the dialect sets with <c>Yn</c> (n = Mbit/s); empty without FD.</summary>
    public static IReadOnlyList<int> SupportedData(SlcanDialect dialect) => SupportsFd(dialect) ? CanableFdData : [];

    /// <summary>The digit n of the <c>Yn</c> command for the data bit rate <paramref name="bitsPerSecond"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When the dialect has no FD or no code for that rate; the message lists those it has.</exception>
    public static int DataCodeFor(int bitsPerSecond, SlcanDialect dialect)
    {
        var table = SupportedData(dialect);
        for (int i = 0; i < table.Count; i++)
            if (table[i] == bitsPerSecond) return bitsPerSecond / 1_000_000;
        throw new ArgumentOutOfRangeException(nameof(bitsPerSecond), bitsPerSecond, table.Count == 0
            ? $"an SLCAN adapter of dialect {dialect} has no CAN FD data bit rate (Yn); use {SlcanDialect.CanableFd}."
            : $"an SLCAN adapter of dialect {dialect} cannot set the data bit rate {bitsPerSecond} bit/s with Yn; it supports {string.Join(", ", table)}.");
    }

    /// <summary>The data bit rate <c>Yn</c> sets, or 0 when the dialect has no such code.</summary>
    public static int DataBitrateFor(int code, SlcanDialect dialect)
    {
        foreach (int rate in SupportedData(dialect))
            if (rate == code * 1_000_000) return rate;
        return 0;
    }

    /// <summary>The bit rates the dialect can set with <c>Sn</c>, indexed by n.</summary>
    public static IReadOnlyList<int> Supported(SlcanDialect dialect) => dialect == SlcanDialect.Lawicel ? Lawicel : Canable;

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
