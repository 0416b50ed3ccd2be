using Controller.Cerebellum.Realtime;
using FsCheck;
using FsCheck.Fluent;

namespace Controller.Cerebellum.Tests.Realtime;

public sealed class CpuListParserTests
{
    [Theory]
    [InlineData("0-3,8,10-11\n", new[] { 0, 1, 2, 3, 8, 10, 11 })]
    [InlineData("3\n", new[] { 3 })]
    [InlineData("2-3,1", new[] { 1, 2, 3 })]
    [InlineData("5,5,4-5", new[] { 4, 5 })]
    [InlineData("\n", new int[0])]
    [InlineData("", new int[0])]
    [InlineData("(null)\n", new int[0])]
    public void Parse_KernelCpuList_ReturnsAscendingDistinctCpus(string text, int[] expected)
    {
        Assert.Equal(expected, CpuListParser.Parse(text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("3-1")]
    [InlineData("a")]
    [InlineData("1,,2")]
    [InlineData("-1")]
    [InlineData("0-99999999")]
    [InlineData("99999999999999999999")]
    [InlineData("1 2")]
    public void Parse_NotACpuList_ReturnsNull(string? text)
    {
        Assert.Null(CpuListParser.Parse(text));
    }

    [Theory]
    [InlineData(new[] { 0, 1, 2, 3, 8, 10, 11 }, "0-3,8,10-11")]
    [InlineData(new[] { 7 }, "7")]
    [InlineData(new[] { 3, 1, 2, 2 }, "1-3")]
    [InlineData(new int[0], "")]
    public void Format_Cpus_CollapsesRunsAsTheKernelDoes(int[] cpus, string expected)
    {
        Assert.Equal(expected, CpuListParser.Format(cpus));
    }

    [Fact]
    public void Format_ThenParse_ReturnsTheSortedDistinctCpus()
    {
        var cpuSets = ArbMap.Default.ArbFor<int[]>().Convert(
            values => values.Select(v => (int)((uint)v % CpuListParser.MaxCpu)).ToArray(),
            cpus => cpus);
        Prop.ForAll(cpuSets, cpus =>
            CpuListParser.Parse(CpuListParser.Format(cpus))!.SequenceEqual(cpus.Distinct().Order())).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Parse_RandomText_NeverThrowsAndReturnsNullOrAscendingCpusInRange()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<string>(), text =>
        {
            var cpus = CpuListParser.Parse(text);
            return cpus is null
                || (cpus.All(cpu => cpu is >= 0 and < CpuListParser.MaxCpu) && cpus.Zip(cpus.Skip(1)).All(pair => pair.First < pair.Second));
        }).QuickCheckThrowOnFailure();
    }
}
