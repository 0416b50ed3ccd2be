using System.Buffers.Binary;
using System.Diagnostics;
using Controller.Hardware.Devices.EtherCat;
using Controller.Hardware.Protocols.Cia402;

namespace Controller.Hardware.Devices.Cia402;

/// <summary>The lifecycle half of the driver: open, enable, disable, fault reset, close (off the loop thread; may block and throw).</summary>
public sealed partial class Cia402EtherCatDriver
{
    /// <inheritdoc />
    public void Open()
    {
        using var busy = new LifecycleScope(this);
        if (_group.State != EtherCatGroupState.Init)
            throw new InvalidOperationException($"bus '{Name}': the EtherCAT group is in {_group.State}; open needs a fresh group in INIT.");
        _writer = _group.Start();
        var layout = _group.Layout!;
        for (int i = 0; i < _drives.Length; i++)
        {
            ushort station = _drives[i].StationAddress;
            var deviceType = _group.Mailbox(station).Upload(0x1000, 0);
            if (deviceType.Length < 4 || (BinaryPrimitives.ReadUInt32LittleEndian(deviceType) & 0xFFFF) != 402)
                throw new InvalidOperationException($"bus '{Name}': slave 0x{station:X4} reports device type 0x{(deviceType.Length >= 4 ? BinaryPrimitives.ReadUInt32LittleEndian(deviceType) : 0):X8} (0x1000); a CiA 402 drive reports profile 402 (0x0192) in the low 16 bits.");
            var slave = layout.Slaves.First(s => s.StationAddress == station);
            _at[i] = new Offsets
            {
                Controlword = ByteOffset(slave, true, Cia402Objects.Controlword),
                TargetPosition = ByteOffset(slave, true, Cia402Objects.TargetPosition),
                TargetVelocity = ByteOffset(slave, true, Cia402Objects.TargetVelocity),
                TargetTorque = ByteOffset(slave, true, Cia402Objects.TargetTorque),
                Mode = ByteOffset(slave, true, Cia402Objects.ModesOfOperation),
                Statusword = ByteOffset(slave, false, Cia402Objects.Statusword),
                Position = ByteOffset(slave, false, Cia402Objects.PositionActualValue),
                Velocity = ByteOffset(slave, false, Cia402Objects.VelocityActualValue),
                Torque = ByteOffset(slave, false, Cia402Objects.TorqueActualValue),
                ModeDisplay = ByteOffset(slave, false, Cia402Objects.ModesOfOperationDisplay),
            };
        }
        RunLifecycleCycles("wait for the first process data", _ => Cia402Controlword.DisableVoltage, () => true);
    }

    /// <inheritdoc />
    public void EnableDrives()
    {
        using var busy = new LifecycleScope(this);
        RequireWriter("enable");
        for (int i = 0; i < _drives.Length; i++)
        {
            var state = Cia402Statusword.DecodeState(_data[i].Statusword);
            if (Cia402Commander.IsFaulted(state))
                throw new InvalidOperationException($"bus '{Name}': slave 0x{_drives[i].StationAddress:X4} is in {state}; clear faults first.");
        }
        RunLifecycleCycles("enable operation", i => Cia402Commander.TowardOperationEnabled(Cia402Statusword.DecodeState(_data[i].Statusword)),
            () => AllIn(Cia402State.OperationEnabled));
        for (int i = 0; i < _drives.Length; i++) _data[i].HoldPositionRad = PositionRad(i);
        _holding = true;
        _reacting = false;
        _consecutiveMisses = 0;
        Volatile.Write(ref _active, 1);
    }

    /// <inheritdoc />
    public void DisableDrives()
    {
        Volatile.Write(ref _active, 0);
        try
        {
            using var busy = new LifecycleScope(this);
            if (_writer is null)
                return;
            if (!_writer.IsValid)
            {
                _group.ZeroOutputs(); // controlword 0: disable voltage, whatever state the group is in
                _group.Exchange();
                return;
            }
            RunLifecycleCycles("disable", _ => Cia402Commander.TowardSwitchOnDisabled(), AllOutOfPower, throwOnTimeout: false);
        }
        catch (Exception e) when (e is InvalidOperationException or EtherCatException or TimeoutException)
        {
            // Must not throw: a drive whose process data stops disables itself (SM watchdog, AL state out of OP).
        }
    }

    /// <inheritdoc />
    public void ClearFaults()
    {
        using var busy = new LifecycleScope(this);
        if (_writer is null)
            throw new InvalidOperationException($"bus '{Name}': not open.");
        if (!_writer.IsValid || _group.State != EtherCatGroupState.Op || _lastCycle != GroupCycleStatus.Ok)
            _writer = _group.Recover();
        _consecutiveMisses = 0;
        RunLifecycleCycles("fault reset",
            i => Cia402Commander.IsFaulted(Cia402Statusword.DecodeState(_data[i].Statusword))
                ? Cia402Commander.FaultReset(_data[i].LastControlword)
                : Cia402Controlword.DisableVoltage,
            AllOutOfFault);
        _reacting = false;
    }

    /// <inheritdoc />
    public void Close()
    {
        Volatile.Write(ref _active, 0);
        using var busy = new LifecycleScope(this);
        _group.Stop();
    }

    private static int ByteOffset(SlaveProcessImage slave, bool output, ushort index)
    {
        int bit = slave.BitOffsetOf(output, index, 0);
        if (bit < 0 || bit % 8 != 0)
            throw new InvalidOperationException($"slave 0x{slave.StationAddress:X4}: object 0x{index:X4} is not mapped on a byte boundary in its {(output ? "outputs" : "inputs")} (PDO mapping refused?)");
        return bit / 8;
    }

    private void RequireWriter(string what)
    {
        if (_writer is null || !_writer.IsValid)
            throw new InvalidOperationException($"bus '{Name}': cannot {what}: the EtherCAT group is in {_group.State}, not OP; clear faults first.");
    }

    /// <summary>Lifecycle cycles: controlwords from <paramref name="controlword"/>, targets at the actual position, until <paramref name="done"/> holds on a good cycle.</summary>
    private void RunLifecycleCycles(string what, Func<int, ushort> controlword, Func<bool> done, bool throwOnTimeout = true)
    {
        var wait = _options.BetweenCycles ?? _waitDefault;
        long deadline = Stopwatch.GetTimestamp() + (long)(_options.LifecycleTimeoutNs * (Stopwatch.Frequency / 1e9));
        var scratch = new Pipeline.Messages.JointState();
        while (true)
        {
            var outputs = _writer!.Outputs;
            if (outputs.IsEmpty)
                throw new InvalidOperationException($"bus '{Name}': {what}: the EtherCAT group left OP ({_group.State}).");
            for (int i = 0; i < _drives.Length; i++)
                Put(outputs, i, controlword(i), Cia402Mode.CyclicSyncPosition, PositionRad(i), 0, 0);
            _lastCycle = _group.Exchange();
            bool good = _lastCycle == GroupCycleStatus.Ok;
            Evaluate(ref scratch, 0);
            _consecutiveMisses = 0;
            if (good && done())
                return;
            if (Stopwatch.GetTimestamp() > deadline)
            {
                if (!throwOnTimeout) return;
                var states = string.Join(", ", Enumerable.Range(0, _drives.Length).Select(i =>
                    $"slave 0x{_drives[i].StationAddress:X4}: {Cia402Statusword.DecodeState(_data[i].Statusword)}"));
                throw new TimeoutException($"bus '{Name}': {what} did not complete within {_options.LifecycleTimeoutNs / 1_000_000} ms (last cycle {_lastCycle}; {states}).");
            }
            wait();
        }
    }

    private bool AllIn(Cia402State wanted)
    {
        for (int i = 0; i < _drives.Length; i++)
            if (Cia402Statusword.DecodeState(_data[i].Statusword) != wanted) return false;
        return true;
    }

    private bool AllOutOfPower()
    {
        for (int i = 0; i < _drives.Length; i++)
            if (Cia402Statusword.DecodeState(_data[i].Statusword) is Cia402State.OperationEnabled or Cia402State.QuickStopActive or Cia402State.SwitchedOn) return false;
        return true;
    }

    private bool AllOutOfFault()
    {
        for (int i = 0; i < _drives.Length; i++)
            if (Cia402Commander.IsFaulted(Cia402Statusword.DecodeState(_data[i].Statusword))) return false;
        return true;
    }

    /// <summary>Marks a lifecycle call as owning the group, and waits out a read in progress (lock-free handshake).</summary>
    private readonly struct LifecycleScope : IDisposable
    {
        private readonly Cia402EtherCatDriver _driver;

        public LifecycleScope(Cia402EtherCatDriver driver)
        {
            _driver = driver;
            Interlocked.Exchange(ref driver._lifecycleBusy, 1);
            var spin = new SpinWait();
            while (Volatile.Read(ref driver._inRead) != 0) spin.SpinOnce();
        }

        public void Dispose() => Volatile.Write(ref _driver._lifecycleBusy, 0);
    }
}
