using Controller.Runtime.Configuration;

namespace Controller.Cli.Bench.Suite;

/// <summary>What every suite gets: the robot, the time it may take, and where progress lines go.</summary>
/// <param name="Robot">The loaded robot configuration (<c>--robot</c>).</param>
/// <param name="Seconds">Measuring seconds per suite (<c>--seconds</c>); set-up comes on top.</param>
/// <param name="Log">Progress lines (stdout of <c>robotctl</c>).</param>
/// <param name="Task">Instruction for the end-to-end run (<c>--task</c>); null takes the configuration's.</param>
public sealed record BenchSuiteContext(RobotConfig Robot, double Seconds, TextWriter Log, string? Task = null);
