using Controller.Cli.Bench.Suite;

namespace Controller.Cli.Tests.Bench.Suite;

public class BdnAllocationGateTests
{
    // The shape BenchmarkDotNet 0.15's JsonExporter.Full writes (trimmed to what the gate reads).
    private const string Report = """
        {
          "Title": "Controller.Benchmarks.ForceTorqueDecodeBenchmarks-20261123-120000",
          "HostEnvironmentInfo": { "BenchmarkDotNetVersion": "0.15.8" },
          "Benchmarks": [
            { "DisplayInfo": "x", "Namespace": "Controller.Benchmarks", "Type": "ForceTorqueDecodeBenchmarks", "Method": "Ft300_StreamDecode",
              "FullName": "Controller.Benchmarks.ForceTorqueDecodeBenchmarks.Ft300_StreamDecode",
              "Statistics": { "Mean": 41.2 }, "Memory": { "Gen0Collections": 0, "TotalOperations": 64, "BytesAllocatedPerOperation": 0 } },
            { "Type": "InferenceOverheadBenchmarks", "Method": "BareSession_Run",
              "FullName": "Controller.Benchmarks.InferenceOverheadBenchmarks.BareSession_Run",
              "Memory": { "BytesAllocatedPerOperation": 1184 } },
            { "Type": "EtherCatCodecBenchmarks", "Method": "DecodeCycleFrame",
              "FullName": "Controller.Benchmarks.EtherCatCodecBenchmarks.DecodeCycleFrame(Slaves: 2)" }
          ]
        }
        """;

    private static string WriteResults()
    {
        string dir = Path.Combine(Path.GetTempPath(), $"bdn-gate-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "Controller.Benchmarks.ForceTorqueDecodeBenchmarks-report-full.json"), Report);
        File.WriteAllText(Path.Combine(dir, "Controller.Benchmarks.ForceTorqueDecodeBenchmarks-report-github.md"), "| not read |");
        return dir;
    }

    [Fact]
    public void Parse_SampleReport_ReadsBytesPerOperationAndMissingResults()
    {
        var entries = BdnAllocationGate.Parse(Report, "sample");

        Assert.Equal([0.0, 1184.0, null], entries.Select(e => e.BytesPerOperation));
        Assert.Equal([false, true, true], entries.Select(e => e.Fails));
    }

    [Fact]
    public void Parse_NotABdnReport_ThrowsNamingTheFile()
    {
        var e = Assert.Throws<InvalidDataException>(() => BdnAllocationGate.Parse("{\"Title\": 1}", "x-report-full.json"));

        Assert.Contains("x-report-full.json", e.Message);
    }

    [Fact]
    public void GateAllocations_AllocatingAndFailedBenchmarks_ExitsOneNamingThem()
    {
        string dir = WriteResults();
        try
        {
            var (code, output, error) = CliRunner.Run("bench", "gate-allocations", dir);

            Assert.Equal(1, code);
            Assert.Contains("BareSession_Run: 1184 B/op", error);
            Assert.Contains("DecodeCycleFrame(Slaves: 2): no result", error);
            Assert.Contains("FAIL", output);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void GateAllocations_AllowListedAllocatorAndNoFailure_ExitsZero()
    {
        string dir = WriteResults();
        try
        {
            File.WriteAllText(Path.Combine(dir, "Controller.Benchmarks.ForceTorqueDecodeBenchmarks-report-full.json"), Report.Replace(
                "\"FullName\": \"Controller.Benchmarks.EtherCatCodecBenchmarks.DecodeCycleFrame(Slaves: 2)\" }",
                "\"FullName\": \"Controller.Benchmarks.EtherCatCodecBenchmarks.DecodeCycleFrame(Slaves: 2)\", \"Memory\": { \"BytesAllocatedPerOperation\": 0 } }"));

            var (code, output, _) = CliRunner.Run("bench", "gate-allocations", dir, "--allow", "*InferenceOverheadBenchmarks.BareSession_Run*");

            Assert.Equal(0, code);
            Assert.Contains("1 allow-listed allocating: PASS", output);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void GateAllocations_NoSuchFolderOrNoReports_ExitsTwo()
    {
        Assert.Equal(2, CliRunner.Run("bench", "gate-allocations", "/nonexistent/results").ExitCode);
        string empty = Directory.CreateTempSubdirectory().FullName;
        try
        {
            Assert.Equal(2, CliRunner.Run("bench", "gate-allocations", empty).ExitCode);
        }
        finally
        {
            Directory.Delete(empty, true);
        }
    }
}
