using Controller.Cli.Bench;
using FsCheck;
using FsCheck.Fluent;

namespace Controller.Cli.Tests.Bench;

public class LatencySamplesTests
{
    [Fact]
    public void Percentile_NoSamples_IsZero() => Assert.Equal(0, new LatencySamples(4).Percentile(0.5));

    [Fact]
    public void Add_PastCapacity_IsIgnoredAndReportsFull()
    {
        var samples = new LatencySamples(2);
        samples.Add(5);
        samples.Add(7);
        samples.Add(1);

        Assert.True(samples.IsFull);
        Assert.Equal(2, samples.Count);
        Assert.Equal(5, samples.Percentile(0));
        Assert.Equal(7, samples.Percentile(1));
    }

    [Fact]
    public void Percentile_AnySamples_MatchesNearestRankOfSortedInput()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<long[]>().Filter(a => a.Length > 0), values =>
        {
            var samples = new LatencySamples(values.Length);
            foreach (var v in values) samples.Add(v);
            var sorted = values.Order().ToArray();
            return samples.Percentile(0.5) == sorted[(values.Length - 1) / 2]
                && samples.Percentile(0.99) == sorted[(int)((values.Length - 1) * 0.99)]
                && samples.Percentile(1.0) == sorted[^1];
        }).QuickCheckThrowOnFailure();
    }
}
