using System.Globalization;
using System.Text;

namespace Controller.Cerebellum.Realtime;

/// <summary>
/// Pure parser and formatter for the kernel's CPU list format (<c>0-3,8,10-11</c>), used by
/// <c>/sys/devices/system/cpu/isolated</c> and <c>nohz_full</c>.
/// </summary>
internal static class CpuListParser
{
    /// <summary>CPU numbers at or above this are taken as garbage (Linux supports up to 8192 CPUs).</summary>
    public const int MaxCpu = 8192;

    /// <summary>
    /// The CPUs listed, ascending and distinct; an empty list for empty text or <c>(null)</c> (what some kernels
    /// print for an unset list); null for text that is not a CPU list.
    /// </summary>
    public static IReadOnlyList<int>? Parse(string? text)
    {
        if (text is null) return null;
        string trimmed = text.Trim();
        if (trimmed.Length == 0 || trimmed == "(null)") return [];

        var cpus = new SortedSet<int>();
        foreach (string part in trimmed.Split(','))
        {
            int dash = part.IndexOf('-');
            if (dash < 0)
            {
                if (!TryCpu(part, out int cpu)) return null;
                cpus.Add(cpu);
            }
            else
            {
                if (!TryCpu(part[..dash], out int first) || !TryCpu(part[(dash + 1)..], out int last) || last < first) return null;
                for (int cpu = first; cpu <= last; cpu++) cpus.Add(cpu);
            }
        }
        return cpus.ToArray();
    }

    /// <summary>Formats CPUs as the kernel does, collapsing runs: <c>0-3,8</c>; empty for none.</summary>
    public static string Format(IEnumerable<int> cpus)
    {
        var sorted = cpus.Distinct().Order().ToArray();
        var text = new StringBuilder();
        for (int i = 0; i < sorted.Length;)
        {
            int j = i;
            while (j + 1 < sorted.Length && sorted[j + 1] == sorted[j] + 1) j++;
            if (text.Length > 0) text.Append(',');
            text.Append(sorted[i].ToString(CultureInfo.InvariantCulture));
            if (j > i) text.Append('-').Append(sorted[j].ToString(CultureInfo.InvariantCulture));
            i = j + 1;
        }
        return text.ToString();
    }

    private static bool TryCpu(string text, out int cpu) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out cpu) && cpu < MaxCpu;
}
