using System.Buffers.Binary;
using Controller.Hardware.Protocols.Feetech;
using R = Controller.Hardware.Protocols.Feetech.StsControlTable;

namespace Controller.Hardware.Simulation.Feetech;

/// <summary>
/// One simulated STS3215: its memory table (register file) and its own control loop, which reads the plant joint,
/// applies a torque, and publishes Present Position (offset by Homing_Offset, as the servo does), Velocity and Load.
/// Everything but <see cref="Faults"/>, <see cref="ErrorBits"/> and <see cref="ReadRegister"/> runs on the chain
/// twin's thread.
/// </summary>
public sealed class FeetechServoTwin
{
    /// <summary>Memory-table bytes simulated (STS/SMS table up to Maximum_Acceleration at 85 and beyond).</summary>
    public const int TableBytes = 128;

    private static readonly FeetechRegister[] Writable =
    [
        R.Id, R.BaudRate, R.ReturnDelayTime, R.MinPositionLimit, R.MaxPositionLimit, new(13, 1), new(14, 2), new(16, 1),
        new(21, 1), new(22, 1), new(23, 1), new(24, 2), new(26, 1), new(27, 1), new(28, 2), R.HomingOffset, R.OperatingMode,
        new(34, 1), new(35, 1), new(36, 1), new(37, 1), R.TorqueEnable, new(41, 1), R.GoalPosition, new(44, 2), R.GoalVelocity,
        new(48, 2), R.Lock, new(85, 1),
    ];

    private readonly byte[] _table = new byte[TableBytes];
    private readonly bool[] _writable = new bool[TableBytes];
    private readonly byte[] _registered = new byte[TableBytes];
    private int _registeredAddress = -1;
    private int _registeredLength;
    private int _faults;
    private int _errorBits;
    private bool _overloadLatched;

    internal FeetechServoTwin(FeetechTwinServo config)
    {
        Config = config;
        foreach (var r in Writable)
            for (int a = r.Address; a < r.Address + r.Size; a++) _writable[a] = true;
        Put(R.FirmwareMajor, 3);
        Put(R.FirmwareMinor, 10);
        Put(R.ModelNumber, R.Sts3215ModelNumber);
        Put(R.Id, config.Id);
        Put(R.BaudRate, 0);
        Put(R.ReturnDelayTime, 0);
        Put(R.MinPositionLimit, config.MinPositionLimit);
        Put(R.MaxPositionLimit, config.MaxPositionLimit);
        Put(R.HomingOffset, FeetechSignMagnitude.Encode(config.HomingOffset, R.HomingOffset.SignBit));
        Put(R.OperatingMode, 0);
        Put(R.Lock, 1);
        Put(R.PresentVoltage, 74);
        Put(R.PresentTemperature, 30);
        Put(new FeetechRegister(21, 1), 32);
        Put(new FeetechRegister(22, 1), 32);
    }

    /// <summary>The servo's mounting, joint and power-up values.</summary>
    public FeetechTwinServo Config { get; }

    /// <summary>Current ID (address 5; a write may change it).</summary>
    public byte Id => _table[R.Id.Address];

    /// <summary>Faults being shown now; set through <see cref="FeetechChainTwin.InjectFault"/>.</summary>
    public FeetechTwinFaults Faults => (FeetechTwinFaults)Volatile.Read(ref _faults);

    /// <summary>Error bits every status carries while <see cref="FeetechTwinFaults.ErrorBits"/> is injected.</summary>
    public FeetechStatusErrors ErrorBits => (FeetechStatusErrors)Volatile.Read(ref _errorBits);

    /// <summary>A register's value (sign-magnitude items decoded); a benign race when read off the twin's thread.</summary>
    public int ReadRegister(FeetechRegister register)
    {
        int raw = register.Size == 1 ? _table[register.Address] : BinaryPrimitives.ReadUInt16LittleEndian(_table.AsSpan(register.Address));
        return register.SignBit > 0 ? FeetechSignMagnitude.Decode(raw, register.SignBit) : raw;
    }

    /// <summary>The error byte every status carries now.</summary>
    internal FeetechStatusErrors StatusError =>
        (_overloadLatched ? FeetechStatusErrors.Overload : FeetechStatusErrors.None)
        | ((Faults & FeetechTwinFaults.ErrorBits) != 0 ? ErrorBits : FeetechStatusErrors.None);

    internal void SetFaults(FeetechTwinFaults faults, FeetechStatusErrors errorBits)
    {
        Volatile.Write(ref _errorBits, (int)errorBits);
        Volatile.Write(ref _faults, (int)faults);
    }

    /// <summary>Copies <paramref name="length"/> bytes at <paramref name="address"/>; false when outside the table.</summary>
    internal bool Read(int address, int length, Span<byte> destination)
    {
        if (length <= 0 || address < 0 || address + length > TableBytes || length > destination.Length) return false;
        _table.AsSpan(address, length).CopyTo(destination);
        return true;
    }

    /// <summary>
    /// Writes what is writable (read-only bytes are left alone, as an STS does: it has no access-error bit). A write
    /// of Torque_Enable acknowledges a latched overload (the twin's model of the STS protection reset).
    /// </summary>
    internal void Write(int address, ReadOnlySpan<byte> data)
    {
        if (address < 0) return;
        for (int i = 0; i < data.Length && address + i < TableBytes; i++)
        {
            int a = address + i;
            if (!_writable[a]) continue;
            if (a == R.TorqueEnable.Address)
            {
                if (_overloadLatched || (Faults & FeetechTwinFaults.Overload) != 0)
                {
                    _overloadLatched = false;
                    Volatile.Write(ref _faults, (int)(Faults & ~FeetechTwinFaults.Overload));
                    _table[a] = 0;
                    continue;
                }
                if (data[i] > 1) continue;
            }
            if (a == R.OperatingMode.Address && data[i] > 3) continue;
            _table[a] = data[i];
        }
    }

    internal void RegisterWrite(int address, ReadOnlySpan<byte> data)
    {
        if (data.Length > TableBytes) return;
        data.CopyTo(_registered);
        _registeredAddress = address;
        _registeredLength = data.Length;
    }

    internal void Action()
    {
        if (_registeredAddress < 0) return;
        Write(_registeredAddress, _registered.AsSpan(0, _registeredLength));
        _registeredAddress = -1;
    }

    /// <summary>One step of the servo's own loop over <paramref name="dt"/> seconds against <paramref name="plant"/>.</summary>
    internal void Step(ISimulatedPlant plant, double dt, FeetechTwinOptions options)
    {
        if ((Faults & FeetechTwinFaults.Overload) != 0 && !_overloadLatched && _table[R.TorqueEnable.Address] == 1)
        {
            // Overload protection trips: the servo lets go and reports it in every status.
            _overloadLatched = true;
            _table[R.TorqueEnable.Address] = 0;
        }
        int joint = Config.Joint;
        double q = plant.GetPositionRad(joint);
        double qd = plant.GetVelocityRadPerSec(joint);
        int offset = ReadRegister(R.HomingOffset);
        double torque = 0;
        if (_table[R.TorqueEnable.Address] == 1)
        {
            var mode = (FeetechOperatingMode)_table[R.OperatingMode.Address];
            if (mode == FeetechOperatingMode.Position)
            {
                int goal = Math.Clamp(ReadRegister(R.GoalPosition), ReadRegister(R.MinPositionLimit), ReadRegister(R.MaxPositionLimit));
                double goalRad = (goal + offset - Config.ActualStepAtZero) * FeetechUnits.RadPerStep;
                torque = options.PositionGainNmPerRad * (goalRad - q) - options.DampingNmsPerRad * qd;
            }
            else if (mode == FeetechOperatingMode.Velocity)
            {
                double goalVelocity = FeetechUnits.StepsPerSecToRadPerSec(ReadRegister(R.GoalVelocity));
                torque = options.DampingNmsPerRad * 10 * (goalVelocity - qd);
            }
            torque = Math.Clamp(torque, -options.StallTorqueNm, options.StallTorqueNm);
        }
        plant.SetActuatorTorqueNm(joint, torque);

        long actual = (long)Math.Round(Config.ActualStepAtZero + Math.Clamp(q, -1e6, 1e6) / FeetechUnits.RadPerStep);
        int present = (int)(((actual - offset) % FeetechUnits.StepsPerTurn + FeetechUnits.StepsPerTurn) % FeetechUnits.StepsPerTurn);
        Put(R.PresentPosition, present);
        Put(R.PresentVelocity, FeetechSignMagnitude.Encode((int)Math.Round(qd / FeetechUnits.RadPerStep), R.PresentVelocity.SignBit));
        Put(R.PresentLoad, FeetechSignMagnitude.Encode(FeetechUnits.TorqueNmToLoad(torque, options.StallTorqueNm), R.PresentLoad.SignBit));
        Put(R.Moving, Math.Abs(qd) > 0.05 ? 1 : 0);
    }

    private void Put(FeetechRegister register, int value)
    {
        if (register.Size == 1) _table[register.Address] = (byte)value;
        else BinaryPrimitives.WriteUInt16LittleEndian(_table.AsSpan(register.Address), (ushort)value);
    }
}
