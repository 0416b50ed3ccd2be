using Controller.Cerebellum.Realtime;
using FsCheck;
using FsCheck.Fluent;

namespace Controller.Cerebellum.Tests.Realtime;

public sealed class KernelPreemptionParserTests
{
    [Theory]
    [InlineData("#1 SMP PREEMPT_RT Debian 6.1.106-3 (2024-08-26)", PreemptionModel.PreemptRt)]
    [InlineData("#1 SMP PREEMPT_RT Thu, 01 Jan 2026 00:00:00 +0000\n", PreemptionModel.PreemptRt)]
    [InlineData("#1 SMP PREEMPT RT Mon Jan 8 12:00:00 UTC 2018", PreemptionModel.PreemptRt)]
    [InlineData("#36~22.04.1-Ubuntu SMP PREEMPT_DYNAMIC Thu Jun 13 16:26:31 UTC 2", PreemptionModel.PreemptDynamic)]
    [InlineData("Linux version 6.8.9-300.fc40.x86_64 (mockbuild@bkernel) (gcc (GCC) 14.0.1) #1 SMP PREEMPT_DYNAMIC Thu May  2 18:59:06 UTC 2024\n", PreemptionModel.PreemptDynamic)]
    [InlineData("#1 SMP PREEMPT Debian 1:6.1.69-1+rpt1 (2024-01-16)", PreemptionModel.Preempt)]
    [InlineData("#1 SMP PREEMPT_LAZY Sun Mar  1 10:00:00 UTC 2026", PreemptionModel.PreemptLazy)]
    [InlineData("#1 SMP Wed Apr 10 09:28:22 EDT 2024", PreemptionModel.NoneOrVoluntary)]
    [InlineData("Linux version 5.14.0-427.el9.x86_64 (mockbuild@x86-64-01) #1 SMP Wed Apr 10 09:28:22 EDT 2024", PreemptionModel.NoneOrVoluntary)]
    public void Parse_RealVersionText_ReturnsItsModel(string version, PreemptionModel expected)
    {
        Assert.Equal(expected, KernelPreemptionParser.Parse(realtimeFlag: null, version));
    }

    [Fact]
    public void Parse_SysKernelRealtimeIsOne_ReturnsPreemptRtWhateverTheVersionSays()
    {
        Assert.Equal(PreemptionModel.PreemptRt, KernelPreemptionParser.Parse("1\n", "#1 SMP Wed Apr 10 2024"));
    }

    [Fact]
    public void Parse_SysKernelRealtimeIsZero_FallsBackToTheVersion()
    {
        Assert.Equal(PreemptionModel.PreemptDynamic, KernelPreemptionParser.Parse("0\n", "#1 SMP PREEMPT_DYNAMIC @0"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  \n")]
    [InlineData("hello world")]
    [InlineData("XPREEMPT_RTX and PREEMPT_DYNAMICS are not markers")]
    public void Parse_NoVersionText_ReturnsUnknown(string? version)
    {
        Assert.Equal(PreemptionModel.Unknown, KernelPreemptionParser.Parse(null, version));
    }

    [Theory]
    [InlineData("none voluntary (full) lazy\n", "full")]
    [InlineData("(none) voluntary full\n", "none")]
    [InlineData("none (voluntary) full", "voluntary")]
    [InlineData("none voluntary full (lazy)", "lazy")]
    [InlineData("none voluntary full", null)]
    [InlineData("(bogus) none", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void ParseDynamicMode_DebugfsText_ReturnsTheParenthesisedMode(string? text, string? expected)
    {
        Assert.Equal(expected, KernelPreemptionParser.ParseDynamicMode(text));
    }

    [Theory]
    [InlineData("BOOT_IMAGE=/vmlinuz-6.8.0 root=UUID=1234 ro preempt=full quiet splash\n", "full")]
    [InlineData("root=/dev/sda1 preempt=none preempt=voluntary", "voluntary")]
    [InlineData("root=/dev/sda1 preempt=bogus", null)]
    [InlineData("console=ttyS0 quiet -- preempt=full", null)]
    [InlineData("console=ttyS0 quiet", null)]
    [InlineData(null, null)]
    public void ParseCommandLineMode_ProcCmdline_ReturnsThePreemptArgument(string? cmdline, string? expected)
    {
        Assert.Equal(expected, KernelPreemptionParser.ParseCommandLineMode(cmdline));
    }

    [Fact]
    public void Parse_RandomTexts_NeverThrowsAndReturnsADefinedModel()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<string>(), ArbMap.Default.ArbFor<string>(), (flag, version) =>
            Enum.IsDefined(KernelPreemptionParser.Parse(flag, version))).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void ParseDynamicMode_RandomText_NeverThrowsAndReturnsNullOrAKnownMode()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<string>(), text =>
            KernelPreemptionParser.ParseDynamicMode(text) is null or "none" or "voluntary" or "full" or "lazy").QuickCheckThrowOnFailure();
    }

    [Fact]
    public void ParseCommandLineMode_RandomText_NeverThrowsAndReturnsNullOrAKnownMode()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<string>(), text =>
            KernelPreemptionParser.ParseCommandLineMode(text) is null or "none" or "voluntary" or "full" or "lazy").QuickCheckThrowOnFailure();
    }

    [Fact]
    public void DisplayName_EveryModel_IsDistinct()
    {
        var names = Enum.GetValues<PreemptionModel>().Select(KernelPreemptionParser.DisplayName).ToArray();

        Assert.Equal(names.Length, names.Distinct().Count());
    }
}
