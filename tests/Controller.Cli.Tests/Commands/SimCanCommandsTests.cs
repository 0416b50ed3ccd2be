namespace Controller.Cli.Tests.Commands;

/// <summary>`robotctl sim cia402|mit`: twins behind an SLCAN adapter on a pty, started alone.</summary>
public sealed class SimCanCommandsTests
{
    [Fact]
    public void SimCia402_TwoNodesHalfSecond_PrintsPtyAndStops()
    {
        var (code, output, error) = CliRunner.Run("sim", "cia402", "--nodes", "2,7", "--seconds", "0.5");

        Assert.True(code == 0, error);
        Assert.Matches(@"^listening on /dev/pts/\d+\r?\n", output);
        Assert.Contains("node-IDs 2,7", output);
        Assert.Contains("stopped (0.5 s elapsed)", output);
    }

    [Fact]
    public void SimMit_InjectBusOff_SaysSoAndStops()
    {
        var (code, output, error) = CliRunner.Run("sim", "mit", "--ids", "1,2", "--model", "DM4310", "--dialect", "lawicel", "--inject", "bus-off", "--inject-after", "0", "--seconds", "0.5");

        Assert.True(code == 0, error);
        Assert.Contains("Damiao DM4310", output);
        Assert.Contains("injected bus-off", output);
    }

    [Theory]
    [InlineData("cia402", "--nodes", "0", "--nodes: 0 is out of range; allowed 1..127")]
    [InlineData("mit", "--model", "AK10-9", "--model 'AK10-9' is unknown")]
    [InlineData("mit", "--inject", "lost-heartbeat", "lost-heartbeat")]
    public void Sim_BadOption_ExitsNonZeroSayingWhy(string twin, string option, string value, string expected)
    {
        var (code, _, error) = CliRunner.Run("sim", twin, option, value, "--seconds", "0.2");

        Assert.NotEqual(0, code);
        Assert.Contains(expected, error);
    }
}
