using System.Buffers.Binary;
using Controller.Hardware.Devices.EtherCat;
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
    private readonly byte[] _latched = new byte[256]; // the SM2 data of the last frame, taken over at the next SYNC0
    private bool _latchedValid;
    private long _pulsesSeen = -1;

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
        Slave = new SimulatedSlave(SimulatedCia402DriveImage.BuildSii(serialNumber), Dictionary)
        {
            Application = this,
            SyncManagerBits = MappedBits,
            ApplicationTransitionCheck = CheckSynchronisation,
        };
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

    /// <summary>
    /// Frames that may be missed in a row between SYNC0 pulses in DC mode before the drive reports a sync error (0x1C32:20 set,
    /// AL status code 0x002C "fatal sync error", back to SAFE-OP); fewer are counted in 0x1C32:0B and the old targets stay.
    /// </summary>
    public int SyncErrorLimit { get; set; } = 3;

    /// <summary>True while the drive takes its outputs at SYNC0 (0x1C32:01 = 2 and the ESC's SYNC0 active) rather than at frame arrival.</summary>
    public bool DcSynchronous => U16(SyncManagerParameters.Outputs, SyncManagerParameters.SyncMode) == SyncManagerParameters.DcSync0 && Slave.Dc.Sync0Active;

    /// <summary>SYNC0 pulses the drive saw in OP (counted when the frame after them arrives).</summary>
    public long Sync0Events { get; private set; }

    /// <summary>Targets taken over at a SYNC0 pulse (DC mode).</summary>
    public long Sync0Latches { get; private set; }

    /// <summary>Process-data frames missed between SYNC0 pulses (DC mode; also in 0x1C32:0B, saturating).</summary>
    public long SmEventsMissed { get; private set; }

    /// <summary>Raises a drive fault with <paramref name="errorCode"/> (0x603F) at the next frame, e.g. 0x2310 over-current.</summary>
    public void InjectFault(ushort errorCode = 0x2310) => _pendingFault = errorCode;

    /// <inheritdoc />
    public void AfterFrame(SimulatedSlave slave)
    {
        var al = slave.Al.State;
        bool dc = al == AlState.Op && DcSynchronous;
        long pulses = 0;
        if (dc && al == _lastAl)
        {
            pulses = CountSync0Pulses(slave);
            if (!CheckFramesBetweenPulses(slave, pulses))
            {
                al = slave.Al.State;
                dc = false;
            }
        }
        if (al != _lastAl)
        {
            if (al is AlState.SafeOp or AlState.Op)
            {
                _rx = ReadMapping(0x1C12);
                _tx = ReadMapping(0x1C13);
            }
            if (al == AlState.Op)
            {
                _latchedValid = false;
                _pulsesSeen = -1;
                Dictionary.Get(SyncManagerParameters.Outputs, SyncManagerParameters.SyncError)![0] = 0;
                if (dc) CountSync0Pulses(slave); // the baseline: pulses before OP were not the drive's business
            }
            if (al != AlState.Op && StateMachine.PowerEnabled)
                StateMachine.Apply(Cia402Controlword.DisableVoltage);
            _lastAl = al;
        }
        var memory = slave.GetMutableMemory();
        if (al == AlState.Op)
        {
            ProcessDataFrames++;
            var outputs = memory.Slice(SimulatedCia402DriveImage.OutputsAddress, _latched.Length);
            if (dc)
            {
                // A CSP drive in DC mode takes the targets at SYNC0, not when the frame passes: the frame only fills the buffer.
                if (pulses > 0 && _latchedValid)
                {
                    Copy(_latched, _rx, toDictionary: true);
                    Sync0Latches++;
                }
                outputs.CopyTo(_latched);
                _latchedValid = true;
            }
            else
                Copy(outputs, _rx, toDictionary: true);
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

    private long CountSync0Pulses(SimulatedSlave slave)
    {
        long total = slave.Dc.Sync0PulsesUpTo(slave.Dc.LastFrameSystemTimeNs);
        long fresh = _pulsesSeen < 0 ? 0 : total - _pulsesSeen;
        _pulsesSeen = total;
        Sync0Events += fresh;
        return fresh;
    }

    /// <summary>Two or more pulses since the last frame mean frames were missed; too many in a row is a sync error. False when the drive left OP.</summary>
    private bool CheckFramesBetweenPulses(SimulatedSlave slave, long pulses)
    {
        if (pulses < 2 || !_latchedValid)
            return true;
        long missed = pulses - 1;
        SmEventsMissed += missed;
        var counter = Dictionary.Get(SyncManagerParameters.Outputs, SyncManagerParameters.SmEventMissedCounter)!;
        BinaryPrimitives.WriteUInt16LittleEndian(counter, (ushort)Math.Min(ushort.MaxValue, BinaryPrimitives.ReadUInt16LittleEndian(counter) + missed));
        if (missed < SyncErrorLimit)
            return true;
        Dictionary.Get(SyncManagerParameters.Outputs, SyncManagerParameters.SyncError)![0] = 1;
        slave.Fail(AlState.SafeOp, AlStatusCode.FatalSyncError);
        return false;
    }

    /// <summary>SAFE-OP/OP with DC SYNC0 mode requested needs SYNC0 running with the cycle time the master wrote to 0x1C32:02.</summary>
    private AlStatusCode? CheckSynchronisation(AlState to)
    {
        ushort mode = U16(SyncManagerParameters.Outputs, SyncManagerParameters.SyncMode);
        if (mode > SyncManagerParameters.DcSync0)
            return AlStatusCode.InvalidDcSyncConfiguration; // SYNC1 modes are not implemented
        if (mode != SyncManagerParameters.DcSync0)
            return null;
        if (!Slave.Dc.Sync0Active)
            return AlStatusCode.InvalidDcSyncConfiguration;
        uint cycle = BinaryPrimitives.ReadUInt32LittleEndian(Dictionary.Get(SyncManagerParameters.Outputs, SyncManagerParameters.CycleTime));
        if (cycle < SimulatedCia402DriveImage.MinimumCycleTimeNs || cycle != Slave.Dc.Sync0CycleNs)
            return AlStatusCode.DcInvalidSyncCycleTime;
        return null;
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

    private ushort U16(ushort index, byte subIndex = 0) => BinaryPrimitives.ReadUInt16LittleEndian(Dictionary.Get(index, subIndex));
    private short I16(ushort index) => BinaryPrimitives.ReadInt16LittleEndian(Dictionary.Get(index, 0));
    private int I32(ushort index) => BinaryPrimitives.ReadInt32LittleEndian(Dictionary.Get(index, 0));
    private void SetU16(ushort index, ushort value) => BinaryPrimitives.WriteUInt16LittleEndian(Dictionary.Get(index, 0), value);
    private void SetI32(ushort index, int value) => BinaryPrimitives.WriteInt32LittleEndian(Dictionary.Get(index, 0), value);
}
