using Controller.Cerebellum.Safety;
using Controller.Cli.Commands;
using Controller.Hardware.Devices;
using Controller.Runtime;
using Spectre.Console;

namespace Controller.Cli.Tests.Commands;

public sealed class RunLiveViewTests
{
    [Fact]
    public void Build_Status_RendersLoopSafetyBrainBusesJointsAndWrench()
    {
        var status = new RuntimeStatus(
            3.2, 3200, 998, 12, 85, 900, 4.5, 7, SafetyState.ProtectiveStop, false,
            [("arm", DeviceState.Active, 2)],
            [("shoulder_pan", 0.1234, 0.125, 0.5), ("gripper", 1.0, 1.0, 0.01)],
            [0.5, 0, -1.2, 0, 0.01, 0], 40, 3200, "descend", null, false);
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        console.Profile.Width = 160;

        console.Write(RunLiveView.Build(status));
        string text = writer.ToString();

        Assert.Contains("998 Hz", text);
        Assert.Contains("p99 85 µs", text);
        Assert.Contains("ProtectiveStop", text);
        Assert.Contains("descend · chunks 40", text);
        Assert.Contains("arm: Active (2 faults)", text);
        Assert.Contains("shoulder_pan", text);
        Assert.Contains("0.1234", text);
        Assert.Contains("-1.20", text);
    }
}
