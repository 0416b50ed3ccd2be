using Controller.Cli.Bench.Suite;
using FsCheck;
using FsCheck.Fluent;

namespace Controller.Cli.Tests.Bench.Suite;

public class BaselineComparisonTests
{
    [Theory]
    [InlineData(2.0, 1.0, 2.0)]
    [InlineData(0.5, 2.0, 0.25)]
    [InlineData(0.0, 0.0, 1.0)]
    [InlineData(3.0, 0.0, double.PositiveInfinity)]
    public void Ratio_ValueOverBaseline_HandlesZeroBaseline(double value, double baseline, double expected)
    {
        Assert.Equal(expected, BaselineComparison.Ratio(value, baseline)!.Value, 9);
    }

    [Fact]
    public void Ratio_EitherMissing_IsNull()
    {
        Assert.Null(BaselineComparison.Ratio(null, 1));
        Assert.Null(BaselineComparison.Ratio(1, null));
    }

    [Theory]
    [InlineData(130.0, 100.0, FigureVerdict.Regressed)] // 1.3× slower
    [InlineData(119.0, 100.0, FigureVerdict.Ok)]
    [InlineData(80.0, 100.0, FigureVerdict.Improved)]   // 0.8 < 1/1.2
    [InlineData(1.0, 0.0, FigureVerdict.Regressed)]     // from zero to anything is infinitely worse
    public void Judge_LowerIsBetter_RegressesAboveThreshold(double value, double baseline, FigureVerdict expected)
    {
        var figure = BenchFigure.Latency("p99_us", value);

        Assert.Equal(expected, BaselineComparison.Judge("s", figure, baseline, 1.2).Verdict);
    }

    [Theory]
    [InlineData(80.0, 100.0, FigureVerdict.Regressed)]  // 0.8× the throughput: 1.25× worse
    [InlineData(90.0, 100.0, FigureVerdict.Ok)]
    [InlineData(130.0, 100.0, FigureVerdict.Improved)]
    [InlineData(0.0, 100.0, FigureVerdict.Regressed)]
    public void Judge_HigherIsBetter_RegressesBelowInverseThreshold(double value, double baseline, FigureVerdict expected)
    {
        var figure = BenchFigure.Higher("msgs_per_s", value, "msg/s");

        Assert.Equal(expected, BaselineComparison.Judge("s", figure, baseline, 1.2).Verdict);
    }

    [Fact]
    public void Judge_NotGatedAndWorse_IsWorseAndDoesNotFail()
    {
        var row = BaselineComparison.Judge("s", BenchFigure.Latency("max_us", 500, gated: false), 100, 1.2);

        Assert.Equal(FigureVerdict.Worse, row.Verdict);
        Assert.False(row.Fails);
    }

    [Theory]
    [InlineData(8.0)]   // the baseline allocated as much: still fails
    [InlineData(null)]  // no baseline: still fails
    public void Judge_AllocationNotZero_FailsWhateverTheBaselineAndThreshold(double? baseline)
    {
        var row = BaselineComparison.Judge("s", BenchFigure.Allocation("allocated_bytes_per_op", 8), baseline, 1000);

        Assert.Equal(FigureVerdict.NotZero, row.Verdict);
        Assert.True(row.Fails);
    }

    [Fact]
    public void Judge_AllocationZeroWithoutBaseline_Passes()
    {
        Assert.False(BaselineComparison.Judge("s", BenchFigure.Allocation("a", 0), null, 1.2).Fails);
    }

    [Fact]
    public void Judge_ValueNotMeasuredButBaselineHasIt_IsMissingNotFailing()
    {
        var row = BaselineComparison.Judge("s", BenchFigure.Latency("p99_us", null), 10, 1.2);

        Assert.Equal(FigureVerdict.Missing, row.Verdict);
        Assert.False(row.Fails);
    }

    [Fact]
    public void Compare_MatchesFiguresBySuiteAndName()
    {
        var baseline = SuiteReports.With(
            new BenchSuiteResult { Name = "a", Figures = [BenchFigure.Latency("x_us", 100)] },
            new BenchSuiteResult { Name = "b", Figures = [BenchFigure.Latency("x_us", 1)] });
        var current = SuiteReports.With(
            new BenchSuiteResult { Name = "a", Figures = [BenchFigure.Latency("x_us", 110), BenchFigure.Latency("y_us", 5)] },
            new BenchSuiteResult { Name = "b", Figures = [BenchFigure.Latency("x_us", 2)] });

        var rows = BaselineComparison.Compare(current, baseline, 1.5);

        Assert.Equal([FigureVerdict.Ok, FigureVerdict.New, FigureVerdict.Regressed], rows.Select(r => r.Verdict));
        Assert.Equal(100, rows[0].Baseline);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(0.5)]
    [InlineData(double.NaN)]
    public void Compare_ThresholdNotAboveOne_ThrowsNamingIt(double threshold)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => BaselineComparison.Compare(SuiteReports.With(), null, threshold));

        Assert.Equal("maxRegression", e.ParamName);
    }

    [Fact]
    public void Judge_DirectionsMirror_LowerRegressesExactlyWhenHigherWithSwappedValuesDoes()
    {
        Prop.ForAll(Gen.Choose(0, int.MaxValue - 1).ToArbitrary(), seed =>
        {
            var random = new Random(seed);
            int value = random.Next(0, 1000), baseline = random.Next(1, 1000);
            var lower = BaselineComparison.Judge("s", BenchFigure.Latency("l", value), baseline, 1.2).Verdict;
            var higher = BaselineComparison.Judge("s", BenchFigure.Higher("h", baseline, "x"), value, 1.2).Verdict;
            bool expectedRegression = (double)value / baseline > 1.2;
            return lower == higher && (lower == FigureVerdict.Regressed) == expectedRegression;
        }).QuickCheckThrowOnFailure();
    }
}
