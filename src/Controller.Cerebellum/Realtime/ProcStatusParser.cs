using System.Globalization;

namespace Controller.Cerebellum.Realtime;

/// <summary>Pure parsers for <c>/proc/self/status</c> lines. They never throw; unreadable values come back null.</summary>
internal static class ProcStatusParser
{
    /// <summary>Capability bit of <c>CAP_IPC_LOCK</c> (lock memory beyond RLIMIT_MEMLOCK).</summary>
    public const int CapIpcLock = 14;

    /// <summary>Capability bit of <c>CAP_SYS_NICE</c> (real-time policies beyond RLIMIT_RTPRIO).</summary>
    public const int CapSysNice = 23;

    /// <summary>The effective capability set from the <c>CapEff:</c> line (hex, e.g. <c>000001ffffffffff</c>).</summary>
    public static ulong? ParseEffectiveCapabilities(string? statusText)
    {
        string? value = FieldValue(statusText, "CapEff:");
        if (value is null || value.Length is 0 or > 16) return null;
        return ulong.TryParse(value, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ulong mask) ? mask : null;
    }

    /// <summary>Locked memory in KiB from the <c>VmLck:</c> line (e.g. <c>VmLck:	    1024 kB</c>).</summary>
    public static long? ParseLockedKilobytes(string? statusText)
    {
        string? value = FieldValue(statusText, "VmLck:");
        if (value is null) return null;
        if (value.EndsWith(" kB", StringComparison.Ordinal)) value = value[..^3].TrimEnd();
        return long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out long kb) ? kb : null;
    }

    /// <summary>Whether capability <paramref name="bit"/> is set in <paramref name="mask"/>.</summary>
    public static bool HasCapability(ulong mask, int bit) => bit is >= 0 and < 64 && (mask & (1UL << bit)) != 0;

    /// <summary>The trimmed text after <paramref name="key"/> on the first line that starts with it, or null.</summary>
    private static string? FieldValue(string? text, string key)
    {
        if (string.IsNullOrEmpty(text)) return null;
        foreach (string line in text.Split('\n'))
        {
            if (line.StartsWith(key, StringComparison.Ordinal)) return line[key.Length..].Trim();
        }
        return null;
    }
}
