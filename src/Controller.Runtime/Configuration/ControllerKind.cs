namespace Controller.Runtime.Configuration;

/// <summary>Which controller the cerebellum loop runs (<c>controllers.default</c>, <see cref="RobotRuntime.SwitchController"/>).</summary>
public enum ControllerKind
{
    /// <summary>The brain's action chunks, splined and jerk-limited (<c>follower</c>): the main job.</summary>
    Follower,

    /// <summary>Hold where the joints are (<c>hold</c>): the drives keep their position.</summary>
    Hold,

    /// <summary>Joint PD on torque actuators around the pose at activation (<c>pd</c>).</summary>
    Pd,

    /// <summary>Joint impedance on torque or MIT-style actuators around the pose at activation (<c>impedance</c>).</summary>
    Impedance,

    /// <summary>Cartesian admittance from the wrist force/torque sensor (<c>admittance</c>): hand guiding.</summary>
    Admittance,
}
