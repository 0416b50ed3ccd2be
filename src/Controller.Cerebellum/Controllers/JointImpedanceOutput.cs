namespace Controller.Cerebellum.Controllers;

/// <summary>How a <see cref="JointImpedanceController"/> hands its law to the actuators.</summary>
public enum JointImpedanceOutput
{
    /// <summary>
    /// The controller closes the loop: <see cref="Controller.Pipeline.Messages.ControlMode.Effort"/> with
    /// τ = K(q_ref − q) + D(q̇_ref − q̇) + τ_ff computed on the loop thread (CST, current mode). Needs
    /// <see cref="Controller.Hardware.Devices.ActuatorModes.Torque"/>.
    /// </summary>
    Effort,

    /// <summary>
    /// The drive closes the loop at its own rate: <see cref="Controller.Pipeline.Messages.ControlMode.Impedance"/>
    /// with q_ref, q̇_ref, K, D and τ_ff (MIT-mode actuators). Needs
    /// <see cref="Controller.Hardware.Devices.ActuatorModes.Impedance"/>. The safety supervisor bounds the torque the drive
    /// will produce, predicted from the measured state, by scaling K and D down when it would exceed the effort limit.
    /// </summary>
    Impedance,
}
