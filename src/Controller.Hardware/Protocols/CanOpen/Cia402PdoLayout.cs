using Controller.Hardware.Protocols.Cia402;

namespace Controller.Hardware.Protocols.CanOpen;

/// <summary>
/// The PDO layout this runtime configures on CiA 402 drives over CANopen (and that the twin ships with), chosen
/// so one cycle is two RPDOs and two TPDOs per drive, all synchronous (transmission type 1):
/// RPDO1 controlword, target position, target torque; RPDO2 target velocity, mode of operation, torque offset;
/// TPDO1 statusword, position actual, torque actual; TPDO2 velocity actual, following error actual.
/// </summary>
public static class Cia402PdoLayout
{
    /// <summary>RPDO1: 0x6040 (16) + 0x607A (32) + 0x6071 (16) = 8 bytes.</summary>
    public static PdoMap Rpdo1 { get; } = new(
        new PdoMappingEntry(Cia402Objects.Controlword, 0, 16),
        new PdoMappingEntry(Cia402Objects.TargetPosition, 0, 32),
        new PdoMappingEntry(Cia402Objects.TargetTorque, 0, 16));

    /// <summary>RPDO2: 0x60FF (32) + 0x6060 (8) + 0x60B2 torque offset (16, the feed-forward in CSP/CSV) = 7 bytes.</summary>
    public static PdoMap Rpdo2 { get; } = new(
        new PdoMappingEntry(Cia402Objects.TargetVelocity, 0, 32),
        new PdoMappingEntry(Cia402Objects.ModesOfOperation, 0, 8),
        new PdoMappingEntry(Cia402Objects.TorqueOffset, 0, 16));

    /// <summary>TPDO1: 0x6041 (16) + 0x6064 (32) + 0x6077 (16) = 8 bytes.</summary>
    public static PdoMap Tpdo1 { get; } = new(
        new PdoMappingEntry(Cia402Objects.Statusword, 0, 16),
        new PdoMappingEntry(Cia402Objects.PositionActualValue, 0, 32),
        new PdoMappingEntry(Cia402Objects.TorqueActualValue, 0, 16));

    /// <summary>TPDO2: 0x606C (32) + 0x60F4 (32) = 8 bytes.</summary>
    public static PdoMap Tpdo2 { get; } = new(
        new PdoMappingEntry(Cia402Objects.VelocityActualValue, 0, 32),
        new PdoMappingEntry(Cia402Objects.FollowingErrorActualValue, 0, 32));
}
