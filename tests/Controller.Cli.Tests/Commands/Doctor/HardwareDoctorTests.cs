using System.Text.Json;
using Controller.Cli.Commands.Doctor;

namespace Controller.Cli.Tests.Commands.Doctor;

/// <summary>The hardware findings on this real machine: only their presence and shape, never their values.</summary>
public class HardwareDoctorTests
{
    [Fact]
    public void Run_RealMachine_HasEveryCheckWithStatusAndFixWhenNotOk()
    {
        var findings = HardwareDoctor.Run();

        foreach (string check in new[] { "ftdi latency_timer", "cpu isolation", "scaling governor", "raw socket (AF_PACKET)", "can kernel support", "onnxruntime providers" })
            Assert.Contains(findings, f => f.Check.StartsWith(check, StringComparison.Ordinal));
        Assert.All(findings, f => Assert.Contains(f.StatusText, new[] { "ok", "warn", "fail" }));
        Assert.All(findings.Where(f => f.Status != DoctorStatus.Ok), f => Assert.False(string.IsNullOrWhiteSpace(f.Fix), f.Check));
    }

    [Fact]
    public void Doctor_Json_IncludesHardwareFindings()
    {
        string path = Path.Combine(Path.GetTempPath(), $"doctor-hw-{Guid.NewGuid():N}.json");
        try
        {
            var (code, output, _) = CliRunner.Run("doctor", "--json", path);

            Assert.Equal(0, code);
            Assert.Contains("can kernel support", output);
            Assert.Matches(@"hardware: \d+ fail, \d+ warn", output);
            using var json = JsonDocument.Parse(File.ReadAllText(path));
            var hardware = json.RootElement.GetProperty("hardware").EnumerateArray().ToArray();
            Assert.Contains(hardware, h => h.GetProperty("check").GetString() == "onnxruntime providers");
            Assert.All(hardware, h =>
            {
                Assert.Contains(h.GetProperty("status").GetString(), new[] { "ok", "warn", "fail" });
                Assert.True(h.TryGetProperty("value", out _));
                Assert.True(h.TryGetProperty("fix", out _));
            });
        }
        finally
        {
            File.Delete(path);
        }
    }
}
