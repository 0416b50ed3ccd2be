using System.Globalization;

namespace Controller.Cerebellum.Realtime;

/// <summary>Pure parsers for single-value sysfs/procfs files. They never throw; unreadable values come back null.</summary>
internal static class SysfsValueParser
{
    /// <summary>A signed integer such as <c>/proc/sys/kernel/sched_rt_runtime_us</c> (<c>950000</c>, or <c>-1</c>).</summary>
    public static long? ParseInteger(string? text)
    {
        if (text is null) return null;
        return long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value) ? value : null;
    }

    /// <summary>
    /// A cpufreq governor name from <c>scaling_governor</c> (<c>performance</c>, <c>schedutil</c>…): one word of
    /// letters, digits, <c>_</c> or <c>-</c>; null otherwise.
    /// </summary>
    public static string? ParseGovernor(string? text)
    {
        if (text is null) return null;
        string name = text.Trim();
        if (name.Length is 0 or > 64) return null;
        foreach (char c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_' && c != '-') return null;
        }
        return name;
    }
}
