using YamlDotNet.RepresentationModel;

namespace Controller.Runtime.Configuration;

/// <summary>
/// Reads <c>safety.estop:</c>. <c>type: sim</c> takes <c>line</c> (default 0) and <c>healthy_high</c>;
/// <c>type: gpio</c> needs <c>chip</c> and <c>line</c>. Whether the GPIO chip exists is checked when the runtime is
/// built (the configuration may be validated on another machine than the robot's).
/// </summary>
internal static class EmergencyStopRules
{
    private const string At = "safety.estop";
    private static readonly Dictionary<string, string> Types = new() { ["sim"] = "sim", ["gpio"] = "gpio" };

    /// <summary>Highest input line accepted: a GPIO chip has at most a few hundred lines; the simulated bank has 64.</summary>
    public const int MaxGpioLine = 1023;

    public static EmergencyStopConfig? Read(YamlConfigReader r, YamlMappingNode safety)
    {
        YamlMappingNode? m = r.Mapping(safety, "safety", "estop", required: false);
        if (m is null)
        {
            return null;
        }

        r.RejectUnknownKeys(m, At, "type", "chip", "line", "healthy_high");
        string type = r.Choice(m, At, "type", "sim", Types, required: true);
        bool gpio = type == "gpio";
        bool known = r.Child(m, "type") is YamlScalarNode { Value: { } given } && Types.ContainsKey(given);
        if (known && !gpio && r.Child(m, "chip") is { } chipNode)
        {
            r.Error(chipNode, $"{At}.chip", "only type: gpio takes a chip (the N of /dev/gpiochipN)");
        }

        int chip = gpio ? r.Int(m, At, "chip", 0, 0, 255, required: true) : 0;
        int line = r.Int(m, At, "line", 0, 0, gpio ? MaxGpioLine : 63, required: gpio);
        return new EmergencyStopConfig(type, chip, line, r.Bool(m, At, "healthy_high", true));
    }
}
