using System.Text.RegularExpressions;

namespace Controller.Cli.Tests.Commands;

/// <summary>`robotctl sim`: each twin starts alone, says where it listens, and stops after --seconds.</summary>
public sealed class SimCommandTests
{
    [Fact]
    public void SimDynamixel_Ids34OneSecond_PrintsListeningOnPtsAndExitsZero()
    {
        var (code, output, error) = CliRunner.Run("sim", "dynamixel", "--ids", "3,4", "--seconds", "1");

        Assert.True(code == 0, error);
        string first = output.Split('\n')[0].TrimEnd('\r');
        Assert.Matches(@"^listening on /dev/pts/\d+$", first);
        Assert.Contains("XM430-W350 (model 1020) ids 3,4", output);
        Assert.Contains("stopped (1 s elapsed)", output);
    }

    [Fact]
    public void SimDynamixel_IdOutOfRange_ExitsNonZeroNamingTheAllowedRange()
    {
        var (code, _, error) = CliRunner.Run("sim", "dynamixel", "--ids", "1,253", "--seconds", "1");

        Assert.NotEqual(0, code);
        Assert.Contains("--ids: 253 is not a device ID; allowed 0..252", error);
    }

    [Fact]
    public void SimDynamixel_UnknownModel_ExitsNonZeroListingKnownModels()
    {
        var (code, _, error) = CliRunner.Run("sim", "dynamixel", "--model", "MX-28", "--seconds", "1");

        Assert.NotEqual(0, code);
        Assert.Contains("--model 'MX-28' is unknown; known: XM430-W350", error);
    }

    [Fact]
    public void SimFt300_HalfSecond_PrintsListeningOnPtsAndStreams()
    {
        var (code, output, error) = CliRunner.Run("sim", "ft300", "--seconds", "0.5");

        Assert.True(code == 0, error);
        Assert.Matches(@"^listening on /dev/pts/\d+\r?\n", output);
        Assert.Matches(@"stopped \(0\.5 s elapsed\): [1-9]\d* stream frames", output);
    }

    [Fact]
    public void SimNetFt_HalfSecond_PrintsListeningOnLoopbackPort()
    {
        var (code, output, error) = CliRunner.Run("sim", "netft", "--seconds", "0.5");

        Assert.True(code == 0, error);
        var match = Regex.Match(output, @"^listening on 127\.0\.0\.1:(\d+)\r?\n");
        Assert.True(match.Success, output);
        Assert.InRange(int.Parse(match.Groups[1].Value), 1, 65535);
    }
}
