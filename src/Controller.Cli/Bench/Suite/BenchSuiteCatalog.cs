using Controller.Runtime.Configuration;

namespace Controller.Cli.Bench.Suite;

/// <summary>
/// Every suite <c>bench all</c> knows, in run order. A new suite is one line here (see the README, "Plugging in a
/// suite"); suites that depend on the robot (one per bus, one per sensor) are built from its configuration.
/// </summary>
public static class BenchSuiteCatalog
{
    /// <summary>The suites for <paramref name="robot"/>, in run order.</summary>
    public static IReadOnlyList<IBenchSuite> All(RobotConfig robot)
    {
        var suites = new List<IBenchSuite>
        {
            new PipelineSuite(),
            new LoopSuite(),
        };
        suites.AddRange(robot.Buses.Select(bus => bus.Type == "feetech" ? (IBenchSuite)new FeetechBusSuite(bus) : new DynamixelBusSuite(bus)));
        suites.Add(new SerialSuite("dynamixel"));
        suites.Add(new SerialSuite("feetech"));
        suites.Add(new CanSuite());
        suites.Add(new EtherCatSuite());
        suites.AddRange(robot.Sensors.Select(sensor => new Ft300SensorSuite(sensor)));
        suites.Add(new BrainSuite());
        suites.Add(new BrainHostSuite());
        suites.Add(new EndToEndSuite());
        return suites;
    }

    /// <summary>
    /// The suites whose name equals one of <paramref name="names"/> or starts with it and a dot (<c>bus</c> selects
    /// <c>bus.arm</c>); all of them when <paramref name="names"/> is empty.
    /// </summary>
    /// <exception cref="ArgumentException">A name matches no suite; the message lists the suites there are.</exception>
    public static IReadOnlyList<IBenchSuite> Select(IReadOnlyList<IBenchSuite> suites, IReadOnlyList<string> names)
    {
        if (names.Count == 0) return suites;
        static bool Matches(IBenchSuite s, string n) => s.Name == n || s.Name.StartsWith(n + ".", StringComparison.Ordinal);
        var unknown = names.Where(n => !suites.Any(s => Matches(s, n))).ToList();
        if (unknown.Count > 0)
            throw new ArgumentException($"--suites: no suite named {string.Join(", ", unknown)}; there are {string.Join(", ", suites.Select(s => s.Name))}.");
        return suites.Where(s => names.Any(n => Matches(s, n))).ToList();
    }
}
