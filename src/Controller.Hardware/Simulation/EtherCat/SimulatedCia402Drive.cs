using System.Buffers.Binary;
using Controller.Hardware.Protocols.Cia402;
using Controller.Hardware.Protocols.EtherCat.Esc;
using Controller.Hardware.Simulation.Cia402;

namespace Controller.Hardware.Simulation.EtherCat;

/// <summary>
/// A simulated CiA 402 servo drive on EtherCAT (CoE), driving one joint of an <see cref="ISimulatedPlant"/>: a
/// <see cref="SimulatedSlave"/> (SII and dictionary from <see cref="SimulatedCia402DriveImage"/>) whose application
/// side, after each frame, takes the RxPDO data out of the SM2 buffer as 0x1C12 and the 0x16xx objects map it,
/// runs the CiA 402 state machine of Protocols/Cia402 and the servo law (CSP, CSV, CST) on the plant, and puts the
/// TxPDO data (0x1C13, 0x1Axx) into the SM3 buffer for the next frame. SDOs reach the same dictionary.
/// </summary>
/// <remarks>
/// Outputs are applied only in OP; inputs are refreshed from SAFE-OP on. A drive whose AL state leaves OP while its
/// power stage is on disables itself (torque off, switch on disabled), as drives do when process data stops.
/// Mapped entries must be whole bytes on byte boundaries; others are skipped. No allocation per frame in steady state
/// (the mapping is re-read only when the AL state changes). The plant is stepped by the caller, not by the drive.
/// Fault injection: <see cref="InjectFault"/>, and everything <see cref="SimulatedSlave"/> offers.
/// </remarks>
public sealed class SimulatedCia402Drive : ISimulatedSlaveApplication
{
    private readonly record struct Mapped(ushort Index, byte SubIndex, int ByteOffset, int Bytes);

    private readonly ISimulatedPlant _plant;
    private readonly int _joint;
    private readonly Cia402Scaling _scaling;
    private readonly Cia402TwinOptions _options;
    private Mapped[] _rx = [];
    private Mapped[] _tx = [];
    private AlState _lastAl = AlState.Init;
    private ushort _pendingFault;

    /// <summary>Creates the drive (and its slave) for joint <paramref name="joint"/> of <paramref name="plant"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The joint is not in the plant.</exception>
    public SimulatedCia402Drive(ISimulatedPlant plant, int joint, Cia402Scaling scaling, uint serialNumber = 1, Cia402TwinOptions? options = null)
    {
        _plant = plant ?? throw new ArgumentNullException(nameof(plant));
        ArgumentOutOfRangeException.ThrowIfNegative(joint);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(joint, plant.JointCount);
        _joint = joint;
        _scaling = scaling ?? throw new ArgumentNullException(nameof(scaling));
        _options = options ?? new Cia402TwinOptions();
        Dictionary = SimulatedCia402DriveImage.BuildDictionary(serialNumber, scaling);
        Slave = new SimulatedSlave(SimulatedCia402DriveImage.BuildSii(serialNumber), Dictionary) { Application = this, SyncManagerBits = MappedBits };
        StateMachine.CompleteInitialisation();
        Sample();
    }

    /// <summary>The EtherCAT slave to put in a <see cref="SimulatedSegment"/>.</summary>
    public SimulatedSlave Slave { get; }

    /// <summary>The CoE object dictionary.</summary>
    public CoeObjectDictionary Dictionary { get; }

    /// <summary>The drive's CiA 402 state machine.</summary>
    public Cia402DriveStateMachine StateMachine { get; } = new();

    /// <summary>The torque applied now (N·m at the joint).</summary>
    public double AppliedTorqueNm { get; private set; }

    /// <summary>Frames in which outputs were applied (AL state OP).</summary>
    public long ProcessDataFrames { get; private set; }

    /// <summary>Raises a drive fault with <paramref name="errorCode"/> (0x603F) at the next frame, e.g. 0x2310 over-current.</summary>
    public void InjectFault(ushort errorCode = 0x2310) => _pendingFault = errorCode;

    /// <inheritdoc />
    public void AfterFrame(SimulatedSlave slave)
    {
        var al = slave.Al.State;
        if (al != _lastAl)
        {
            if (al is AlState.SafeOp or AlState.Op)
            {
                _rx = ReadMapping(0x1C12);
                _tx = ReadMapping(0x1C13);
            }
            if (al != AlState.Op && StateMachine.PowerEnabled)
                StateMachine.Apply(Cia402Controlword.DisableVoltage);
            _lastAl = al;
        }
        var memory = slave.GetMutableMemory();
        if (al == AlState.Op)
        {
            ProcessDataFrames++;
            Copy(memory[SimulatedCia402DriveImage.OutputsAddress..], _rx, toDictionary: true);
            if (StateMachine.Apply(U16(Cia402Objects.Controlword)) == 15)
                SetU16(Cia402Objects.ErrorCode, 0); // fault reset clears the error
        }
        if (_pendingFault != 0)
        {
            Fault(_pendingFault);
            _pendingFault = 0;
        }
        Control(al == AlState.Op);
        Sample();
        if (al is AlState.SafeOp or AlState.Op)
            Copy(memory[SimulatedCia402DriveImage.InputsAddress..], _tx, toDictionary: false);
    }

    private void Control(bool op)
    {
        double q = _plant.GetPositionRad(_joint);
        double qd = _plant.GetVelocityRadPerSec(_joint);
        switch (StateMachine.State)
        {
            case Cia402State.FaultReactionActive:
                ApplyTorque(0);
                StateMachine.CompleteFaultReaction();
                return;
            case Cia402State.QuickStopActive:
                ApplyTorque(-_options.VelocityGainNmsPerRad * qd);
                if (Math.Abs(qd) < _options.StoppedBelowRadPerSec) StateMachine.CompleteQuickStop();
                return;
            case Cia402State.OperationEnabled when op:
                break;
            default:
                ApplyTorque(0);
                return;
        }
        double offset = _scaling.PerMilleToTorqueNm(I16(Cia402Objects.TorqueOffset));
        double torque;
        switch ((Cia402Mode)(sbyte)Dictionary.Get(Cia402Objects.ModesOfOperation, 0)![0])
        {
            case Cia402Mode.CyclicSyncPosition:
                int target = I32(Cia402Objects.TargetPosition);
                uint window = (uint)I32(Cia402Objects.FollowingErrorWindow);
                if (window > 0 && Math.Abs((long)target - _scaling.PositionToIncrements(q)) > window)
                {
                    Fault(0x8611);
                    return;
                }
                torque = _options.PositionGainNmPerRad * (_scaling.IncrementsToPositionRad(target) - q) - _options.VelocityGainNmsPerRad * qd + offset;
                break;
            case Cia402Mode.CyclicSyncVelocity:
                torque = _options.VelocityGainNmsPerRad * (_scaling.IncrementsPerSecToVelocityRadPerSec(I32(Cia402Objects.TargetVelocity)) - qd) + offset;
                break;
            case Cia402Mode.CyclicSyncTorque:
                torque = _scaling.PerMilleToTorqueNm(I16(Cia402Objects.TargetTorque));
                break;
            default:
                torque = -_options.VelocityGainNmsPerRad * qd; // an unsupported mode holds still
                break;
        }
        double limit = _scaling.PerMilleToTorqueNm((short)Math.Min(U16(Cia402Objects.MaxTorque), (ushort)short.MaxValue));
        ApplyTorque(Math.Clamp(torque, -limit, limit));
    }

    private void Sample()
    {
        double q = _plant.GetPositionRad(_joint);
        SetI32(Cia402Objects.PositionActualValue, _scaling.PositionToIncrements(q));
        SetI32(Cia402Objects.VelocityActualValue, _scaling.VelocityToIncrementsPerSec(_plant.GetVelocityRadPerSec(_joint)));
        SetU16(Cia402Objects.TorqueActualValue, (ushort)_scaling.TorqueToPerMille(AppliedTorqueNm));
        byte mode = Dictionary.Get(Cia402Objects.ModesOfOperation, 0)![0];
        Dictionary.Get(Cia402Objects.ModesOfOperationDisplay, 0)![0] = mode;
        bool csp = (Cia402Mode)(sbyte)mode == Cia402Mode.CyclicSyncPosition;
        SetI32(Cia402Objects.FollowingErrorActualValue, csp && StateMachine.FollowsSetPoints ? I32(Cia402Objects.TargetPosition) - I32(Cia402Objects.PositionActualValue) : 0);
        ushort statusword = (ushort)(Cia402Statusword.Encode(StateMachine.State) | Cia402Statusword.Remote);
        if (StateMachine.FollowsSetPoints && (Cia402Mode)(sbyte)mode is Cia402Mode.CyclicSyncPosition or Cia402Mode.CyclicSyncVelocity or Cia402Mode.CyclicSyncTorque)
            statusword |= Cia402Statusword.OperationModeSpecific12;
        if (U16(Cia402Objects.ErrorCode) == 0x8611)
            statusword |= Cia402Statusword.OperationModeSpecific13;
        SetU16(Cia402Objects.Statusword, statusword);
    }

    private void Fault(ushort errorCode)
    {
        if (Cia402Commander.IsFaulted(StateMachine.State)) return;
        StateMachine.RaiseFault();
        SetU16(Cia402Objects.ErrorCode, errorCode);
        ApplyTorque(0);
    }

    private void ApplyTorque(double torqueNm)
    {
        AppliedTorqueNm = torqueNm;
        _plant.SetActuatorTorqueNm(_joint, torqueNm);
    }

    private int? MappedBits(int syncManager) => syncManager switch
    {
        2 => ReadMapping(0x1C12).Sum(m => m.Bytes) * 8,
        3 => ReadMapping(0x1C13).Sum(m => m.Bytes) * 8,
        _ => null,
    };

    /// <summary>The byte layout an assignment object and its mapping objects give (entries that are not whole bytes take their bits but are skipped).</summary>
    private Mapped[] ReadMapping(ushort assignment)
    {
        var result = new List<Mapped>();
        int bit = 0;
        int pdos = Dictionary.Get(assignment, 0)![0];
        for (byte k = 1; k <= pdos; k++)
        {
            var pdoIndex = Dictionary.Get(assignment, k);
            if (pdoIndex is null) break;
            ushort pdo = BinaryPrimitives.ReadUInt16LittleEndian(pdoIndex);
            var count = Dictionary.Get(pdo, 0);
            if (count is null) continue;
            for (byte e = 1; e <= count[0]; e++)
            {
                var raw = Dictionary.Get(pdo, e);
                if (raw is null) break;
                uint value = BinaryPrimitives.ReadUInt32LittleEndian(raw);
                ushort index = (ushort)(value >> 16);
                byte sub = (byte)(value >> 8), bits = (byte)value;
                if (index != 0 && bit % 8 == 0 && bits % 8 == 0 && Dictionary.Get(index, sub)?.Length == bits / 8)
                    result.Add(new Mapped(index, sub, bit / 8, bits / 8));
                bit += bits;
            }
        }
        // Sum of Bytes is used for the SM length check, so account for skipped bits with a gap entry.
        int mappedBytes = result.Sum(m => m.Bytes);
        int totalBytes = (bit + 7) / 8;
        if (totalBytes > mappedBytes)
            result.Add(new Mapped(0, 0, totalBytes, totalBytes - mappedBytes));
        return [.. result];
    }

    private void Copy(Span<byte> buffer, Mapped[] map, bool toDictionary)
    {
        foreach (var m in map)
        {
            if (m.Index == 0) continue;
            var value = Dictionary.Get(m.Index, m.SubIndex)!;
            if (toDictionary)
                buffer.Slice(m.ByteOffset, m.Bytes).CopyTo(value);
            else
                value.AsSpan(0, m.Bytes).CopyTo(buffer.Slice(m.ByteOffset, m.Bytes));
        }
    }

    private ushort U16(ushort index) => BinaryPrimitives.ReadUInt16LittleEndian(Dictionary.Get(index, 0));
    private short I16(ushort index) => BinaryPrimitives.ReadInt16LittleEndian(Dictionary.Get(index, 0));
    private int I32(ushort index) => BinaryPrimitives.ReadInt32LittleEndian(Dictionary.Get(index, 0));
    private void SetU16(ushort index, ushort value) => BinaryPrimitives.WriteUInt16LittleEndian(Dictionary.Get(index, 0), value);
    private void SetI32(ushort index, int value) => BinaryPrimitives.WriteInt32LittleEndian(Dictionary.Get(index, 0), value);
}
