using Controller.Hardware.Protocols.CanOpen;
using Controller.Hardware.Protocols.Cia402;
using Controller.Hardware.Transports.Can;
using Controller.Pipeline.Messages;

namespace Controller.Hardware.Devices.Cia402;

/// <summary>The lifecycle half of the driver: open, enable, disable, fault reset, close (off the loop thread; may block and throw).</summary>
public sealed partial class Cia402CanDriver
{
    /// <inheritdoc />
    public void Open()
    {
        using var busy = new LifecycleScope(this);
        var sdo = new BlockingSdoClient(_channel, _clock, _options.SdoTimeoutNs)
        {
            WhileWaiting = _options.WhileWaiting ?? _waitDefault,
            OtherFrame = frame => Dispatch(frame),
        };
        foreach (var drive in _drives) Send(Nmt.Command(NmtCommand.EnterPreOperational, drive.NodeId));
        foreach (var drive in _drives)
        {
            byte node = drive.NodeId;
            uint deviceType = sdo.ReadUInt32(node, 0x1000, 0);
            if ((deviceType & 0xFFFF) != 402)
                throw new InvalidOperationException($"bus '{Name}': node {node} reports device type 0x{deviceType:X8} (0x1000); a CiA 402 drive reports profile 402 (0x0192) in the low 16 bits.");
            if (_options.ConfigurePdos)
            {
                Apply(sdo, node, PdoConfiguration.Rpdo(1, node, Cia402PdoLayout.Rpdo1));
                Apply(sdo, node, PdoConfiguration.Rpdo(2, node, Cia402PdoLayout.Rpdo2));
                Apply(sdo, node, PdoConfiguration.Tpdo(1, node, Cia402PdoLayout.Tpdo1));
                Apply(sdo, node, PdoConfiguration.Tpdo(2, node, Cia402PdoLayout.Tpdo2));
            }
            sdo.Download(node, Cia402Objects.ModesOfOperation, 0, [unchecked((byte)(sbyte)Cia402Mode.CyclicSyncPosition)]);
            if (drive.FollowingErrorWindowRad > 0)
                sdo.WriteUInt32(node, Cia402Objects.FollowingErrorWindow, 0, (uint)drive.Scaling.PositionToIncrements(drive.FollowingErrorWindowRad));
            sdo.WriteUInt16(node, 0x1017, 0, (ushort)_options.HeartbeatPeriodMs);
            _heartbeats.Watch(node, _options.HeartbeatTimeoutNs, _clock.NowNs);
        }
        foreach (var drive in _drives) Send(Nmt.Command(NmtCommand.StartRemoteNode, drive.NodeId));
        RunLifecycleCycles("wait for the first PDOs", sendRpdos: false, _ => Cia402Controlword.DisableVoltage, () => true);
    }

    /// <inheritdoc />
    public void EnableDrives()
    {
        using var busy = new LifecycleScope(this);
        for (int i = 0; i < _drives.Length; i++)
        {
            var state = Cia402Statusword.DecodeState(_data[i].Statusword);
            if (Cia402Commander.IsFaulted(state))
                throw new InvalidOperationException($"bus '{Name}': node {_drives[i].NodeId} is in {state} (last EMCY 0x{_data[i].LastEmergencyCode:X4} " +
                    $"{EmergencyErrorCodes.Describe(_data[i].LastEmergencyCode)}); clear faults first.");
        }
        RunLifecycleCycles("enable operation", sendRpdos: true,
            i => Cia402Commander.TowardOperationEnabled(Cia402Statusword.DecodeState(_data[i].Statusword)),
            () => AllIn(Cia402State.OperationEnabled));
        for (int i = 0; i < _drives.Length; i++) _data[i].HoldPositionRad = PositionRad(i);
        _holding = true;
        Volatile.Write(ref _active, 1);
    }

    /// <inheritdoc />
    public void DisableDrives()
    {
        Volatile.Write(ref _active, 0);
        try
        {
            using var busy = new LifecycleScope(this);
            RunLifecycleCycles("disable", sendRpdos: true, _ => Cia402Commander.TowardSwitchOnDisabled(), () => AllOutOfPower(), throwOnTimeout: false);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or TimeoutException)
        {
            // Must not throw: the drives' own heartbeat / RPDO supervision removes torque when the master is gone.
        }
    }

    /// <inheritdoc />
    public void ClearFaults()
    {
        using var busy = new LifecycleScope(this);
        RunLifecycleCycles("fault reset", sendRpdos: true,
            i => Cia402Commander.IsFaulted(Cia402Statusword.DecodeState(_data[i].Statusword))
                ? Cia402Commander.FaultReset(_data[i].LastControlword)
                : Cia402Controlword.DisableVoltage,
            () => AllOutOfFault());
        for (int i = 0; i < _drives.Length; i++) _data[i].ConsecutiveMisses = 0;
    }

    /// <inheritdoc />
    public void Close()
    {
        Volatile.Write(ref _active, 0);
        foreach (var drive in _drives) _channel.TrySend(Nmt.Command(NmtCommand.EnterPreOperational, drive.NodeId));
    }

    /// <summary>
    /// Lifecycle cycles: RPDOs (controlword from <paramref name="controlword"/>, target held at the actual position)
    /// and a SYNC, then wait for every drive's TPDO; until <paramref name="done"/> holds on fresh data.
    /// </summary>
    private void RunLifecycleCycles(string what, bool sendRpdos, Func<int, ushort> controlword, Func<bool> done, bool throwOnTimeout = true)
    {
        var wait = _options.WhileWaiting ?? _waitDefault;
        long deadline = _clock.NowNs + _options.LifecycleTimeoutNs;
        var scratch = new JointState();
        while (true)
        {
            if (sendRpdos)
                for (int i = 0; i < _drives.Length; i++)
                    SendRpdos(i, controlword(i), Cia402Mode.CyclicSyncPosition, PositionRad(i), 0, 0, 0);
            SendSync();
            long cycleEnd = _clock.NowNs + _options.LifecycleCycleNs;
            bool allFresh = false;
            while (!allFresh && _clock.NowNs < cycleEnd)
            {
                wait();
                while (_channel.TryReceive(out var frame)) Dispatch(frame);
                allFresh = true;
                for (int i = 0; i < _drives.Length; i++) allFresh &= _data[i].LastTpdoSync == Volatile.Read(ref _syncsSent);
            }
            if (allFresh && done()) return;
            if (_clock.NowNs > deadline)
            {
                if (!throwOnTimeout) return;
                Evaluate(ref scratch, 0, countMisses: false);
                var states = string.Join(", ", Enumerable.Range(0, _drives.Length).Select(i =>
                    $"node {_drives[i].NodeId}: {(_data[i].LastTpdoSync == 0 ? "no PDO received" : Cia402Statusword.DecodeState(_data[i].Statusword).ToString())}"));
                throw new TimeoutException($"bus '{Name}': {what} did not complete within {_options.LifecycleTimeoutNs / 1_000_000} ms ({states}).");
            }
        }
    }

    private static void Apply(BlockingSdoClient sdo, byte node, IReadOnlyList<SdoWrite> writes)
    {
        foreach (var write in writes) sdo.Download(node, write.Index, write.SubIndex, write.Data);
    }

    private void Send(in CanFrame frame)
    {
        if (!_channel.TrySend(frame))
            throw new IOException($"bus '{Name}': channel '{_channel.Name}' refused a frame ({_channel.BusState}).");
    }

    /// <summary>Marks a lifecycle call as owning the channel, and waits out a read in progress (lock-free handshake).</summary>
    private readonly struct LifecycleScope : IDisposable
    {
        private readonly Cia402CanDriver _driver;

        public LifecycleScope(Cia402CanDriver driver)
        {
            _driver = driver;
            Interlocked.Exchange(ref driver._lifecycleBusy, 1);
            var spin = new SpinWait();
            while (Volatile.Read(ref driver._inRead) != 0) spin.SpinOnce();
        }

        public void Dispose() => Volatile.Write(ref _driver._lifecycleBusy, 0);
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
}
