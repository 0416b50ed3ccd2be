namespace Controller.Hardware.Simulation;

/// <summary>
/// The physics a device twin is attached to. A twin's servo loop reads the joint it drives and applies a torque;
/// a force/torque twin reads the wrench its sensor would measure. The rigid-body plant of the robot model
/// (Controller.Robotics) implements this in the runtime; <see cref="IndependentJointPlant"/> is the stand-alone
/// version a twin uses when it runs alone (`robotctl sim ...`) or in its own tests.
/// </summary>
/// <remarks>
/// Twins and the plant run on different threads. Implementations make single values safe to read and write
/// concurrently (torn reads of one double cannot happen on 64-bit targets); a twin never needs a consistent
/// snapshot of several joints.
/// </remarks>
public interface ISimulatedPlant
{
    /// <summary>Number of joints, indexed 0..JointCount-1.</summary>
    int JointCount { get; }

    /// <summary>Number of six-axis force/torque sensors, indexed 0..SensorCount-1.</summary>
    int SensorCount { get; }

    /// <summary>Joint position (rad, or m for prismatic joints).</summary>
    double GetPositionRad(int joint);

    /// <summary>Joint velocity (rad/s, or m/s for prismatic joints).</summary>
    double GetVelocityRadPerSec(int joint);

    /// <summary>The torque (N·m, or N) the actuator of this joint applies from now until changed.</summary>
    void SetActuatorTorqueNm(int joint, double torqueNm);

    /// <summary>The torque most recently applied by the actuator (what a current sensor would report).</summary>
    double GetActuatorTorqueNm(int joint);

    /// <summary>The wrench the sensor measures in its own frame (forces in N, torques in N·m).</summary>
    SensorWrench GetSensorWrench(int sensor);
}
