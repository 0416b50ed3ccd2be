namespace Controller.Cerebellum.Realtime;

/// <summary>
/// Pure parsers for the kernel's preemption model. Each takes file text (or null when the file could not be read)
/// and never throws.
/// </summary>
internal static class KernelPreemptionParser
{
    private static readonly char[] Separators = [' ', '\t', '\r', '\n'];
    private static readonly string[] DynamicModes = ["none", "voluntary", "full", "lazy"];

    /// <summary>
    /// The preemption model from <c>/sys/kernel/realtime</c> (<c>1</c> on PREEMPT_RT kernels, absent elsewhere) and
    /// the kernel version text (<c>uname -v</c>, <c>/proc/sys/kernel/version</c> or <c>/proc/version</c>).
    /// </summary>
    public static PreemptionModel Parse(string? realtimeFlag, string? versionText)
    {
        if (realtimeFlag is not null && realtimeFlag.Trim() == "1") return PreemptionModel.PreemptRt;
        if (string.IsNullOrWhiteSpace(versionText)) return PreemptionModel.Unknown;

        string[] tokens = versionText.Split(Separators, StringSplitOptions.RemoveEmptyEntries);
        bool rt = false, dynamic = false, lazy = false, preempt = false;
        for (int i = 0; i < tokens.Length; i++)
        {
            switch (tokens[i])
            {
                case "PREEMPT_RT":
                    rt = true;
                    break;
                case "PREEMPT_DYNAMIC":
                    dynamic = true;
                    break;
                case "PREEMPT_LAZY":
                    lazy = true;
                    break;
                case "PREEMPT":
                    // Older RT kernels print "PREEMPT RT".
                    if (i + 1 < tokens.Length && tokens[i + 1] == "RT") rt = true;
                    else preempt = true;
                    break;
            }
        }
        if (rt) return PreemptionModel.PreemptRt;
        if (dynamic) return PreemptionModel.PreemptDynamic;
        if (lazy) return PreemptionModel.PreemptLazy;
        if (preempt) return PreemptionModel.Preempt;
        return LooksLikeKernelVersion(tokens) ? PreemptionModel.NoneOrVoluntary : PreemptionModel.Unknown;
    }

    /// <summary>
    /// The preemption mode in force on a PREEMPT_DYNAMIC kernel from <c>/sys/kernel/debug/sched/preempt</c>, which
    /// lists the modes with the active one in parentheses (<c>none voluntary (full) lazy</c>); null if not found.
    /// </summary>
    public static string? ParseDynamicMode(string? debugfsText)
    {
        if (string.IsNullOrEmpty(debugfsText)) return null;
        foreach (string token in debugfsText.Split(Separators, StringSplitOptions.RemoveEmptyEntries))
        {
            if (token.Length > 2 && token[0] == '(' && token[^1] == ')')
            {
                string mode = token[1..^1];
                if (DynamicModes.Contains(mode)) return mode;
            }
        }
        return null;
    }

    /// <summary>The value of <c>preempt=</c> on the kernel command line (<c>/proc/cmdline</c>) if it names a mode; else null.</summary>
    public static string? ParseCommandLineMode(string? cmdline)
    {
        if (string.IsNullOrEmpty(cmdline)) return null;
        string? mode = null;
        foreach (string token in cmdline.Split(Separators, StringSplitOptions.RemoveEmptyEntries))
        {
            if (token == "--") break; // what follows belongs to init
            if (token.StartsWith("preempt=", StringComparison.Ordinal))
            {
                string value = token["preempt=".Length..];
                if (DynamicModes.Contains(value)) mode = value; // the last one wins, as in the kernel
            }
        }
        return mode;
    }

    /// <summary>The name printed for <paramref name="model"/>, e.g. <c>PREEMPT_RT</c>.</summary>
    public static string DisplayName(PreemptionModel model) => model switch
    {
        PreemptionModel.PreemptRt => "PREEMPT_RT",
        PreemptionModel.Preempt => "PREEMPT",
        PreemptionModel.PreemptLazy => "PREEMPT_LAZY",
        PreemptionModel.PreemptDynamic => "PREEMPT_DYNAMIC",
        PreemptionModel.NoneOrVoluntary => "none/voluntary (no PREEMPT)",
        _ => "unknown",
    };

    /// <summary>Kernel version texts carry the build number as <c>#N</c> (e.g. <c>#1 SMP …</c>).</summary>
    private static bool LooksLikeKernelVersion(string[] tokens) =>
        tokens.Any(token => token.Length >= 2 && token[0] == '#' && char.IsAsciiDigit(token[1]));
}
