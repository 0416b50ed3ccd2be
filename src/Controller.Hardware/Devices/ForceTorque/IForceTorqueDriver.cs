using Controller.Pipeline.Messages;

namespace Controller.Hardware.Devices.ForceTorque;

/// <summary>
/// A six-axis force/torque sensor's driver: the I/O only (Robotiq FT300 stream, ATI Net F/T RDT). Bias, filtering,
/// saturation flags and gravity compensation are the job of <see cref="ForceTorqueSensor"/>, which wraps a driver.
/// </summary>
public interface IForceTorqueDriver
{
    /// <summary>Name for messages and telemetry (e.g. "wrist-ft300").</summary>
    string Name { get; }

    /// <summary>The sensor's rated range per axis; a reading at or beyond it is flagged as saturated.</summary>
    ForceTorqueRange RatedRange { get; }

    /// <summary>Samples the sensor produces per second when streaming (FT300: 100 Hz).</summary>
    double SampleRateHz { get; }

    /// <summary>Brings communication up, identifies the sensor and starts its stream. May block and throw (not on the loop thread).</summary>
    void Open();

    /// <summary>Stops the stream and closes communication. Must not throw.</summary>
    void Close();

    /// <summary>
    /// Loop thread: takes the newest sample that arrived since the last call, in the sensor's frame (N, N·m).
    /// <see cref="BusStatus.Ok"/> with a new sample: values, <see cref="Wrench.Header"/> (sequence, receipt time in
    /// Stopwatch nanoseconds) written and <see cref="WrenchFlags.Stale"/> cleared. No new sample yet:
    /// <see cref="BusStatus.Ok"/> with <see cref="WrenchFlags.Stale"/> set and the values untouched. Silence longer than
    /// the driver's timeout: <see cref="BusStatus.Timeout"/>, then <see cref="BusStatus.DeviceLost"/>; only damaged frames
    /// this cycle: <see cref="BusStatus.ChecksumError"/>; the sensor reports an error: <see cref="BusStatus.DeviceFault"/>.
    /// No allocation, no exception.
    /// </summary>
    BusStatus Read(ref Wrench wrench);
}
