using Controller.Hardware.Devices;
using Controller.Hardware.Devices.ForceTorque;
using Controller.Pipeline.Messages;

namespace Controller.Hardware.Tests.Devices.ForceTorque;

/// <summary>An in-test driver: each Read delivers what the test queued (one sample, no sample, or a status).</summary>
internal sealed class ScriptedForceTorqueDriver : IForceTorqueDriver
{
    private Wrench _next;
    private bool _hasNext;

    public string Name => "scripted";
    public ForceTorqueRange RatedRange { get; set; } = ForceTorqueRange.RobotiqFt300;
    public double SampleRateHz => 100;
    public BusStatus NextStatus { get; set; } = BusStatus.Ok;
    public long Sequence { get; private set; }
    public long TimestampNs { get; set; }

    public void Open() { }
    public void Close() { }

    /// <summary>Queues one sample, 10 ms after the previous one.</summary>
    public void Push(double fx, double fy, double fz, double tx, double ty, double tz, long periodNs = 10_000_000)
    {
        TimestampNs += periodNs;
        _next = new Wrench { Header = new MessageHeader(++Sequence, TimestampNs), ForceXN = fx, ForceYN = fy, ForceZN = fz, TorqueXNm = tx, TorqueYNm = ty, TorqueZNm = tz };
        _hasNext = true;
    }

    public BusStatus Read(ref Wrench wrench)
    {
        if (NextStatus != BusStatus.Ok) return NextStatus;
        if (!_hasNext)
        {
            wrench.Flags |= WrenchFlags.Stale;
            return BusStatus.Ok;
        }
        wrench = _next;
        _hasNext = false;
        return BusStatus.Ok;
    }
}
