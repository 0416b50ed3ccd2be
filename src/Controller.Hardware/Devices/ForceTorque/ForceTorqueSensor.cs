using Controller.Pipeline.Messages;

namespace Controller.Hardware.Devices.ForceTorque;

/// <summary>
/// The common force/torque stage on top of any <see cref="IForceTorqueDriver"/>: each cycle it takes the driver's
/// newest sample (sensor frame) and produces the <see cref="Wrench"/> the controllers use: saturation flags per axis
/// against the rated range, bias removed (tare), tool weight subtracted (gravity compensation), then a first-order
/// low-pass filter.
/// </summary>
/// <remarks>
/// Order, and why: saturation is judged on the raw reading (the transducer's range is what saturates); the bias and
/// the tool's weight are removed before filtering, so while the robot turns the wrist the (instantaneous) weight term
/// and the measurement go through the same filter lag instead of leaving a transient. A tare measures the bias with
/// the current weight term already removed, so taring with a tool on, in any pose, leaves only the sensor's offset.
/// <see cref="RequestTare"/> and <see cref="SetPayload"/> may be called from any thread; everything else belongs to
/// the loop thread. <see cref="Read(ref Wrench, in SensorOrientation)"/> neither allocates, locks nor throws.
/// </remarks>
public sealed class ForceTorqueSensor
{
    private readonly IForceTorqueDriver _driver;
    private readonly ForceTorqueSensorOptions _options;
    private readonly ForceTorqueRange _range;
    private readonly double _filterTimeConstantSeconds;
    private readonly double[] _bias = new double[WrenchAxes.Count];
    private readonly double[] _tareSum = new double[WrenchAxes.Count];
    private readonly double[] _filtered = new double[WrenchAxes.Count];
    private ToolPayload? _payload;
    private Wrench _raw;
    private Wrench _output;
    private int _tareRequested;
    private int _tareRemaining;
    private bool _tared;
    private bool _filterPrimed;
    private long _lastSampleNs;
    private long _samples, _staleCycles, _saturatedSamples, _faultCycles, _tares;

    /// <summary>Wraps <paramref name="driver"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Invalid options or rated range; the message names the value.</exception>
    public ForceTorqueSensor(IForceTorqueDriver driver, ForceTorqueSensorOptions? options = null)
    {
        _driver = driver ?? throw new ArgumentNullException(nameof(driver));
        _options = options ?? new ForceTorqueSensorOptions();
        _options.Validate();
        _range = driver.RatedRange;
        _range.Validate(driver.Name);
        _payload = _options.Payload;
        _filterTimeConstantSeconds = _options.LowPassCutoffHz > 0 ? 1.0 / (2 * Math.PI * _options.LowPassCutoffHz) : 0;
        _output.SensorIndex = _options.SensorIndex;
        _output.Flags = WrenchFlags.Stale;
    }

    /// <summary>The driver underneath.</summary>
    public IForceTorqueDriver Driver => _driver;

    /// <summary>Axes at or beyond the rated range in the newest sample.</summary>
    public ForceTorqueAxes SaturatedAxes { get; private set; }

    /// <summary>Fresh samples processed.</summary>
    public long Samples => Volatile.Read(ref _samples);

    /// <summary>Cycles without a new sample (the output repeated with <see cref="WrenchFlags.Stale"/>).</summary>
    public long StaleCycles => Volatile.Read(ref _staleCycles);

    /// <summary>Samples with at least one saturated axis.</summary>
    public long SaturatedSamples => Volatile.Read(ref _saturatedSamples);

    /// <summary>Cycles on which the driver reported anything but <see cref="Devices.BusStatus.Ok"/>, or a non-finite value.</summary>
    public long FaultCycles => Volatile.Read(ref _faultCycles);

    /// <summary>Tares completed (a thread that asked for one can wait for this to grow).</summary>
    public long TaresCompleted => Volatile.Read(ref _tares);

    /// <summary>Opens the driver (not on the loop thread).</summary>
    public void Open() => _driver.Open();

    /// <summary>Closes the driver. Does not throw.</summary>
    public void Close() => _driver.Close();

    /// <summary>Any thread: the next <see cref="ForceTorqueSensorOptions.TareSampleCount"/> fresh samples become the new bias.</summary>
    public void RequestTare() => Interlocked.Exchange(ref _tareRequested, 1);

    /// <summary>Any thread: the tool now on the sensor (a tool change, a grasped part); null turns gravity compensation off.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Invalid payload.</exception>
    public void SetPayload(ToolPayload? payload)
    {
        payload?.Validate();
        Volatile.Write(ref _payload, payload);
    }

    /// <summary>Loop thread: copies the current bias (sensor frame, N and N·m) into <paramref name="bias"/> (length ≥ 6).</summary>
    public void GetBias(Span<double> bias) => _bias.CopyTo(bias);

    /// <summary>Loop thread: one cycle without gravity compensation (orientation unknown).</summary>
    public Devices.BusStatus Read(ref Wrench wrench) => Process(ref wrench, default, haveOrientation: false);

    /// <summary>
    /// Loop thread: one cycle. <paramref name="worldFromSensor"/> is the sensor's orientation now, used to subtract the
    /// tool's weight. Without a new sample the last output is repeated with <see cref="WrenchFlags.Stale"/>.
    /// </summary>
    public Devices.BusStatus Read(ref Wrench wrench, in SensorOrientation worldFromSensor) => Process(ref wrench, worldFromSensor, haveOrientation: true);

    private Devices.BusStatus Process(ref Wrench wrench, in SensorOrientation orientation, bool haveOrientation)
    {
        var status = _driver.Read(ref _raw);
        if (status != Devices.BusStatus.Ok || (_raw.Flags & WrenchFlags.Stale) != 0)
        {
            if (status != Devices.BusStatus.Ok) _faultCycles++;
            else _staleCycles++;
            return Repeat(ref wrench, status);
        }

        Span<double> value = stackalloc double[WrenchAxes.Count];
        WrenchAxes.CopyTo(_raw, value);
        var saturated = ForceTorqueAxes.None;
        for (int axis = 0; axis < WrenchAxes.Count; axis++)
        {
            if (!double.IsFinite(value[axis]))
            {
                _faultCycles++;
                return Repeat(ref wrench, Devices.BusStatus.DeviceFault);
            }
            if (Math.Abs(value[axis]) >= _range[axis]) saturated |= WrenchAxes.Bit(axis);
        }
        SaturatedAxes = saturated;
        if (saturated != ForceTorqueAxes.None) _saturatedSamples++;

        var payload = Volatile.Read(ref _payload);
        bool compensate = haveOrientation && payload is not null;
        if (compensate) SubtractToolWeight(value, payload!, orientation);
        Tare(value);
        for (int axis = 0; axis < WrenchAxes.Count; axis++) value[axis] -= _bias[axis];
        Filter(value, _raw.Header.TimestampNs);

        _samples++;
        _output.Header = _raw.Header;
        _output.SensorIndex = _options.SensorIndex;
        _output.Flags = (saturated != ForceTorqueAxes.None ? WrenchFlags.Saturated : 0)
            | (_tared ? WrenchFlags.Tared : 0)
            | (compensate ? WrenchFlags.GravityCompensated : 0);
        WrenchAxes.SetFrom(ref _output, _filtered);
        wrench = _output;
        return Devices.BusStatus.Ok;
    }

    private Devices.BusStatus Repeat(ref Wrench wrench, Devices.BusStatus status)
    {
        wrench = _output;
        wrench.Flags |= WrenchFlags.Stale;
        return status;
    }

    /// <summary>
    /// The sensor carries the tool's weight m·g, g = (0, 0, −|g|) in the world, seen in the sensor frame as Rᵀ·g, and its
    /// moment c × m·g about the sensor origin; both are part of every reading and are removed here.
    /// </summary>
    private void SubtractToolWeight(Span<double> value, ToolPayload payload, in SensorOrientation orientation)
    {
        orientation.WorldZInSensorFrame(-_options.GravityMps2 * payload.MassKg, out double fx, out double fy, out double fz);
        double cx = payload.CentreOfMassXM, cy = payload.CentreOfMassYM, cz = payload.CentreOfMassZM;
        value[0] -= fx;
        value[1] -= fy;
        value[2] -= fz;
        value[3] -= cy * fz - cz * fy;
        value[4] -= cz * fx - cx * fz;
        value[5] -= cx * fy - cy * fx;
    }

    private void Tare(ReadOnlySpan<double> value)
    {
        if (Volatile.Read(ref _tareRequested) != 0 && Interlocked.Exchange(ref _tareRequested, 0) != 0)
        {
            _tareRemaining = _options.TareSampleCount;
            Array.Clear(_tareSum);
        }
        if (_tareRemaining == 0) return;
        for (int axis = 0; axis < WrenchAxes.Count; axis++) _tareSum[axis] += value[axis];
        if (--_tareRemaining > 0) return;
        for (int axis = 0; axis < WrenchAxes.Count; axis++) _bias[axis] = _tareSum[axis] / _options.TareSampleCount;
        _tared = true;
        _filterPrimed = false;  // restart the filter at the tared value instead of gliding down from the old bias
        Interlocked.Increment(ref _tares);
    }

    /// <summary>First-order low-pass, y += α(x − y) with α = dt / (τ + dt), τ = 1 / (2π f_c), dt from the sample times.</summary>
    private void Filter(ReadOnlySpan<double> value, long sampleNs)
    {
        if (_filterTimeConstantSeconds <= 0 || !_filterPrimed)
        {
            value.CopyTo(_filtered);
            _filterPrimed = true;
            _lastSampleNs = sampleNs;
            return;
        }
        double dt = Math.Clamp((sampleNs - _lastSampleNs) * 1e-9, 0, 1);
        _lastSampleNs = sampleNs;
        double alpha = dt / (_filterTimeConstantSeconds + dt);
        for (int axis = 0; axis < WrenchAxes.Count; axis++) _filtered[axis] += alpha * (value[axis] - _filtered[axis]);
    }
}
