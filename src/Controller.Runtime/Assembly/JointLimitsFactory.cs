using Controller.Cerebellum.Joints;
using Controller.Robotics.Model;
using Controller.Runtime.Configuration;

namespace Controller.Runtime.Assembly;

/// <summary>The loop's joint limits: the URDF's, tightened by the configuration's overrides.</summary>
internal static class JointLimitsFactory
{
    public static JointLimitSet Build(RobotModel model, RobotConfig config)
    {
        var limits = new List<JointLimits>();
        foreach (ModelJoint joint in model.Joints)
        {
            config.Limits.TryGetValue(joint.Name, out LimitOverride? o);
            double lower = o?.Lower ?? (double.IsFinite(joint.LowerLimit) ? joint.LowerLimit : -Math.PI);
            double upper = o?.Upper ?? (double.IsFinite(joint.UpperLimit) ? joint.UpperLimit : Math.PI);
            double velocity = Math.Min(o?.Velocity ?? double.PositiveInfinity, double.IsFinite(joint.VelocityLimit) ? joint.VelocityLimit : 2.0);
            double acceleration = o?.Acceleration ?? config.Safety.DefaultAccelerationRadPerS2;
            double effort = Math.Min(o?.Effort ?? double.PositiveInfinity, double.IsFinite(joint.EffortLimit) ? joint.EffortLimit : 100);
            if (!(lower < upper) || lower < joint.LowerLimit || upper > joint.UpperLimit)
            {
                throw new ConfigException(config.File, [new ConfigError(config.File, 0, $"limits.{joint.Name}", $"[{lower}, {upper}] must lie inside the URDF's [{joint.LowerLimit}, {joint.UpperLimit}] with lower < upper")]);
            }

            // Jerk: reach the acceleration limit in 20 ms; soft limits 2 % inside the hard ones.
            double margin = 0.02 * (upper - lower);
            limits.Add(new JointLimits(joint.Name, lower, upper, velocity, acceleration, acceleration / 0.02, effort, lower + margin, upper - margin));
        }

        return new JointLimitSet(limits);
    }
}
