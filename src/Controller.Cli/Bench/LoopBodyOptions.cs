using System.CommandLine;

namespace Controller.Cli.Bench;

/// <summary>The <c>--body</c> and <c>--observer</c> options of <c>robotctl bench loop</c>.</summary>
public static class LoopBodyOptions
{
    /// <summary><c>--body idle|humanoid</c> (default idle: the loop's own overhead, comparable with cyclictest).</summary>
    public static Option<string> Body()
    {
        var body = new Option<string>("--body")
        {
            Description = "What each cycle runs: idle (the loop's own wake-up, like cyclictest) or humanoid (the 29-DoF Unitree G1 cycle: " +
                "in-process buses, PD + gravity feed-forward, safety supervisor), whose compute p99 is the issue's < 20 µs target.",
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

    /// <summary>The body named by <c>--body</c>.</summary>
    public static LoopBody Parse(string? name) => name == "humanoid" ? LoopBody.Humanoid : LoopBody.Idle;
}
