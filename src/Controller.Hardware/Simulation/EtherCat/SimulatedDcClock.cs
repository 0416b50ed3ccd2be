using System.Buffers.Binary;
using System.Diagnostics;
using Controller.Hardware.Protocols.EtherCat.Esc;

namespace Controller.Hardware.Simulation.EtherCat;

/// <summary>
/// The distributed-clocks unit of a simulated ESC (Beckhoff ESC datasheet section II, registers 0x0900–0x09FF;
/// ETG.1000.4 §6.8). A free-running local clock that runs fast or slow by <see cref="DriftPpm"/> against the true
/// time the <see cref="SimulatedSegment"/> supplies; a write to 0x0900 latches the port receive times (port 0 when
/// the frame arrives, the downstream port when it comes back) and 0x0918; 0x0910 reads as local time + offset
/// (0x0920); a write to 0x0910 is compared with the own system time after adding the delay (0x0928), the
/// difference is published in 0x092C (bit 31 = own time smaller) and fed to the time control loop. SYNC0: 0x0981
/// bits 0+1 with a cycle time (0x09A0) and start time (0x0990) make 0x0990 read the next pulse.
/// The control loop is a behavioural model (a bounded PI on the difference: phase slewed by at most 1000 ppm,
/// frequency corrected by at most ±1000 ppm), not the ESC's proprietary filter; a write to 0x0930 resets it, as it
/// resets the ESC's speed counter.
/// </summary>
public sealed class SimulatedDcClock
{
    private const double PhaseGain = 0.1;
    private const double FrequencyGain = 0.01;
    private const double MaxCorrectionPpm = 1000;
    private const double MaxSlewPpm = 1000;

    private readonly byte[] _memory;
    private bool _started;
    private long _trueNs;
    private long _localNs;
    private double _fractionNs;
    private long _arrivalNs;
    private long? _returnNs;
    private int _downstreamPort = -1;
    private long _lastCompareTrueNs = long.MinValue;

    /// <summary>Creates the clock over the ESC memory whose DC registers it serves.</summary>
    /// <param name="escMemory">The slave's 64 KiB register space (shared, not copied).</param>
    public SimulatedDcClock(byte[] escMemory) => _memory = escMemory;

    /// <summary>How much faster (positive) or slower than true time the local oscillator runs, in ppm (a quartz is within ±100).</summary>
    public double DriftPpm { get; set; }

    /// <summary>The local time when the clock first sees a frame, ns (the ESC's time since power-up).</summary>
    public long LocalStartNs { get; set; }

    /// <summary>The frequency correction the time control loop applies now, ppm.</summary>
    public double CorrectionPpm { get; private set; }

    /// <summary>Compares (writes to 0x0910) the time control loop has processed.</summary>
    public long Compares { get; private set; }

    /// <summary>The last system time difference (own − received), ns, as 0x092C shows it in sign–magnitude.</summary>
    public long LastDifferenceNs { get; private set; }

    /// <summary>
    /// Power-on of the ESC (its registers are cleared by the slave): the local clock restarts at <paramref name="localStartNs"/>
    /// when the next frame arrives, and the time control loop forgets its correction.
    /// </summary>
    public void PowerOn(long localStartNs)
    {
        LocalStartNs = localStartNs;
        _started = false;
        _trueNs = 0;
        _localNs = 0;
        _fractionNs = 0;
        _returnNs = null;
        _downstreamPort = -1;
        _lastCompareTrueNs = long.MinValue;
        CorrectionPpm = 0;
        LastDifferenceNs = 0;
        Sync0StartNs = 0;
    }

    /// <summary>The host's monotonic time in ns: the default true time of a segment.</summary>
    public static long HostNowNs() => (long)(Stopwatch.GetTimestamp() * (1e9 / Stopwatch.Frequency));

    /// <summary>The local time at true time <paramref name="trueNs"/> (extrapolated, the clock is not advanced).</summary>
    public long LocalTimeNs(long trueNs)
    {
        if (!_started)
            return LocalStartNs;
        return _localNs + (long)Math.Round(_fractionNs + (trueNs - _trueNs) * Rate);
    }

    /// <summary>The system time (local time + offset 0x0920) at true time <paramref name="trueNs"/>, ns.</summary>
    public long SystemTimeNs(long trueNs) =>
        unchecked(LocalTimeNs(trueNs) + BinaryPrimitives.ReadInt64LittleEndian(_memory.AsSpan(EscRegister.DcSystemTimeOffset)));

    private double Rate => 1 + (DriftPpm + CorrectionPpm) * 1e-6;

    /// <summary>
    /// Called by the segment before the slave handles a frame: the frame reaches port 0 at <paramref name="arrivalNs"/>
    /// and comes back on <paramref name="downstreamPort"/> at <paramref name="returnNs"/> (null: last slave, the ESC closes the loop).
    /// Also publishes DL status 0x0110 (link and communication on port 0 and the downstream port).
    /// </summary>
    public void OnFrameArrival(long arrivalNs, long? returnNs, int downstreamPort = 1)
    {
        Advance(arrivalNs);
        _arrivalNs = arrivalNs;
        _returnNs = returnNs;
        _downstreamPort = returnNs is null ? -1 : downstreamPort;
        ushort dl = 0x0010 | 0x0200; // physical link port 0, communication on port 0
        if (_downstreamPort >= 0)
            dl |= (ushort)((0x10 << _downstreamPort) | (0x0200 << (2 * _downstreamPort)));
        else
            dl |= 0x0400 | 0x1000 | 0x4000; // loops of ports 1..3 closed
        BinaryPrimitives.WriteUInt16LittleEndian(_memory.AsSpan(EscRegister.DlStatus), dl);
    }

    /// <summary>True when <paramref name="address"/> is a byte of the system time register (0x0910..0x0917), which a write compares rather than stores.</summary>
    public static bool IsSystemTimeByte(int address) => address is >= EscRegister.DcSystemTime and < EscRegister.DcSystemTime + 8;

    /// <summary>Before a read: publishes the system time (0x0910) and, with SYNC0 active, the next pulse (0x0990).</summary>
    public void BeforeRead(int address, int length)
    {
        if (Overlaps(address, length, EscRegister.DcSystemTime, 8))
            BinaryPrimitives.WriteInt64LittleEndian(_memory.AsSpan(EscRegister.DcSystemTime), SystemTimeNs(_arrivalNs));
        if (Overlaps(address, length, EscRegister.DcStartTimeCyclic, 8) && Sync0Active)
            BinaryPrimitives.WriteInt64LittleEndian(_memory.AsSpan(EscRegister.DcStartTimeCyclic), NextSync0PulseNs(SystemTimeNs(_arrivalNs)));
    }

    /// <summary>A write covering 0x0910: compares the received time with the own system time. True when it did.</summary>
    public bool OnSystemTimeWrite(int address, ReadOnlySpan<byte> data)
    {
        if (address != EscRegister.DcSystemTime || data.Length is not (4 or 8))
            return false; // a partial write of the register is not a time the loop can use
        long own = SystemTimeNs(_arrivalNs);
        long delay = BinaryPrimitives.ReadUInt32LittleEndian(_memory.AsSpan(EscRegister.DcSystemTimeDelay));
        long difference = data.Length == 8
            ? unchecked(own - (BinaryPrimitives.ReadInt64LittleEndian(data) + delay))
            : unchecked((int)((uint)own - (uint)(BinaryPrimitives.ReadUInt32LittleEndian(data) + delay)));
        difference = Math.Clamp(difference, -int.MaxValue, int.MaxValue);
        LastDifferenceNs = difference;
        Compares++;
        uint signMagnitude = (uint)Math.Abs(difference) | (difference < 0 ? 0x8000_0000u : 0);
        BinaryPrimitives.WriteUInt32LittleEndian(_memory.AsSpan(EscRegister.DcSystemTimeDifference), signMagnitude);
        Control(difference);
        return true;
    }

    /// <summary>After a write: latches receive times (0x0900), resets the loop (0x0930), starts SYNC0 (0x0981).</summary>
    public void AfterWrite(int address, int length)
    {
        if (Overlaps(address, length, EscRegister.DcReceiveTimePort0, 1))
            Latch();
        if (Overlaps(address, length, EscRegister.DcSpeedCounterStart, 2))
        {
            CorrectionPpm = 0;
            _lastCompareTrueNs = long.MinValue;
        }
        if (Overlaps(address, length, EscRegister.DcActivation, 1))
        {
            _memory[EscRegister.DcActivationStatus] = Sync0Active ? (byte)0x01 : (byte)0;
            Sync0StartNs = Sync0Active ? BinaryPrimitives.ReadInt64LittleEndian(_memory.AsSpan(EscRegister.DcStartTimeCyclic)) : 0;
        }
    }

    /// <summary>True when cyclic operation and SYNC0 are activated (0x0981 bits 0 and 1) with a non-zero cycle time.</summary>
    public bool Sync0Active => (_memory[EscRegister.DcActivation] & 0x03) == 0x03 && Sync0CycleNs > 0;

    /// <summary>SYNC0 cycle time (0x09A0), ns.</summary>
    public long Sync0CycleNs => BinaryPrimitives.ReadUInt32LittleEndian(_memory.AsSpan(EscRegister.DcSync0CycleTime));

    /// <summary>The system time of the first SYNC0 pulse, latched from 0x0990 at activation.</summary>
    public long Sync0StartNs { get; private set; }

    /// <summary>The system time at which the last frame reached this slave, ns (what the drive application sees as "now").</summary>
    public long LastFrameSystemTimeNs => SystemTimeNs(_arrivalNs);

    /// <summary>
    /// SYNC0 pulses fired at or before <paramref name="systemTimeNs"/> since SYNC0 was activated (0 while inactive or before the
    /// start time). The difference of two calls is how many pulses fell between two frames: the simulated pulses are not
    /// events on a thread of their own, the application counts them when the next frame comes.
    /// </summary>
    public long Sync0PulsesUpTo(long systemTimeNs)
    {
        if (!Sync0Active || systemTimeNs < Sync0StartNs)
            return 0;
        return (systemTimeNs - Sync0StartNs) / Sync0CycleNs + 1;
    }

    /// <summary>The first SYNC0 pulse at or after <paramref name="systemTimeNs"/>.</summary>
    public long NextSync0PulseNs(long systemTimeNs)
    {
        if (systemTimeNs <= Sync0StartNs || Sync0CycleNs == 0)
            return Sync0StartNs;
        long cycles = (systemTimeNs - Sync0StartNs + Sync0CycleNs - 1) / Sync0CycleNs;
        return Sync0StartNs + cycles * Sync0CycleNs;
    }

    private void Latch()
    {
        var m = _memory.AsSpan();
        m[EscRegister.DcReceiveTimePort0..(EscRegister.DcReceiveTimePort0 + 16)].Clear();
        long port0 = LocalTimeNs(_arrivalNs);
        BinaryPrimitives.WriteUInt32LittleEndian(m[EscRegister.DcReceiveTimePort0..], unchecked((uint)port0));
        if (_returnNs is long back && _downstreamPort is >= 1 and <= 3)
            BinaryPrimitives.WriteUInt32LittleEndian(m[(EscRegister.DcReceiveTimePort0 + 4 * _downstreamPort)..], unchecked((uint)LocalTimeNs(back)));
        BinaryPrimitives.WriteInt64LittleEndian(m[EscRegister.DcReceiveTimeProcessingUnit..], port0);
    }

    private void Advance(long trueNs)
    {
        if (!_started)
        {
            _started = true;
            _trueNs = trueNs;
            _localNs = LocalStartNs;
            return;
        }
        if (trueNs <= _trueNs)
            return; // true time never runs back; a coarse source may repeat a value
        double advanced = _fractionNs + (trueNs - _trueNs) * Rate;
        long whole = (long)Math.Floor(advanced);
        _localNs += whole;
        _fractionNs = advanced - whole;
        _trueNs = trueNs;
    }

    private void Control(long differenceNs)
    {
        long sinceLast = _lastCompareTrueNs == long.MinValue ? 0 : _arrivalNs - _lastCompareTrueNs;
        _lastCompareTrueNs = _arrivalNs;
        if (sinceLast <= 0)
            return; // the first compare after a reset only sets the baseline
        // Phase: slew towards the received time, never faster than the ESC could stretch or shrink its clock ticks.
        double maxSlew = sinceLast * MaxSlewPpm * 1e-6;
        _fractionNs -= Math.Clamp(PhaseGain * differenceNs, -maxSlew, maxSlew);
        // Frequency: a time difference per elapsed time is a rate error; integrate a fraction of it.
        CorrectionPpm = Math.Clamp(CorrectionPpm - FrequencyGain * differenceNs / sinceLast * 1e6, -MaxCorrectionPpm, MaxCorrectionPpm);
    }

    private static bool Overlaps(int start, int length, int register, int registerLength) =>
        start < register + registerLength && register < start + length;
}
