using Controller.Hardware.Devices.Dynamixel;
using Controller.Hardware.Protocols.Dynamixel;
using Controller.Hardware.Simulation;
using Controller.Hardware.Simulation.Dynamixel;

namespace Controller.Hardware.Tests.Devices.Dynamixel;

/// <summary>A chain twin of three XM430-W350 (ids 1, 2, 3) on a pseudo-terminal, driving an independent-joint plant.</summary>
internal sealed class DynamixelTestChain : IDisposable
{
    public static readonly byte[] Ids = [1, 2, 3];

    public DynamixelTestChain(DynamixelTwinOptions? options = null)
    {
        Plant = new IndependentJointPlant(Ids.Length);
        var servos = Ids.Select((id, joint) => new DynamixelTwinServo(id, DynamixelModels.XM430W350, joint)).ToArray();
        Twin = DynamixelChainTwin.StartOnNewPseudoTerminal(Plant, servos, (options ?? new DynamixelTwinOptions()) with { StepPlant = Plant.Step });
    }

    public IndependentJointPlant Plant { get; }

    public DynamixelChainTwin Twin { get; }

    public DynamixelBusOptions Options(DynamixelOperatingMode mode = DynamixelOperatingMode.Position, DynamixelModel? model = null, params byte[] ids) => new()
    {
        Name = "test-arm",
        PortName = Twin.PortPath,
        BaudRate = 1_000_000,
        Servos = (ids.Length == 0 ? Ids : ids).Select(id => new DynamixelServoConfig(id, model ?? DynamixelModels.XM430W350)).ToArray(),
        OperatingMode = mode,
        // Generous: the test machine is shared; a real 1 Mbps bus answers in well under a millisecond.
        ReplyTimeout = TimeSpan.FromMilliseconds(200),
        LostAfterMissedReplies = 3,
    };

    public void Dispose() => Twin.Dispose();
}
