using Controller.Cerebellum.Safety;
using Controller.Runtime.Configuration;
using Controller.Runtime.Tests.Configuration;

namespace Controller.Runtime.Tests.Assembly;

/// <summary>
/// <c>safety.estop</c> end to end on hardware/sim-arm6 (<c>estop: { type: sim }</c>): pressing the simulated button stops
/// the robot in the very next loop cycle, acknowledging and re-enabling recovers once it is released; a GPIO line on a
/// machine without the chip fails at build time with a message naming it. The loop runs on the test thread.
/// </summary>
[Collection("runtime")]
public class EmergencyStopRuntimeTests
{
    private static RobotRuntime BuildSimArm() =>
        RobotRuntime.Build(RobotConfigLoader.Load(RobotConfigLoaderTests.Hardware("sim-arm6/robot.yaml")), new RuntimeOptions { NoBrain = true });

    [Fact]
    public void Press_SimulatedEStop_EmergencyStopWithinTheNextCycleAndAcknowledgeRecoversAfterRelease()
    {
        using var runtime = BuildSimArm();
        SimulatedEmergencyStop button = runtime.SimulatedEmergencyStop!;
        Assert.StartsWith("clock: absolute deadlines every 1000 µs", runtime.Pacing);
        runtime.Start(loopThread: false);
        runtime.RunCyclesOnCallingThread(50);
        Assert.Equal(SafetyState.Normal, runtime.Safety.State);

        button.Press();
        runtime.RunCyclesOnCallingThread(1);
        Assert.True(button.IsPressed);
        Assert.Equal(SafetyState.EmergencyStop, runtime.Safety.State);

        // Still pressed: acknowledging and re-enabling is refused.
        runtime.Safety.Acknowledge();
        runtime.Safety.ReEnable();
        runtime.RunCyclesOnCallingThread(1);
        Assert.Equal(SafetyState.EmergencyStop, runtime.Safety.State);
        Assert.Equal(1, runtime.Safety.RefusedReEnableCount);

        button.Release();
        runtime.RunCyclesOnCallingThread(5);
        Assert.Equal(SafetyState.EmergencyStop, runtime.Safety.State); // released is not recovered: the stop latches
        runtime.Safety.Acknowledge();
        runtime.Safety.ReEnable();
        runtime.RunCyclesOnCallingThread(1);
        Assert.Equal(SafetyState.Normal, runtime.Safety.State);
        runtime.Stop();
    }

    [Fact]
    public void Press_EStopBankDisconnected_ReadsAsAStop()
    {
        using var runtime = BuildSimArm();
        runtime.Start(loopThread: false);
        runtime.RunCyclesOnCallingThread(20);

        runtime.SimulatedEmergencyStop!.Bank.Disconnected = true;
        runtime.RunCyclesOnCallingThread(1);

        Assert.Equal(SafetyState.EmergencyStop, runtime.Safety.State);
        runtime.Stop();
    }

    [Fact]
    public void Build_GpioEStopWithoutTheChip_FailsNamingTheChipAndLine()
    {
        string file = RobotConfigLoaderTests.Hardware("sim-arm6/robot.yaml");
        string text = File.ReadAllText(file).Replace("estop: { type: sim }", "estop: { type: gpio, chip: 99, line: 17 }");
        RobotConfig config = RobotConfigLoader.Parse(text, file);

        var e = Assert.Throws<InvalidOperationException>(() => RobotRuntime.Build(config, new RuntimeOptions { NoBrain = true }));

        Assert.StartsWith("safety.estop (type: gpio, chip: 99, line: 17) cannot be opened: ", e.Message);
        Assert.Contains("/dev/gpiochip99", e.Message);
    }

    [Fact]
    public void Build_NoEStopConfigured_ExposesNoButton()
    {
        string file = RobotConfigLoaderTests.Hardware("sim-arm6/robot.yaml");
        RobotConfig config = RobotConfigLoader.Parse(File.ReadAllText(file).Replace("  estop: { type: sim }", "  # no e-stop"), file);
        using var runtime = RobotRuntime.Build(config, new RuntimeOptions { NoBrain = true });

        Assert.Null(runtime.SimulatedEmergencyStop);
    }
}
