using Controller.Hardware.Devices;
using Controller.Pipeline.Messages;

namespace Controller.Cli.Bench;

/// <summary>
/// In-process joints for <c>bench loop --body humanoid</c>: no wire and no I/O, so the cycle's measured compute is the
/// controllers' and the supervisor's, not a transport's. Each read reports a slow sway (±0.02 rad at 0.5 Hz, a different
/// phase per joint) around the home pose, so the model and the limits see changing inputs every cycle, and the effort of
/// the last command written. It stands in for a bus, it is not a plant: the sway does not follow the commands.
/// </summary>
public sealed class SwayingJointsDriver : IJointBusDriver
{
    private const double AmplitudeRad = 0.02;
    private const double FrequencyHz = 0.5;
    private readonly double[] _homeRad;
    private readonly double[] _effortNm;
    private readonly double _radiansPerRead;
    private readonly int _firstJoint;
    private long _reads;

    /// <summary>Creates the bus.</summary>
    /// <param name="name">Bus name.</param>
    /// <param name="homeRad">Home position of each of its joints (rad).</param>
    /// <param name="firstJoint">Index of its first joint in the robot (sets the sway's phase).</param>
    /// <param name="rateHz">Reads per second (the loop rate).</param>
    public SwayingJointsDriver(string name, IReadOnlyList<double> homeRad, int firstJoint, double rateHz)
    {
        ArgumentNullException.ThrowIfNull(homeRad);
        if (homeRad.Count < 1) throw new ArgumentException($"bus '{name}' needs at least one joint; it has {homeRad.Count}.", nameof(homeRad));
        if (!(rateHz > 0)) throw new ArgumentOutOfRangeException(nameof(rateHz), rateHz, "the read rate must be > 0 Hz.");
        Name = name;
        _homeRad = homeRad.ToArray();
        _effortNm = new double[_homeRad.Length];
        _firstJoint = firstJoint;
        _radiansPerRead = 2 * Math.PI * FrequencyHz / rateHz;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public int JointCount => _homeRad.Length;

    /// <inheritdoc />
    public ActuatorModes SupportedModes => ActuatorModes.Position | ActuatorModes.Torque;

    /// <summary>Commands written with drives enabled (any mode).</summary>
    public long Writes { get; private set; }

    /// <inheritdoc />
    public void Open() { }

    /// <inheritdoc />
    public void EnableDrives() { }

    /// <inheritdoc />
    public void DisableDrives() { }

    /// <inheritdoc />
    public void ClearFaults() { }

    /// <inheritdoc />
    public void Close() { }

    /// <inheritdoc />
    public BusStatus Read(ref JointState state, int offset)
    {
        double phase = _reads++ * _radiansPerRead;
        for (int i = 0; i < _homeRad.Length; i++)
        {
            double jointPhase = phase + 0.7 * (_firstJoint + i);
            state.Position[offset + i] = _homeRad[i] + AmplitudeRad * Math.Sin(jointPhase);
            state.Velocity[offset + i] = AmplitudeRad * 2 * Math.PI * FrequencyHz * Math.Cos(jointPhase);
            state.Effort[offset + i] = _effortNm[i];
        }
        return BusStatus.Ok;
    }

    /// <inheritdoc />
    public BusStatus Write(in JointCommand command, int offset)
    {
        Writes++;
        bool effort = command.Mode is ControlMode.Effort or ControlMode.Impedance;
        for (int i = 0; i < _homeRad.Length; i++) _effortNm[i] = effort ? command.Effort[offset + i] : 0;
        return BusStatus.Ok;
    }
}
