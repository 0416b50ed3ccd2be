using Controller.Hardware.Devices.EtherCat;
using Controller.Hardware.Protocols.Cia402;

namespace Controller.Hardware.Devices.Cia402;

/// <summary>
/// The PDO mapping the EtherCAT CiA 402 driver writes to every drive in PRE-OP (0x1C12 → 0x1600 on SM2, 0x1C13 → 0x1A00
/// on SM3): enough for CSP, CSV and CST in one image, 13 bytes each way. The ETG.6010 "CSP/CSV/CST" profiles map the same objects.
/// </summary>
public static class Cia402EtherCatPdoLayout
{
    /// <summary>RxPDO 0x1600: controlword, target position, target velocity, target torque, modes of operation.</summary>
    public static PdoMapping Outputs { get; } = new(0x1600,
    [
        new(Cia402Objects.Controlword, 0, 16), new(Cia402Objects.TargetPosition, 0, 32), new(Cia402Objects.TargetVelocity, 0, 32),
        new(Cia402Objects.TargetTorque, 0, 16), new(Cia402Objects.ModesOfOperation, 0, 8),
    ]);

    /// <summary>TxPDO 0x1A00: statusword, position actual value, velocity actual value, torque actual value, modes of operation display.</summary>
    public static PdoMapping Inputs { get; } = new(0x1A00,
    [
        new(Cia402Objects.Statusword, 0, 16), new(Cia402Objects.PositionActualValue, 0, 32), new(Cia402Objects.VelocityActualValue, 0, 32),
        new(Cia402Objects.TorqueActualValue, 0, 16), new(Cia402Objects.ModesOfOperationDisplay, 0, 8),
    ]);
}
