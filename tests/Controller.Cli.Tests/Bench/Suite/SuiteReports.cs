using Controller.Cli.Bench.Suite;

namespace Controller.Cli.Tests.Bench.Suite;

/// <summary>Small hand-made reports for the comparison, gate and Markdown tests.</summary>
internal static class SuiteReports
{
    public static BenchAllReport With(params BenchSuiteResult[] suites) => new()
    {
        StartedUtc = new DateTime(2026, 11, 23, 12, 0, 0, DateTimeKind.Utc),
        Seconds = 1,
        Robot = "test-arm",
        RobotConfig = "hardware/test/robot.yaml",
        Environment = new EnvironmentFingerprint { CpuModel = "Test CPU", CpuCount = 2, DotNet = ".NET 10.0.0", Kernel = "6.1.0", ConfigSha256 = "ab" },
        Suites = suites,
    };

    public static BenchAllReport Single(string suite, params BenchFigure[] figures) => With(new BenchSuiteResult { Name = suite, Figures = figures });

    /// <summary>The repository root (the folder holding hardware/sim-arm6), found upwards from the test's output folder.</summary>
    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "hardware", "sim-arm6"))) dir = dir.Parent;
        return dir?.FullName ?? throw new DirectoryNotFoundException("repository root (with hardware/sim-arm6) not found above " + AppContext.BaseDirectory);
    }
}
