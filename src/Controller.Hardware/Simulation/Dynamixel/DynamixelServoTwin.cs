using System.Buffers.Binary;
using Controller.Hardware.Protocols.Dynamixel;
using R = Controller.Hardware.Protocols.Dynamixel.XSeriesControlTable;

namespace Controller.Hardware.Simulation.Dynamixel;

/// <summary>
/// One simulated X-series servo: its control table (register file with the e-Manual's access rules) and its own
/// control loop, which reads the plant joint, applies a torque, and publishes Present Position, Velocity and
/// Current. Everything but <see cref="Faults"/> and <see cref="ReadRegister"/> runs on the chain twin's thread.
/// </summary>
public sealed class DynamixelServoTwin
{
    /// <summary>Control-table bytes simulated (covers the indirect data area up to address 661).</summary>
    public const int TableBytes = 662;

    private static readonly DynamixelRegister[] Writable =
    [
        R.Id, R.BaudRate, R.ReturnDelayTime, R.DriveMode, R.OperatingMode, new(12, 1), new(13, 1), R.HomingOffset, new(24, 4),
        R.TemperatureLimit, new(32, 2), new(34, 2), new(36, 2), R.CurrentLimit, new(40, 4), R.VelocityLimit,
        R.MaxPositionLimit, R.MinPositionLimit, R.Shutdown, R.TorqueEnable, R.Led, R.StatusReturnLevel,
        new(76, 2), new(78, 2), new(80, 2), new(82, 2), R.PositionPGain, new(88, 2), new(90, 2), R.BusWatchdog,
        R.GoalPwm, R.GoalCurrent, R.GoalVelocity, R.ProfileAcceleration, R.ProfileVelocity, R.GoalPosition,
    ];

    private readonly byte[] _table = new byte[TableBytes];
    private readonly bool[] _writable = new bool[TableBytes];
    private readonly byte[] _registered = new byte[TableBytes];
    private int _registeredAddress = -1;
    private int _registeredLength;
    private int _faults;

    internal DynamixelServoTwin(DynamixelTwinServo config)
    {
        Config = config;
        foreach (var r in Writable)
            for (int a = r.Address; a < r.End; a++) _writable[a] = true;
        FactoryReset(0xFF);
    }

    /// <summary>The servo's ID, model and joint.</summary>
    public DynamixelTwinServo Config { get; }

    /// <summary>Current ID (address 7; a write may change it).</summary>
    public byte Id => _table[R.Id.Address];

    /// <summary>Faults being shown now; set through <see cref="DynamixelChainTwin.InjectFault"/>.</summary>
    public DynamixelTwinFaults Faults => (DynamixelTwinFaults)Volatile.Read(ref _faults);

    /// <summary>Reboot instructions received.</summary>
    public int Reboots { get; private set; }

    /// <summary>A register's value (sign-extended for 2- and 4-byte items); a benign race when read off the twin's thread.</summary>
    public int ReadRegister(DynamixelRegister register) => register.Size switch
    {
        1 => _table[register.Address],
        2 => BinaryPrimitives.ReadInt16LittleEndian(_table.AsSpan(register.Address)),
        _ => BinaryPrimitives.ReadInt32LittleEndian(_table.AsSpan(register.Address)),
    };

    /// <summary>The status error byte every reply carries: the alert bit while a hardware error is latched.</summary>
    internal byte AlertBits => _table[R.HardwareErrorStatus.Address] != 0 ? DynamixelStatusErrors.HardwareAlertBit : (byte)0;

    internal void SetFaults(DynamixelTwinFaults faults)
    {
        Volatile.Write(ref _faults, (int)faults);
        if ((faults & DynamixelTwinFaults.Overload) != 0) LatchHardwareError(DynamixelHardwareErrors.Overload);
    }

    /// <summary>Copies <paramref name="length"/> bytes at <paramref name="address"/> into <paramref name="destination"/>.</summary>
    internal DynamixelStatusError Read(int address, int length, Span<byte> destination)
    {
        if (length < 0 || address < 0 || address + length > TableBytes || length > destination.Length) return DynamixelStatusError.AccessError;
        _table.AsSpan(address, length).CopyTo(destination);
        return DynamixelStatusError.None;
    }

    /// <summary>Writes with the access rules: writable addresses only, EEPROM only with torque off, valid mode and torque values.</summary>
    internal DynamixelStatusError Write(int address, ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty || address < 0 || address + data.Length > TableBytes) return DynamixelStatusError.AccessError;
        for (int a = address; a < address + data.Length; a++)
            if (!_writable[a]) return DynamixelStatusError.AccessError;
        bool torqueOn = _table[R.TorqueEnable.Address] != 0;
        if (address < R.RamStart && torqueOn) return DynamixelStatusError.AccessError;
        if (Covers(address, data.Length, R.OperatingMode) && !IsValidMode(data[R.OperatingMode.Address - address]))
            return DynamixelStatusError.DataRangeError;
        if (Covers(address, data.Length, R.TorqueEnable) && data[R.TorqueEnable.Address - address] > 1)
            return DynamixelStatusError.DataRangeError;
        if (Covers(address, data.Length, R.TorqueEnable) && data[R.TorqueEnable.Address - address] == 1 && _table[R.HardwareErrorStatus.Address] != 0)
            return DynamixelStatusError.ResultFail;
        data.CopyTo(_table.AsSpan(address));
        return DynamixelStatusError.None;
    }

    internal DynamixelStatusError RegisterWrite(int address, ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty || address < 0 || address + data.Length > TableBytes) return DynamixelStatusError.AccessError;
        data.CopyTo(_registered);
        _registeredAddress = address;
        _registeredLength = data.Length;
        _table[R.RegisteredInstruction.Address] = 1;
        return DynamixelStatusError.None;
    }

    internal DynamixelStatusError Action()
    {
        if (_registeredAddress < 0) return DynamixelStatusError.InstructionError;
        var error = Write(_registeredAddress, _registered.AsSpan(0, _registeredLength));
        _registeredAddress = -1;
        _table[R.RegisteredInstruction.Address] = 0;
        return error;
    }

    /// <summary>Reboot: RAM back to defaults (torque off), hardware error cleared, an injected overload lifted.</summary>
    internal void Reboot()
    {
        Reboots++;
        int faults = Volatile.Read(ref _faults) & ~(int)DynamixelTwinFaults.Overload;
        Volatile.Write(ref _faults, faults);
        _table.AsSpan(R.RamStart).Clear();
        _table[R.StatusReturnLevel.Address] = 2;
        _registeredAddress = -1;
    }

    /// <summary>Factory reset: 0xFF everything, 0x01 all but ID, 0x02 all but ID and baud rate.</summary>
    internal void FactoryReset(byte option)
    {
        byte id = _table[R.Id.Address], baud = _table[R.BaudRate.Address];
        Array.Clear(_table);
        Put(R.ModelNumber, Config.Model.ModelNumber);
        Put(R.FirmwareVersion, 46);
        Put(R.Id, option == 0xFF ? Config.Id : id);
        Put(R.BaudRate, option == 0x02 ? baud : (byte)3);
        Put(R.ReturnDelayTime, 0);
        Put(R.OperatingMode, (int)DynamixelOperatingMode.Position);
        Put(R.TemperatureLimit, 80);
        Put(R.CurrentLimit, Config.Model.CurrentLimitUnits);
        Put(R.VelocityLimit, 350);
        Put(R.MaxPositionLimit, 4095);
        Put(R.Shutdown, 52);
        Put(R.StatusReturnLevel, 2);
        Put(R.PositionPGain, 800);
        Put(R.GoalPosition, DynamixelUnits.CenterPulse);
    }

    /// <summary>One step of the servo's own loop over <paramref name="dt"/> seconds against <paramref name="plant"/>.</summary>
    internal void Step(ISimulatedPlant plant, double dt, double kp, double kd)
    {
        int joint = Config.Joint;
        double q = plant.GetPositionRad(joint);
        double qd = plant.GetVelocityRadPerSec(joint);
        var model = Config.Model;
        double limitNm = model.StallTorqueNm;
        double torque = 0;
        if (_table[R.TorqueEnable.Address] == 1)
        {
            var mode = (DynamixelOperatingMode)_table[R.OperatingMode.Address];
            double goalCurrentNm = DynamixelUnits.CurrentUnitsToTorqueNm((short)ReadRegister(R.GoalCurrent), model);
            double goalRad = DynamixelUnits.PulsesToRad(ReadRegister(R.GoalPosition));
            torque = mode switch
            {
                DynamixelOperatingMode.Current => goalCurrentNm,
                DynamixelOperatingMode.Velocity => kd * 10 * (DynamixelUnits.VelocityUnitsToRadPerSec(ReadRegister(R.GoalVelocity)) - qd),
                DynamixelOperatingMode.CurrentBasedPosition => Math.Clamp(kp * (goalRad - q) - kd * qd, -Math.Abs(goalCurrentNm), Math.Abs(goalCurrentNm)),
                DynamixelOperatingMode.Position or DynamixelOperatingMode.ExtendedPosition => kp * (goalRad - q) - kd * qd,
                _ => 0,
            };
            torque = Math.Clamp(torque, -limitNm, limitNm);
        }
        plant.SetActuatorTorqueNm(joint, torque);

        Put(R.PresentPosition, DynamixelUnits.RadToPulses(q));
        Put(R.PresentVelocity, DynamixelUnits.RadPerSecToVelocityUnits(qd));
        short reported = model.HasCurrentSensing
            ? DynamixelUnits.TorqueNmToCurrentUnits(torque, model)
            : (short)Math.Clamp(Math.Round(torque / model.StallTorqueNm * 1000), -1000, 1000);
        Put(R.PresentCurrent, reported);
        Put(R.Moving, Math.Abs(qd) > 0.05 ? 1 : 0);
        int tick = (ReadRegister(R.RealtimeTick) + (int)Math.Round(dt * 1000)) % 32768;
        Put(R.RealtimeTick, tick);
    }

    private void LatchHardwareError(DynamixelHardwareErrors error)
    {
        _table[R.HardwareErrorStatus.Address] |= (byte)error;
        if ((_table[R.Shutdown.Address] & (byte)error) != 0) _table[R.TorqueEnable.Address] = 0;
    }

    private void Put(DynamixelRegister register, int value)
    {
        var span = _table.AsSpan(register.Address, register.Size);
        switch (register.Size)
        {
            case 1: span[0] = (byte)value; break;
            case 2: BinaryPrimitives.WriteInt16LittleEndian(span, (short)value); break;
            default: BinaryPrimitives.WriteInt32LittleEndian(span, value); break;
        }
    }

    private static bool Covers(int address, int length, DynamixelRegister r) => address <= r.Address && r.Address < address + length;

    private static bool IsValidMode(byte mode) => Enum.IsDefined((DynamixelOperatingMode)mode);
}
