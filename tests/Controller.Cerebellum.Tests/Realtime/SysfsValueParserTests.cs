using Controller.Cerebellum.Realtime;
using FsCheck;
using FsCheck.Fluent;

namespace Controller.Cerebellum.Tests.Realtime;

public sealed class SysfsValueParserTests
{
    [Theory]
    [InlineData("950000\n", 950000L)]
    [InlineData("-1\n", -1L)]
    [InlineData("1000000", 1000000L)]
    public void ParseInteger_ProcSysValue_ReturnsIt(string text, long expected)
    {
        Assert.Equal(expected, SysfsValueParser.ParseInteger(text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("abc\n")]
    [InlineData("1 2")]
    [InlineData("99999999999999999999999")]
    public void ParseInteger_NotAnInteger_ReturnsNull(string? text)
    {
        Assert.Null(SysfsValueParser.ParseInteger(text));
    }

    [Theory]
    [InlineData("performance\n", "performance")]
    [InlineData("schedutil\n", "schedutil")]
    [InlineData("powersave", "powersave")]
    public void ParseGovernor_ScalingGovernorFile_ReturnsTheName(string text, string expected)
    {
        Assert.Equal(expected, SysfsValueParser.ParseGovernor(text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("\n")]
    [InlineData("two words")]
    [InlineData("<unsupported>")]
    public void ParseGovernor_NotAName_ReturnsNull(string? text)
    {
        Assert.Null(SysfsValueParser.ParseGovernor(text));
    }

    [Fact]
    public void ParseInteger_AnyLongAsTheKernelPrintsIt_RoundTrips()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<long>(), value =>
            SysfsValueParser.ParseInteger(FormattableString.Invariant($"{value}\n")) == value).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Parsers_RandomText_NeverThrow()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<string>(), text =>
        {
            _ = SysfsValueParser.ParseInteger(text);
            string? governor = SysfsValueParser.ParseGovernor(text);
            return governor is null || (governor.Length > 0 && !governor.Any(char.IsWhiteSpace));
        }).QuickCheckThrowOnFailure();
    }
}
