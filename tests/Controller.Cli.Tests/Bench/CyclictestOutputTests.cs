using Controller.Cli.Bench;
using FsCheck;
using FsCheck.Fluent;

namespace Controller.Cli.Tests.Bench;

public class CyclictestOutputTests
{
    // Shape of real `cyclictest -m -q -p 80 -i 1000 -D 2 -a 1 -t 1 -h 200` output on the development VM.
    private const string Sample = """
        # /dev/cpu_dma_latency set to 0us
        # Histogram
        000010 000001
        000011 000000
        000063 000310
        000064 000385
        000065 000192
        000090 000010
        # Total: 000000898
        # Min Latencies: 00010
        # Avg Latencies: 00069
        # Max Latencies: 03543
        # Histogram Overflows: 00002
        # Histogram Overflow at cycle number:
        # Thread 0: 00408 00835
        """;

    [Fact]
    public void Parse_RealShape_GivesPercentilesCountingOverflowsAtTheMaximum()
    {
        var result = CyclictestOutput.Parse(Sample, out var error);

        Assert.Null(error);
        Assert.NotNull(result);
        Assert.Equal(900, result.Samples);
        Assert.Equal(64, result.P50Us);
        Assert.Equal(90, result.P99Us);
        Assert.Equal(3543, result.P999Us);
        Assert.Equal(3543, result.MaxUs);
        Assert.Equal(2, result.Overflows);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Unable to change scheduling policy!\nEither run as root or join realtime group\n")]
    [InlineData("# Histogram\n# Total: 000000000\n")]
    public void Parse_NoHistogram_ReturnsNullWithReason(string text)
    {
        Assert.Null(CyclictestOutput.Parse(text, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void Parse_RandomOrMutatedText_NeverThrowsAndIsConsistent()
    {
        var lines = Sample.Split('\n');
        var mutated = ArbMap.Default.ArbFor<(int, int, string)>().Generator.Select(t =>
        {
            var copy = (string[])lines.Clone();
            int i = Math.Abs(t.Item1 % copy.Length);
            copy[i] = (t.Item2 % 3) switch { 0 => t.Item3 ?? "", 1 => copy[i] + (t.Item3 ?? ""), _ => "" };
            return string.Join('\n', copy);
        });
        var anyText = Gen.OneOf(mutated, ArbMap.Default.ArbFor<string>().Generator);
        Prop.ForAll(anyText.ToArbitrary(), text =>
        {
            var result = CyclictestOutput.Parse(text, out var error);
            return result is null
                ? !string.IsNullOrEmpty(error)
                : result.P50Us <= result.P99Us && result.P99Us <= result.P999Us && result.P999Us <= result.MaxUs && result.Samples > 0;
        }).QuickCheckThrowOnFailure();
    }
}
