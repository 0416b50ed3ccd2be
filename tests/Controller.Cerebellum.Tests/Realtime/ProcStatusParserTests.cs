using Controller.Cerebellum.Realtime;
using FsCheck;
using FsCheck.Fluent;

namespace Controller.Cerebellum.Tests.Realtime;

public sealed class ProcStatusParserTests
{
    private const string RootStatus =
        "Name:\trobotctl\nUmask:\t0022\nState:\tR (running)\nTgid:\t4242\nPid:\t4242\nUid:\t0\t0\t0\t0\n" +
        "VmPeak:\t 3567892 kB\nVmSize:\t 3501232 kB\nVmLck:\t       0 kB\nVmPin:\t       0 kB\nVmRSS:\t   61844 kB\n" +
        "Threads:\t19\nCapInh:\t0000000000000000\nCapPrm:\t000001ffffffffff\nCapEff:\t000001ffffffffff\n" +
        "CapBnd:\t000001ffffffffff\nCapAmb:\t0000000000000000\nNoNewPrivs:\t0\nCpus_allowed_list:\t0-3\n";

    [Fact]
    public void ParseEffectiveCapabilities_RootStatus_ReturnsFullMaskWithSysNiceAndIpcLock()
    {
        ulong? mask = ProcStatusParser.ParseEffectiveCapabilities(RootStatus);

        Assert.Equal(0x000001ffffffffffUL, mask);
        Assert.True(ProcStatusParser.HasCapability(mask!.Value, ProcStatusParser.CapSysNice));
        Assert.True(ProcStatusParser.HasCapability(mask.Value, ProcStatusParser.CapIpcLock));
    }

    [Fact]
    public void ParseEffectiveCapabilities_SetcapSysNiceOnly_HasSysNiceButNotIpcLock()
    {
        ulong? mask = ProcStatusParser.ParseEffectiveCapabilities("CapPrm:\t0000000000800000\nCapEff:\t0000000000800000\n");

        Assert.Equal(1UL << 23, mask);
        Assert.True(ProcStatusParser.HasCapability(mask!.Value, ProcStatusParser.CapSysNice));
        Assert.False(ProcStatusParser.HasCapability(mask.Value, ProcStatusParser.CapIpcLock));
    }

    [Fact]
    public void ParseEffectiveCapabilities_UnprivilegedUser_ReturnsZero()
    {
        Assert.Equal(0UL, ProcStatusParser.ParseEffectiveCapabilities(RootStatus.Replace("CapEff:\t000001ffffffffff", "CapEff:\t0000000000000000")));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Name:\tx\nCapPrm:\t000001ffffffffff\n")]
    [InlineData("CapEff:\tnot-hex\n")]
    [InlineData("CapEff:\t\n")]
    [InlineData("CapEff:\t00000001ffffffffff\n")]
    public void ParseEffectiveCapabilities_MissingOrMalformed_ReturnsNull(string? text)
    {
        Assert.Null(ProcStatusParser.ParseEffectiveCapabilities(text));
    }

    [Theory]
    [InlineData("VmLck:\t       0 kB\n", 0L)]
    [InlineData("VmLck:\t  184320 kB\n", 184320L)]
    [InlineData("VmLck:\t12 kB", 12L)]
    public void ParseLockedKilobytes_VmLckLine_ReturnsKilobytes(string line, long expected)
    {
        Assert.Equal(expected, ProcStatusParser.ParseLockedKilobytes(RootStatus.Replace("VmLck:\t       0 kB\n", "") + line));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Name:\tx\n")]
    [InlineData("VmLck:\t-5 kB\n")]
    [InlineData("VmLck:\tlots kB\n")]
    public void ParseLockedKilobytes_MissingOrMalformed_ReturnsNull(string? text)
    {
        Assert.Null(ProcStatusParser.ParseLockedKilobytes(text));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(64)]
    [InlineData(int.MaxValue)]
    public void HasCapability_BitOutsideMask_ReturnsFalse(int bit)
    {
        Assert.False(ProcStatusParser.HasCapability(ulong.MaxValue, bit));
    }

    [Fact]
    public void ParseEffectiveCapabilities_AnyMaskFormattedAsTheKernelDoes_RoundTrips()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<ulong>(), mask =>
            ProcStatusParser.ParseEffectiveCapabilities($"CapPrm:\t0\nCapEff:\t{mask:x16}\nCapBnd:\t0\n") == mask).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Parsers_RandomText_NeverThrow()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<string>(), text =>
        {
            _ = ProcStatusParser.ParseEffectiveCapabilities(text);
            long? kb = ProcStatusParser.ParseLockedKilobytes(text);
            return kb is null or >= 0;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Parsers_RandomTextAfterTheKey_NeverThrow()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<string>(), tail =>
        {
            _ = ProcStatusParser.ParseEffectiveCapabilities("CapEff:" + tail);
            long? kb = ProcStatusParser.ParseLockedKilobytes("VmLck:" + tail);
            return kb is null or >= 0;
        }).QuickCheckThrowOnFailure();
    }
}
