using Controller.Hardware.Devices.Feetech;
using Controller.Hardware.Protocols.Feetech;
using Controller.Hardware.Simulation;
using Controller.Hardware.Simulation.Feetech;

namespace Controller.Hardware.Tests.Devices.Feetech;

/// <summary>A chain twin of three STS3215 (ids 1, 2, 3) on a pseudo-terminal, driving an independent-joint plant.</summary>
internal sealed class FeetechTestChain : IDisposable
{
    public static readonly byte[] Ids = [1, 2, 3];

    public FeetechTestChain(FeetechTwinOptions? options = null, Func<byte, int, FeetechTwinServo>? servo = null)
    {
        Plant = new IndependentJointPlant(Ids.Length);
        var servos = Ids.Select((id, joint) => servo?.Invoke(id, joint) ?? new FeetechTwinServo(id, joint)).ToArray();
        Twin = FeetechChainTwin.StartOnNewPseudoTerminal(Plant, servos, (options ?? new FeetechTwinOptions()) with { StepPlant = Plant.Step });
    }

    public IndependentJointPlant Plant { get; }

    public FeetechChainTwin Twin { get; }

    public FeetechBusOptions Options(FeetechOperatingMode mode = FeetechOperatingMode.Position, IReadOnlyList<FeetechServoConfig>? servos = null) => new()
    {
        Name = "test-so101",
        PortName = Twin.PortPath,
        BaudRate = 1_000_000,
        Servos = servos ?? Ids.Select(id => new FeetechServoConfig(id)).ToArray(),
        OperatingMode = mode,
        // Generous: the test machine is shared; a real 1 Mbps bus answers in well under a millisecond.
        ReplyTimeout = TimeSpan.FromMilliseconds(200),
        LostAfterMissedReplies = 3,
    };

    public void Dispose() => Twin.Dispose();
}
