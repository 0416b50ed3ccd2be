using System.CommandLine;

namespace Controller.Cli.Bench;

/// <summary>The <c>--body</c>, <c>--observer</c> and <c>--robot</c> options of <c>robotctl bench loop</c>.</summary>
public static class LoopBodyOptions
{
    /// <summary><c>--body idle|humanoid</c> (default idle: the loop's own overhead, comparable with cyclictest).</summary>
    public static Option<string> Body()
    {
        var body = new Option<string>("--body")
        {
            Description = "What each cycle runs: idle (the loop's own wake-up, like cyclictest) or humanoid (the Unitree G1's cerebellum cycle over " +
                "its real drivers and device twins as `robotctl run` builds them: EtherCAT, CAN and Dynamixel buses, posture hold + gravity " +
                "feed-forward, safety supervisor); its control step p99 is the issue's < 20 µs target, its bus I/O is reported apart.",
            DefaultValueFactory = _ => "idle",
        };
        body.AcceptOnlyFromAmong("idle", "humanoid");
        return body;
    }

    /// <summary><c>--observer</c>: the momentum-observer collision residual in the humanoid cycle's supervisor.</summary>
    public static Option<bool> Observer() => new("--observer")
    {
        Description = "With --body humanoid: also run the momentum-observer collision residual (CRBA + RNEA) in the safety supervisor.",
    };

    /// <summary><c>--robot</c>: the configuration whose buses the humanoid body drives (default <see cref="HumanoidBenchRig.DefaultConfig"/>).</summary>
    public static Option<FileInfo?> Robot() => new("--robot")
    {
        Description = $"With --body humanoid: the robot configuration whose buses the cycle drives (default: {HumanoidBenchRig.DefaultConfig}, found from the current folder upwards).",
    };

    /// <summary>The body named by <c>--body</c>.</summary>
    public static LoopBody Parse(string? name) => name == "humanoid" ? LoopBody.Humanoid : LoopBody.Idle;
}
