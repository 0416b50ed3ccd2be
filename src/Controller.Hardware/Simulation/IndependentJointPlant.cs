namespace Controller.Hardware.Simulation;

/// <summary>
/// A plant of independent joints, each a rotor with inertia and viscous damping (J·q̈ = τ − b·q̇), between hard
/// position stops. It lets a twin run without the robot's rigid-body model: `robotctl sim dynamixel` alone, or a
/// driver's integration test. Sensors read a constant wrench that a test may set.
/// </summary>
public sealed class IndependentJointPlant : ISimulatedPlant
{
    private readonly double[] _positionRad;
    private readonly double[] _velocityRadPerSec;
    private readonly double[] _torqueNm;
    private readonly double _inertiaKgM2;
    private readonly double _dampingNmsPerRad;
    private readonly double _lowerStopRad;
    private readonly double _upperStopRad;
    private readonly SensorWrench[] _wrenches;
    private readonly Lock _stepLock = new();

    /// <summary>Creates the plant with every joint at rest at 0.</summary>
    /// <param name="jointCount">Number of joints (≥ 0).</param>
    /// <param name="sensorCount">Number of force/torque sensors (≥ 0).</param>
    /// <param name="inertiaKgM2">Rotor inertia seen at the joint (&gt; 0).</param>
    /// <param name="dampingNmsPerRad">Viscous damping (≥ 0).</param>
    /// <param name="lowerStopRad">Lower hard stop.</param>
    /// <param name="upperStopRad">Upper hard stop (&gt; lower).</param>
    public IndependentJointPlant(
        int jointCount,
        int sensorCount = 0,
        double inertiaKgM2 = 0.01,
        double dampingNmsPerRad = 0.05,
        double lowerStopRad = -Math.PI,
        double upperStopRad = Math.PI)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(jointCount);
        ArgumentOutOfRangeException.ThrowIfNegative(sensorCount);
        if (!(inertiaKgM2 > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(inertiaKgM2), inertiaKgM2, "inertia must be > 0 kg·m²");
        }

        if (!(dampingNmsPerRad >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(dampingNmsPerRad), dampingNmsPerRad, "damping must be ≥ 0");
        }

        if (!(upperStopRad > lowerStopRad))
        {
            throw new ArgumentOutOfRangeException(
                nameof(upperStopRad), upperStopRad, $"upper stop must be > lower stop {lowerStopRad}");
        }

        _positionRad = new double[jointCount];
        _velocityRadPerSec = new double[jointCount];
        _torqueNm = new double[jointCount];
        _wrenches = new SensorWrench[sensorCount];
        _inertiaKgM2 = inertiaKgM2;
        _dampingNmsPerRad = dampingNmsPerRad;
        _lowerStopRad = lowerStopRad;
        _upperStopRad = upperStopRad;
    }

    /// <inheritdoc />
    public int JointCount => _positionRad.Length;

    /// <inheritdoc />
    public int SensorCount => _wrenches.Length;

    /// <inheritdoc />
    public double GetPositionRad(int joint) => Volatile.Read(ref _positionRad[joint]);

    /// <inheritdoc />
    public double GetVelocityRadPerSec(int joint) => Volatile.Read(ref _velocityRadPerSec[joint]);

    /// <inheritdoc />
    public void SetActuatorTorqueNm(int joint, double torqueNm) => Volatile.Write(ref _torqueNm[joint], torqueNm);

    /// <inheritdoc />
    public double GetActuatorTorqueNm(int joint) => Volatile.Read(ref _torqueNm[joint]);

    /// <inheritdoc />
    public SensorWrench GetSensorWrench(int sensor)
    {
        lock (_stepLock)
        {
            return _wrenches[sensor];
        }
    }

    /// <summary>Sets what a sensor reads (tests, or a scripted contact).</summary>
    public void SetSensorWrench(int sensor, SensorWrench wrench)
    {
        lock (_stepLock)
        {
            _wrenches[sensor] = wrench;
        }
    }

    /// <summary>Places a joint (e.g. an initial pose), at rest.</summary>
    public void SetPositionRad(int joint, double positionRad)
    {
        lock (_stepLock)
        {
            _positionRad[joint] = Math.Clamp(positionRad, _lowerStopRad, _upperStopRad);
            _velocityRadPerSec[joint] = 0;
        }
    }

    /// <summary>
    /// Advances every joint by <paramref name="dtSeconds"/> with semi-implicit Euler; a joint reaching a stop stays
    /// there with zero velocity (an inelastic hard stop).
    /// </summary>
    public void Step(double dtSeconds)
    {
        lock (_stepLock)
        {
            for (int i = 0; i < _positionRad.Length; i++)
            {
                double torque = Volatile.Read(ref _torqueNm[i]);
                double velocity = _velocityRadPerSec[i];
                velocity += dtSeconds * (torque - _dampingNmsPerRad * velocity) / _inertiaKgM2;
                double position = _positionRad[i] + dtSeconds * velocity;
                if (position <= _lowerStopRad || position >= _upperStopRad)
                {
                    position = Math.Clamp(position, _lowerStopRad, _upperStopRad);
                    velocity = 0;
                }

                Volatile.Write(ref _positionRad[i], position);
                Volatile.Write(ref _velocityRadPerSec[i], velocity);
            }
        }
    }
}
